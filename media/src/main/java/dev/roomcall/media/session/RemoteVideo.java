package dev.roomcall.media.session;

import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.roomcall.media.render.ConvertingFrameSink;
import dev.roomcall.media.render.FrameSource;
import java.util.concurrent.atomic.AtomicBoolean;

/** The peer's newest video track, converted for display; the first decoded frame is reported once. */
final class RemoteVideo {
    private final ConvertingFrameSink sink;
    private final SessionRunner runner;
    private final AtomicBoolean firstFrame = new AtomicBoolean();
    private VideoTrack track;

    RemoteVideo(String id, SessionRunner runner) {
        this.sink = new ConvertingFrameSink("session " + id + " remote video");
        this.runner = runner;
        // Called on libwebrtc's decoder thread.
        sink.addFrameListener(() -> {
            if (firstFrame.compareAndSet(false, true)) {
                int width = sink.lastWidth();
                int height = sink.lastHeight();
                runner.report(l -> l.onFirstRemoteVideo(width, height));
            }
        });
    }

    FrameSource frames() {
        return sink;
    }

    /** Shows a track the peer added, if it is video; on the executor. */
    void onTrack(RTCRtpTransceiver transceiver) {
        MediaStreamTrack received = transceiver.getReceiver().getTrack();
        if (!(received instanceof VideoTrack video) || !MediaStreamTrack.VIDEO_TRACK_KIND.equals(received.getKind())) {
            return;
        }
        detach();
        video.addSink(sink);
        track = video;
    }

    /** Stops showing; on the executor. */
    void detach() {
        if (track != null) {
            track.removeSink(sink);
            track = null;
        }
    }
}
