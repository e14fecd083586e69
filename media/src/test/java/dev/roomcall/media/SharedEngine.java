package dev.roomcall.media;

/**
 * The test JVM's one engine (libwebrtc allows one factory per process): fake media at a small size so two
 * in-process peers stay cheap on a two-core machine. Restarted if a test closed it.
 */
public final class SharedEngine {
    public static final int WIDTH = 320;
    public static final int HEIGHT = 240;
    public static final MediaOptions OPTIONS = MediaOptions.defaults().withFakeMedia(true).withResolution(WIDTH, HEIGHT).withFps(15);

    private static MediaEngine engine;

    private SharedEngine() {}

    public static synchronized MediaEngine get() {
        if (engine == null || !engine.isOpen()) {
            engine = MediaEngine.start(OPTIONS);
        }
        return engine;
    }

    /** The engine's factory, for tests that open local media on it directly. */
    public static dev.onvoid.webrtc.PeerConnectionFactory factory() {
        return get().factory();
    }
}
