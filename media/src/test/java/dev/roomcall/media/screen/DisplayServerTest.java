package dev.roomcall.media.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What X11 capture can offer, from the session's environment: the Wayland rule as a table. */
class DisplayServerTest {

    @ParameterizedTest(name = "XDG_SESSION_TYPE={0} WAYLAND_DISPLAY={1} DISPLAY={2} -> screens {3}, windows {4}")
    @CsvSource(nullValues = "-", value = {
            // type,   wayland,     display, screens, windows, notice
            "x11,      -,           :0,      true,    true,    -",
            "-,        -,           :1,      true,    true,    -",
            "tty,      -,           :0,      true,    true,    -",
            "wayland,  wayland-0,   :0,      false,   true,    WAYLAND_WINDOWS_ONLY",
            "wayland,  -,           :0,      false,   true,    WAYLAND_WINDOWS_ONLY",
            "Wayland,  -,           :0,      false,   true,    WAYLAND_WINDOWS_ONLY",
            "x11,      wayland-1,   :0,      false,   true,    WAYLAND_WINDOWS_ONLY",
            "wayland,  wayland-0,   -,       false,   false,   WAYLAND_NO_X",
            "-,        wayland-0,   '  ',    false,   false,   WAYLAND_NO_X",
            "x11,      -,           -,       false,   false,   NO_DISPLAY",
            "-,        -,           -,       false,   false,   NO_DISPLAY",
    })
    void decides(String type, String wayland, String display, boolean screens, boolean windows, String notice) {
        Map<String, String> env = new HashMap<>();
        put(env, "XDG_SESSION_TYPE", type);
        put(env, "WAYLAND_DISPLAY", wayland);
        put(env, "DISPLAY", display);

        DisplayServer decided = DisplayServer.decide(env);

        assertEquals(screens, decided.screens(), "screens");
        assertEquals(windows, decided.windows(), "windows");
        assertEquals(Optional.ofNullable(notice).map(DisplayServerTest::text), decided.notice());
    }

    private static String text(String name) {
        return switch (name) {
            case "WAYLAND_WINDOWS_ONLY" -> DisplayServer.WAYLAND_WINDOWS_ONLY;
            case "WAYLAND_NO_X" -> DisplayServer.WAYLAND_NO_X;
            case "NO_DISPLAY" -> DisplayServer.NO_DISPLAY;
            default -> throw new IllegalArgumentException(name);
        };
    }

    private static void put(Map<String, String> env, String name, String value) {
        if (value != null) {
            env.put(name, value);
        }
    }
}
