package dev.roomcall.media.local;

import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.roomcall.media.render.ConvertingFrameSink;
import dev.roomcall.media.render.FrameSource;

/**
 * This side's own view of one local source (the camera in the self-view, a shared screen): a track of its own on the
 * source and a sink that converts it. The sink is on the track only while someone watches it, because every sink on
 * a track costs a native copy of each frame, which nobody needs while no window shows the picture (a headless call
 * never does). Guarded by the owning {@link LocalMedia}, which calls {@link #follow()} whenever the sink's watchers
 * change.
 */
final class LocalPreview {
    private final ConvertingFrameSink sink;
    private VideoTrack track;
    private boolean attached;

    /** @param onWatchedChange how the sink tells the owner its watchers changed (see {@link ConvertingFrameSink}) */
    LocalPreview(String name, Runnable onWatchedChange) {
        this.sink = new ConvertingFrameSink(name, onWatchedChange);
    }

    /** The converted picture; it has frames only while watched. */
    FrameSource frames() {
        return sink;
    }

    /** True while a track is shown. */
    boolean showing() {
        return track != null;
    }

    /**
     * Shows {@code next} from now on, or nothing if null.
     *
     * @return the track shown before (no longer feeding the sink; the caller disposes it), or null
     */
    VideoTrack show(VideoTrack next) {
        VideoTrack old = track;
        if (attached) {
            // Off the old track first: one capture thread at a time delivers to the sink.
            old.removeSink(sink);
            attached = false;
        }
        track = next;
        follow();
        return old;
    }

    /** Puts the sink on the track while anyone watches it, and takes it off when no one does. */
    void follow() {
        boolean wanted = track != null && sink.watched();
        if (wanted == attached) {
            return;
        }
        if (wanted) {
            track.addSink(sink);
        } else {
            track.removeSink(sink);
        }
        attached = wanted;
    }
}
