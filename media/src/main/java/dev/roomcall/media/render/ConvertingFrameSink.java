package dev.roomcall.media.render;

import dev.onvoid.webrtc.media.FourCC;
import dev.onvoid.webrtc.media.video.VideoBufferConverter;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoFrameBuffer;
import dev.onvoid.webrtc.media.video.VideoTrackSink;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives frames on libwebrtc's thread; while watched, converts each to BGRA with libyuv and keeps only the newest.
 *
 * <p>Two direct buffers take turns: the consumer holds one (the frame {@link #latest()} last returned) while the
 * converter writes into the other, so neither side waits for the other's work and the held frame is never
 * overwritten. A buffer is reallocated only when the frame size changes, so a view may key its own image
 * objects on the buffer's identity. While nobody watches, nothing is converted and no buffer is kept: the last
 * watch to close drops both (the collector frees them once no one holds the frames). Every frame is counted, its
 * size and rotation recorded and the frame listeners run, watched or not. Every incoming frame is released at once,
 * including those that fail to convert: each one is a native copy libwebrtc made for this sink.
 */
public final class ConvertingFrameSink implements VideoTrackSink, FrameSource {
    private static final Logger LOG = LoggerFactory.getLogger(ConvertingFrameSink.class);
    private static final int NONE = -1;
    private static final Runnable NOTHING = () -> { };

    private final String name;
    private final Runnable onWatchedChange;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    // Guarded by lock.
    private final ByteBuffer[] buffers = new ByteBuffer[2];
    private final Frame[] frames = new Frame[2];
    private int viewers;
    /** Index the consumer holds. */
    private int held = NONE;
    /** Index of a converted frame the consumer has not taken yet. */
    private int fresh = NONE;
    // Written on the frame thread only.
    private volatile long received;
    private volatile int lastWidth;
    private volatile int lastHeight;
    private volatile int lastRotation;
    private boolean conversionFailureLogged;

    public ConvertingFrameSink(String name) {
        this(name, NOTHING);
    }

    /**
     * @param onWatchedChange runs after {@link #watched()} may have changed, on the thread that opened or closed the
     *                        watch and outside this sink's lock (so it may attach or detach this sink from a track);
     *                        it should read {@link #watched()} rather than count calls, which can interleave
     */
    public ConvertingFrameSink(String name, Runnable onWatchedChange) {
        this.name = name;
        this.onWatchedChange = onWatchedChange;
    }

    @Override
    public void onVideoFrame(VideoFrame frame) {
        try {
            VideoFrameBuffer source = frame.buffer;
            int width = source.getWidth();
            int height = source.getHeight();
            long sequence = received + 1;
            lastWidth = width;
            lastHeight = height;
            lastRotation = frame.rotation;
            convertIfWatched(frame, width, height, sequence);
            received = sequence;
        } catch (RuntimeException e) {
            logFailureOnce(e);
            return;
        } finally {
            frame.release();
        }
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("{}: frame listener failed", name, e);
            }
        }
    }

    private void convertIfWatched(VideoFrame frame, int width, int height, long sequence) {
        int target;
        ByteBuffer buffer;
        synchronized (lock) {
            if (viewers == 0) {
                return;
            }
            target = held == 0 ? 1 : held == 1 ? 0 : fresh == 0 ? 1 : 0;
            if (fresh == target) {
                fresh = NONE; // about to be replaced by a newer frame
            }
            buffer = buffers[target];
        }
        int size = width * height * 4;
        if (buffer == null || buffer.capacity() != size) {
            buffer = ByteBuffer.allocateDirect(size);
        }
        try {
            buffer.clear();
            // libyuv's "ARGB" is the word order; in memory that is B, G, R, A.
            VideoBufferConverter.convertFromI420(frame.buffer, buffer, FourCC.ARGB);
            buffer.clear();
        } catch (Exception e) {
            logFailureOnce(e);
            return;
        }
        Frame result = new Frame(width, height, frame.rotation, buffer, sequence);
        synchronized (lock) {
            if (viewers == 0) {
                return; // the last viewer left while this frame was converted: keep nothing
            }
            buffers[target] = buffer;
            frames[target] = result;
            fresh = target;
        }
    }

    private void logFailureOnce(Exception e) {
        if (!conversionFailureLogged) {
            conversionFailureLogged = true;
            LOG.warn("{}: cannot convert video frame: {}", name, e.toString());
        }
    }

    @Override
    public Watch watch() {
        synchronized (lock) {
            viewers++;
        }
        onWatchedChange.run();
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                unwatch();
            }
        };
    }

    private void unwatch() {
        synchronized (lock) {
            viewers--;
            if (viewers == 0) {
                buffers[0] = null;
                buffers[1] = null;
                frames[0] = null;
                frames[1] = null;
                held = NONE;
                fresh = NONE;
            }
        }
        onWatchedChange.run();
    }

    /** True while at least one watch is open. */
    public boolean watched() {
        synchronized (lock) {
            return viewers > 0;
        }
    }

    @Override
    public Frame latest() {
        synchronized (lock) {
            if (fresh != NONE) {
                held = fresh;
                fresh = NONE;
            }
            return held == NONE ? null : frames[held];
        }
    }

    /** How many frame-sized buffers are kept now (0 while nobody watches); for tests. */
    int buffersKept() {
        synchronized (lock) {
            return (buffers[0] == null ? 0 : 1) + (buffers[1] == null ? 0 : 1);
        }
    }

    @Override
    public long framesReceived() {
        return received;
    }

    @Override
    public void addFrameListener(Runnable onNewFrame) {
        listeners.add(onNewFrame);
    }

    @Override
    public void removeFrameListener(Runnable onNewFrame) {
        listeners.remove(onNewFrame);
    }

    public int lastWidth() {
        return lastWidth;
    }

    public int lastHeight() {
        return lastHeight;
    }

    /** Clockwise degrees the last frame must be turned for display. */
    public int lastRotation() {
        return lastRotation;
    }
}
