package dev.roomcall.media.screen;

import java.util.Map;
import java.util.Optional;

/**
 * Which parts of a Linux desktop X11 capture can see, decided from the session's environment alone. Under Wayland
 * an X11 client sees only XWayland windows: the root window is black there, so screens are not offered, and
 * without an X display nothing is.
 */
public record DisplayServer(boolean screens, boolean windows, Optional<String> notice) {
    static final String WAYLAND_WINDOWS_ONLY = "This desktop runs Wayland: Roomcall can share only windows of X11 "
            + "programs (XWayland), not the whole screen or Wayland windows.";
    static final String WAYLAND_NO_X = "This desktop runs Wayland without X11 support (no DISPLAY): Roomcall "
            + "cannot capture anything to share here.";
    static final String NO_DISPLAY = "There is no X display (DISPLAY is not set): there is nothing to share.";

    public static DisplayServer decide(Map<String, String> env) {
        boolean wayland = "wayland".equalsIgnoreCase(value(env, "XDG_SESSION_TYPE"))
                || !value(env, "WAYLAND_DISPLAY").isEmpty();
        boolean x11 = !value(env, "DISPLAY").isEmpty();
        if (wayland) {
            return x11 ? new DisplayServer(false, true, Optional.of(WAYLAND_WINDOWS_ONLY))
                    : new DisplayServer(false, false, Optional.of(WAYLAND_NO_X));
        }
        return x11 ? new DisplayServer(true, true, Optional.empty())
                : new DisplayServer(false, false, Optional.of(NO_DISPLAY));
    }

    private static String value(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null ? "" : value.trim();
    }
}
