package dev.roomcall.media.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Linux never gets webrtc-java's native desktop capture (it crashes there); Windows and macOS do. */
class CapturePlatformTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "Linux, X11",
            "linux, X11",
            "FreeBSD, X11",
            "Windows 11, NATIVE",
            "Windows Server 2022, NATIVE",
            "Mac OS X, NATIVE",
            "z/OS, NONE",
            "'', NONE",
    })
    void choosesTheImplementationByOperatingSystem(String osName, CapturePlatform expected) {
        assertEquals(expected, CapturePlatform.forOs(osName));
    }

    @org.junit.jupiter.api.Test
    void anUnknownOsNameIsNone() {
        assertEquals(CapturePlatform.NONE, CapturePlatform.forOs(null));
    }

    @org.junit.jupiter.api.Test
    void linuxIsGivenTheX11SourcesWithoutTouchingNatives() {
        ScreenSources sources = PlatformScreenSources.forPlatform(CapturePlatform.X11, java.util.Map.of());
        assertEquals(X11ScreenSources.class, sources.getClass());
        // Without a display the listing says so instead of failing.
        assertEquals(java.util.Optional.of(DisplayServer.NO_DISPLAY), sources.list().notice());
    }
}
