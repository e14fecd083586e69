package dev.roomcall.media.render;

import dev.onvoid.webrtc.media.FourCC;
import dev.onvoid.webrtc.media.video.VideoBufferConverter;
import dev.onvoid.webrtc.media.video.VideoFrame;
import dev.onvoid.webrtc.media.video.VideoFrameBuffer;
import dev.onvoid.webrtc.media.video.VideoTrackSink;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives frames on libwebrtc's thread, converts each to BGRA with libyuv and keeps only the newest.
 *
 * <p>Two direct buffers take turns: the consumer holds one (the frame {@link #latest()} last returned) while the
 * converter writes into the other, so neither side waits for the other's work and the held frame is never
 * overwritten. A buffer is reallocated only when the frame size changes, so a view may key its own image
 * objects on the buffer's identity. Every incoming frame is released,
 * including those that fail to convert: each one is a native copy libwebrtc made for this sink.
 */
public final class ConvertingFrameSink implements VideoTrackSink, FrameSource {
    private static final Logger LOG = LoggerFactory.getLogger(ConvertingFrameSink.class);
    private static final int NONE = -1;

    private final String name;
    private final ByteBuffer[] buffers = new ByteBuffer[2];
    private final Frame[] frames = new Frame[2];
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();
    /** Index the consumer holds, guarded by {@link #lock}. */
    private int held = NONE;
    /** Index of a converted frame the consumer has not taken yet, guarded by {@link #lock}. */
    private int fresh = NONE;
    private volatile long converted;
    private volatile int lastWidth;
    private volatile int lastHeight;
    private boolean conversionFailureLogged;

    public ConvertingFrameSink(String name) {
        this.name = name;
    }

    @Override
    public void onVideoFrame(VideoFrame frame) {
        try {
            convert(frame);
        } catch (Exception e) {
            if (!conversionFailureLogged) {
                conversionFailureLogged = true;
                LOG.warn("{}: cannot convert video frame: {}", name, e.toString());
            }
        } finally {
            frame.release();
        }
    }

    private void convert(VideoFrame frame) throws Exception {
        VideoFrameBuffer source = frame.buffer;
        int width = source.getWidth();
        int height = source.getHeight();
        int target;
        synchronized (lock) {
            target = held == 0 ? 1 : held == 1 ? 0 : fresh == 0 ? 1 : 0;
            if (fresh == target) {
                fresh = NONE; // about to be replaced by a newer frame
            }
        }
        int size = width * height * 4;
        ByteBuffer buffer = buffers[target];
        if (buffer == null || buffer.capacity() != size) {
            buffer = ByteBuffer.allocateDirect(size);
            buffers[target] = buffer;
        }
        buffer.clear();
        // libyuv's "ARGB" is the word order; in memory that is B, G, R, A.
        VideoBufferConverter.convertFromI420(source, buffer, FourCC.ARGB);
        buffer.clear();
        long sequence = converted + 1;
        Frame result = new Frame(width, height, frame.rotation, buffer, sequence);
        synchronized (lock) {
            frames[target] = result;
            fresh = target;
        }
        lastWidth = width;
        lastHeight = height;
        converted = sequence;
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.warn("{}: frame listener failed", name, e);
            }
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

    @Override
    public long framesReceived() {
        return converted;
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
}
