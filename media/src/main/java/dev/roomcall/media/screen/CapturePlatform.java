package dev.roomcall.media.screen;

import java.util.Locale;

/**
 * Which screen capture implementation an operating system gets. Linux always gets Roomcall's own X11 path:
 * webrtc-java 0.14.0's Linux desktop capture natives crash the JVM (built without X11 support) or paint only
 * damaged regions, so they must never be called there.
 */
public enum CapturePlatform {
    /** Xlib through JNA ({@link X11ScreenSources}). */
    X11,
    /** webrtc-java's native desktop capturers ({@link NativeScreenSources}); Windows and macOS. */
    NATIVE,
    /** Nothing can be captured. */
    NONE;

    /** @param osName the {@code os.name} system property */
    public static CapturePlatform forOs(String osName) {
        String os = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows") || os.startsWith("mac")) {
            return NATIVE;
        }
        if (os.contains("linux") || os.contains("bsd") || os.contains("sunos")) {
            return X11;
        }
        return NONE;
    }
}
