package dev.roomcall.media.synthetic;

import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrame;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes a painted picture into a {@link CustomVideoSource} at a fixed rate from its own daemon thread.
 *
 * <p>An animated picture gets a freshly allocated native buffer per frame, because libwebrtc's encoder may still
 * read the previous one; a still picture (the slate) is painted once and the same buffer is pushed again, which
 * is safe since nobody writes to it.
 */
public final class SyntheticVideo implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyntheticVideo.class);

    private final CustomVideoSource source = new CustomVideoSource();
    private final I420Painter painter;
    private final int width;
    private final int height;
    private final int fps;
    private final boolean animated;
    private final ScheduledExecutorService pump;
    private NativeI420Buffer still;
    private long frameNumber;
    private boolean failed;

    SyntheticVideo(String name, I420Painter painter, int width, int height, int fps, boolean animated) {
        this.painter = painter;
        this.width = width;
        this.height = height;
        this.fps = fps;
        this.animated = animated;
        this.pump = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "roomcall-" + name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The moving colour-bar test pattern with a frame counter, sent instead of a camera with fake media. */
    public static SyntheticVideo testPattern(String name, int width, int height, int fps) {
        return new SyntheticVideo(name, new TestPattern(), width, height, fps, true);
    }

    /** The still "camera off" picture. */
    public static SyntheticVideo cameraOffSlate(String name, int width, int height, int fps) {
        return new SyntheticVideo(name, new CameraOffSlate(), width, height, fps, false);
    }

    public CustomVideoSource source() {
        return source;
    }

    public void start() {
        long periodMicros = 1_000_000L / fps;
        pump.scheduleAtFixedRate(this::pushFrame, 0, periodMicros, TimeUnit.MICROSECONDS);
    }

    private void pushFrame() {
        if (failed) {
            return;
        }
        try {
            NativeI420Buffer buffer;
            if (animated) {
                buffer = NativeI420Buffer.allocate(width, height);
                painter.paint(canvasOf(buffer), frameNumber);
            } else {
                if (still == null) {
                    still = NativeI420Buffer.allocate(width, height);
                    painter.paint(canvasOf(still), 0);
                }
                buffer = still;
            }
            frameNumber++;
            source.pushFrame(new VideoFrame(buffer, System.nanoTime()));
            if (animated) {
                // pushFrame took its own reference; drop ours so the buffer dies with the encoder's.
                buffer.release();
            }
        } catch (RuntimeException | Error e) {
            // A scheduled task that throws is silently cancelled; say why the picture froze, once.
            failed = true;
            LOG.error("synthetic video stopped", e);
        }
    }

    static I420Canvas canvasOf(NativeI420Buffer buffer) {
        return new I420Canvas(buffer.getDataY(), buffer.getStrideY(), buffer.getDataU(), buffer.getStrideU(),
                buffer.getDataV(), buffer.getStrideV(), buffer.getWidth(), buffer.getHeight());
    }

    /** Stops pushing and waits for a frame in flight; the source itself is disposed by its owner. */
    @Override
    public void close() {
        pump.shutdownNow();
        try {
            if (!pump.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.warn("synthetic video pump did not stop within 2 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (still != null) {
            still.release();
            still = null;
        }
    }
}
