package dev.roomcall.media.render;

/**
 * A stream of video frames, converted for display only while someone watches it; free of any UI toolkit.
 *
 * <p>Converting costs a frame's worth of work and two frame-sized buffers, which nobody needs while no window shows
 * the picture (a headless call has none). So a viewer opens a {@link #watch()} for as long as it shows the source:
 * from the next frame on {@link #latest()} has pictures, and once the last watch is closed the source stops
 * converting and lets go of its buffers. Frames are counted and listeners hear them either way.
 */
public interface FrameSource {

    /** One viewer's interest in a source's pictures, open until closed; closing it again does nothing. */
    interface Watch extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Converts frames for one more viewer from the next frame on, until the returned watch is closed. Any thread.
     */
    Watch watch();

    /**
     * Copies nothing; returns the newest converted frame or null (nothing converted since the source was last
     * watched); the Frame stays valid until the next call to latest(). Meant for one consumer (a view polling once
     * per pulse); may return the same frame again when nothing newer arrived.
     */
    Frame latest();

    /** How many frames arrived so far, watched or not. */
    long framesReceived();

    /** Called on libwebrtc's thread after each new frame, watched or not; must be cheap and must not block. */
    void addFrameListener(Runnable onNewFrame);

    void removeFrameListener(Runnable onNewFrame);
}
