package dev.roomcall.media.session;

import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCRtpReceiver;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.roomcall.media.render.ConvertingFrameSink;
import dev.roomcall.media.render.FrameSource;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The peer's video tracks, each on a sink of its own that converts it for display while a view watches it: the
 * camera and a shared screen. The peer's first video m-section (the first mid a video track arrives on) is its
 * camera; a video track on any other mid is a screen share (docs/protocol.md, "Several video tracks").
 *
 * <p>Tracks arrive and leave on libwebrtc's signalling thread, inside its {@code onTrack}/{@code onRemoveTrack}
 * callbacks, and the sink goes onto the track right there: libwebrtc drops decoded frames of a track without a sink,
 * so a sink attached later, once the call's executor gets to it, loses the first frames (and with a busy executor
 * the first picture waits for the queue). Even that can be late for the offerer: applying the answer starts the
 * receive stream before libwebrtc calls {@code onTrack}, and a frame decoded in between is lost. So {@link #prepare}
 * puts the camera's sink on the receiving track of this side's first video m-section before the offer goes out
 * (the peer's camera arrives there: docs/protocol.md, "Several video tracks"). {@link #prepare} and {@link #detach}
 * run on the executor; all of these share one lock, and the frame listeners run on libwebrtc's decoder thread.
 */
final class RemoteVideos {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RemoteVideos.class);
    private static final int NO_SCREEN = 0;
    private static final int SCREEN_AWAITED = 1;
    private static final int SCREEN_SHOWN = 2;

    private final SessionRunner runner;
    /** In a subscription: every video is someone's own picture; null in a call with one peer. */
    private final FeedVideos feeds;
    private final ConvertingFrameSink camera;
    private final ConvertingFrameSink screen;
    private final AtomicBoolean firstCameraFrame = new AtomicBoolean();
    /** {@link #NO_SCREEN}, {@link #SCREEN_AWAITED} (a track, no frame yet) or {@link #SCREEN_SHOWN}. */
    private final AtomicInteger screenState = new AtomicInteger(NO_SCREEN);
    private final Object lock = new Object();
    // Guarded by lock.
    private String cameraMid;
    private VideoTrack cameraTrack;
    private String cameraTrackId;
    private VideoTrack screenTrack;
    private boolean detached;

    RemoteVideos(String id, SessionRunner runner, boolean subscription) {
        this.runner = runner;
        this.feeds = subscription ? new FeedVideos(id, runner) : null;
        this.camera = new ConvertingFrameSink("session " + id + " remote video");
        this.screen = new ConvertingFrameSink("session " + id + " remote screen");
        camera.addFrameListener(() -> {
            if (firstCameraFrame.compareAndSet(false, true)) {
                // Stamped here, on the decoder thread: the executor may take a while to deliver the report.
                long arrivedNanos = System.nanoTime();
                int width = camera.lastWidth();
                int height = camera.lastHeight();
                runner.report(l -> l.onFirstRemoteVideo(width, height, arrivedNanos));
            }
        });
        screen.addFrameListener(() -> {
            if (screenState.compareAndSet(SCREEN_AWAITED, SCREEN_SHOWN)) {
                int width = screen.lastWidth();
                int height = screen.lastHeight();
                runner.report(l -> l.onRemoteShareStarted(width, height));
            }
        });
    }

    FrameSource camera() {
        return camera;
    }

    FrameSource screen() {
        return screen;
    }

    /** In a subscription, the picture on {@code mid}; null before a video arrived there (or outside subscriptions). */
    FrameSource byMid(String mid) {
        return feeds == null ? null : feeds.byMid(mid);
    }

    /**
     * Shows the receiving track of the first video m-section as the camera before negotiation, so its first
     * decoded frame has a sink however early it comes; on the executor, once this side's tracks are added. If the
     * peer's first video arrives on another track after all, {@link #onTrack} moves the camera there.
     */
    void prepare(RTCPeerConnection pc) {
        if (feeds != null) {
            return;
        }
        for (RTCRtpTransceiver transceiver : pc.getTransceivers()) {
            MediaStreamTrack receiving = transceiver.getReceiver().getTrack();
            if (receiving instanceof VideoTrack video && MediaStreamTrack.VIDEO_TRACK_KIND.equals(receiving.getKind())) {
                String trackId = video.getId();
                synchronized (lock) {
                    if (!detached && cameraTrack == null) {
                        cameraTrack = swap(null, video, camera);
                        cameraTrackId = trackId;
                    }
                }
                return;
            }
        }
    }

    /** The id of the received track the camera picture shows; null before there is one. */
    String cameraTrackId() {
        synchronized (lock) {
            return cameraTrackId;
        }
    }

    /**
     * Shows a track the peer added, if it is video, as camera or screen by its mid; on libwebrtc's signalling
     * thread, before it returns from {@code onTrack}.
     */
    void onTrack(RTCRtpTransceiver transceiver) {
        MediaStreamTrack received = transceiver.getReceiver().getTrack();
        if (!(received instanceof VideoTrack video) || !MediaStreamTrack.VIDEO_TRACK_KIND.equals(received.getKind())) {
            return;
        }
        String mid = transceiver.getMid();
        String trackId = video.getId();
        synchronized (lock) {
            if (!detached) {
                show(mid, video, trackId);
            }
        }
    }

    private void show(String mid, VideoTrack video, String trackId) {
        if (feeds != null) {
            feeds.onTrack(mid, video);
            return;
        }
        LOG.debug("remote video track on mid {} ({})", mid,
                cameraMid == null || Objects.equals(cameraMid, mid) ? "camera" : "screen");
        if (cameraMid == null || Objects.equals(cameraMid, mid)) {
            cameraMid = mid;
            if (!trackId.equals(cameraTrackId)) { // else shown since prepare: moving the sink could lose a frame
                cameraTrack = swap(cameraTrack, video, camera);
                cameraTrackId = trackId;
            }
        } else {
            screenTrack = swap(screenTrack, video, screen);
            // The next decoded frame announces the share with its size.
            screenState.compareAndSet(NO_SCREEN, SCREEN_AWAITED);
        }
    }

    /** The peer stopped sending a track: if it was the screen, the share ended. On libwebrtc's signalling thread. */
    void onRemoveTrack(RTCRtpReceiver receiver) {
        MediaStreamTrack removed = receiver.getTrack();
        synchronized (lock) {
            if (detached) {
                return;
            }
            if (feeds != null) {
                feeds.onRemoveTrack(receiver);
                return;
            }
            if (screenTrack == null || removed == null || !screenTrack.getId().equals(removed.getId())) {
                return;
            }
            screenTrack.removeSink(screen);
            screenTrack = null;
        }
        if (screenState.getAndSet(NO_SCREEN) == SCREEN_SHOWN) {
            runner.report(SessionListener::onRemoteShareStopped);
        }
    }

    /** Stops showing anything, for good; at teardown, on the executor. Tracks that arrive later are ignored. */
    void detach() {
        synchronized (lock) {
            detached = true;
            if (feeds != null) {
                feeds.detach();
            }
            cameraTrack = swap(cameraTrack, null, camera);
            cameraTrackId = null;
            screenTrack = swap(screenTrack, null, screen);
        }
    }

    private static VideoTrack swap(VideoTrack old, VideoTrack next, ConvertingFrameSink sink) {
        if (old != null) {
            old.removeSink(sink);
        }
        if (next != null) {
            next.addSink(sink);
        }
        return next;
    }
}
