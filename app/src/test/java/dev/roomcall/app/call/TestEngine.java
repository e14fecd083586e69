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

    public static synchronized MediaEngine get() {
        if (engine == null || !engine.isOpen()) {
            engine = MediaEngine.start(MediaOptions.defaults().withFakeMedia(true).withResolution(320, 240).withFps(15));
        }
        return engine;
    }
}
