package dev.roomcall.media;

/**
 * The test JVM's one engine (libwebrtc allows one factory per process): fake media at a small size so two
 * in-process peers stay cheap on a two-core machine. Restarted if a test closed it.
 */
final class SharedEngine {
    static final int WIDTH = 320;
    static final int HEIGHT = 240;
    static final MediaOptions OPTIONS = MediaOptions.defaults().withFakeMedia(true).withResolution(WIDTH, HEIGHT).withFps(15);

    private static MediaEngine engine;

    private SharedEngine() {}

    static synchronized MediaEngine get() {
        if (engine == null || !engine.isOpen()) {
            engine = MediaEngine.start(OPTIONS);
        }
        return engine;
    }
}
