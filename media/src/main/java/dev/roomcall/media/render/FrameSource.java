package dev.roomcall.media.render;

/** A stream of converted video frames, free of any UI toolkit. */
public interface FrameSource {
    /**
     * Copies nothing; returns the newest converted frame or null; the Frame stays valid until the next call
     * to latest(). Meant for one consumer (a view polling once per pulse); may return the same frame again
     * when nothing newer arrived.
     */
    Frame latest();

    /** How many frames were converted so far. */
    long framesReceived();

    /** Called on libwebrtc's thread after each new frame; must be cheap and must not block. */
    void addFrameListener(Runnable onNewFrame);

    void removeFrameListener(Runnable onNewFrame);
}
