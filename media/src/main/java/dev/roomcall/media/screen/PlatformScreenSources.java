package dev.roomcall.media.screen;

import java.util.Map;

/**
 * Picks the {@link ScreenSources} of this machine. The only class besides {@link NativeScreenSources} that can
 * reach webrtc-java's desktop capture natives, and it does so only for {@link CapturePlatform#NATIVE}.
 */
public final class PlatformScreenSources {
    private PlatformScreenSources() {}

    /** X11 on Linux (never webrtc-java's crashing Linux natives), the native capturers on Windows and macOS. */
    public static ScreenSources forThisMachine() {
        return forPlatform(CapturePlatform.forOs(System.getProperty("os.name")), System.getenv());
    }

    public static ScreenSources forPlatform(CapturePlatform platform, Map<String, String> env) {
        return switch (platform) {
            case X11 -> new X11ScreenSources(env.get("DISPLAY"), DisplayServer.decide(env));
            case NATIVE -> new NativeScreenSources();
            case NONE -> new NoScreenSources("Screen sharing is not available on this operating system.");
        };
    }
}
