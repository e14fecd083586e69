package dev.roomcall.media.local;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.VideoTrackSource;
import dev.roomcall.media.WebRtcNatives;
import dev.roomcall.media.render.ConvertingFrameSink;
import dev.roomcall.media.render.FrameSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * This side's view of each track added to {@link LocalMedia} (e.g. the shared screen in the self-view): a track of
 * its own on the added source, converted for display. Guarded by the owning {@link LocalMedia}.
 */
final class AddedPreviews {

    private record Preview(VideoTrack track, ConvertingFrameSink sink) {}

    private final Map<String, Preview> previews = new LinkedHashMap<>();
    /**
     * One sink per key for good: its two frame buffers are reused by the next track under the key, so sharing on and
     * off does not leave a pair of full-size direct buffers per share for the collector to find.
     */
    private final Map<String, ConvertingFrameSink> sinks = new LinkedHashMap<>();

    void add(PeerConnectionFactory factory, String key, String trackId, VideoTrackSource source) {
        VideoTrack track = factory.createVideoTrack(trackId, source);
        ConvertingFrameSink sink = sinks.computeIfAbsent(key, k -> new ConvertingFrameSink(k + " preview"));
        track.addSink(sink);
        previews.put(key, new Preview(track, sink));
    }

    FrameSource get(String key) {
        Preview preview = previews.get(key);
        return preview == null ? null : preview.sink();
    }

    /** Detaches {@code key}'s preview; its track, returned, is disposed with the input's other tracks (or null). */
    VideoTrack remove(String key) {
        Preview preview = previews.remove(key);
        if (preview == null) {
            return null;
        }
        preview.track().removeSink(preview.sink());
        return preview.track();
    }

    void disposeAll() {
        for (Preview preview : previews.values()) {
            preview.track().removeSink(preview.sink());
            WebRtcNatives.dispose("added preview track", preview.track()::dispose);
        }
        previews.clear();
    }
}
