package dev.roomcall.media.screen;

import dev.onvoid.webrtc.media.FourCC;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoBufferConverter;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoFrameBuffer;
import dev.onvoid.webrtc.media.video.VideoTrackSource;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Grabs an X screen or window on the {@link CaptureThread} at the share's frame rate, converts it to I420 with
 * libyuv, scales it into the size cap and pushes it into a {@link CustomVideoSource}. When the source goes away the
 * capture stops itself and reports why once. The source is disposed by whoever sends it ({@code LocalMedia}).
 */
final class X11Capture implements ScreenCapture {
    private static final Logger LOG = LoggerFactory.getLogger(X11Capture.class);

    private final ScreenSource shared;
    private final X11Grabber grabber;
    private final ShareSettings settings;
    private final CustomVideoSource source = new CustomVideoSource();
    private final AtomicLong frames = new AtomicLong();
    /** Held while a frame is grabbed and pushed, so that closing waits for it and no grab follows. */
    private final Object grabbing = new Object();
    private volatile ScheduledFuture<?> task;
    private volatile Consumer<String> onStopped;
    private volatile boolean stopped;
    private boolean closed;

    X11Capture(ScreenSource shared, X11Grabber grabber, ShareSettings settings) {
        this.shared = shared;
        this.grabber = grabber;
        this.settings = settings;
    }

    @Override
    public VideoTrackSource source() {
        return source;
    }

    @Override
    public ScreenSource shared() {
        return shared;
    }

    @Override
    public long framesSent() {
        return frames.get();
    }

    @Override
    public void start(Consumer<String> onStopped) {
        this.onStopped = onStopped;
        task = CaptureThread.every(1_000_000L / settings.fps(), this::captureOne);
        if (stopped) {
            // Closed while starting: close() may have looked for the task before it was there.
            cancelTask();
        }
    }

    private void captureOne() {
        String failure = grabAndPush();
        if (failure != null) {
            // Reported outside the grab: the listener may close this capture from another thread that waits for it.
            stopWith(failure);
        }
    }

    /** @return null, or why the capture cannot go on */
    private String grabAndPush() {
        synchronized (grabbing) {
            if (stopped) {
                return null;
            }
            try {
                X11Grabber.Image image = grabber.grab();
                if (image != null) {
                    try {
                        push(image);
                    } finally {
                        grabber.release(image);
                    }
                }
                return null;
            } catch (ScreenCaptureException e) {
                return e.getMessage();
            } catch (Exception | Error e) {
                LOG.error("screen capture of {} failed", shared.name(), e);
                return "Screen capture failed: " + e.getMessage();
            }
        }
    }

    private void push(X11Grabber.Image image) throws Exception {
        NativeI420Buffer full = NativeI420Buffer.allocate(image.width(), image.height());
        try {
            VideoBufferConverter.convertToI420(image.bgra(), full, FourCC.ARGB);
            int[] size = settings.sentSize(image.width(), image.height());
            VideoFrameBuffer sent = size[0] == image.width() && size[1] == image.height() ? full
                    : full.cropAndScale(0, 0, image.width(), image.height(), size[0], size[1]);
            VideoFrame frame = new VideoFrame(sent, System.nanoTime());
            source.pushFrame(frame);
            if (sent != full) {
                frame.release();
            }
            frames.incrementAndGet();
        } finally {
            // pushFrame took its own reference; ours goes so the buffer dies with the encoder's.
            full.release();
        }
    }

    private void stopWith(String reason) {
        stopped = true;
        LOG.info("screen capture of {} stopped: {}", shared.name(), reason);
        cancelTask();
        Consumer<String> listener = onStopped;
        if (listener != null) {
            listener.accept(reason);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        onStopped = null;
        stopped = true;
        cancelTask();
        // Waits for a frame in flight; the source it is pushed into is disposed after this returns.
        synchronized (grabbing) {
            grabber.close();
        }
    }

    private void cancelTask() {
        ScheduledFuture<?> running = task;
        if (running != null) {
            running.cancel(false);
        }
    }
}
