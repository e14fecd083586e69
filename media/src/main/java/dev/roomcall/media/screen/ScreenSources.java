package dev.roomcall.media.screen;

import java.util.Map;

/** Lists what can be shared and opens a capture of it; one implementation per platform. */
public interface ScreenSources {
    /** Screens and windows that can be shared now, with a notice if part of the desktop is out of reach. */
    ScreenListing list();

    /**
     * Opens (but does not start) a capture.
     *
     * @throws ScreenCaptureException if the source is gone or cannot be captured
     */
    ScreenCapture open(ScreenSource source, ShareSettings settings) throws ScreenCaptureException;

    /** The implementation for this machine: X11 on Linux (never webrtc-java's crashing Linux natives). */
    static ScreenSources forThisMachine() {
        return forPlatform(CapturePlatform.forOs(System.getProperty("os.name")), System.getenv());
    }

    static ScreenSources forPlatform(CapturePlatform platform, Map<String, String> env) {
        return switch (platform) {
            case X11 -> new X11ScreenSources(env.get("DISPLAY"), DisplayServer.decide(env));
            case NATIVE -> new NativeScreenSources();
            case NONE -> new NoScreenSources("Screen sharing is not available on this operating system.");
        };
    }
}
