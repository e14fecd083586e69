package dev.roomcall.app.call;

import dev.roomcall.media.MediaEngine;
import dev.roomcall.media.MediaOptions;

/**
 * The test JVM's one media engine (libwebrtc allows one factory per process), small fake media to stay cheap.
 * Public so the call screen's tests share it too.
 */
public final class TestEngine {

    private static MediaEngine engine;

    private TestEngine() {}

    /**
     * Closes the engine if one is open: a test class in a JVM shared with others (the ITs) must leave no engine
     * behind, since the next may start its own.
     */
    public static synchronized void closeIfOpen() {
        if (engine != null && engine.isOpen()) {
            engine.close();
        }
        engine = null;
    }

    public static synchronized MediaEngine get() {
        if (engine == null || !engine.isOpen()) {
            engine = MediaEngine.start(MediaOptions.defaults().withFakeMedia(true).withResolution(320, 240).withFps(15));
        }
        return engine;
    }
}
