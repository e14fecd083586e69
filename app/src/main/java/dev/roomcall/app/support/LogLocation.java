package dev.roomcall.app.support;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the installed app keeps its log files, following each desktop's convention so that people
 * (and support instructions) find them where they expect:
 * <ul>
 *   <li>Linux: {@code $XDG_STATE_HOME/roomcall/logs}, by default {@code ~/.local/state/roomcall/logs}
 *       (the XDG base-directory spec puts logs under "state" and says relative values are ignored);</li>
 *   <li>macOS: {@code ~/Library/Logs/Roomcall}, where Console.app looks;</li>
 *   <li>Windows: {@code %LOCALAPPDATA%\Roomcall\logs}, the per-user, non-roaming place.</li>
 * </ul>
 */
public final class LogLocation {

    private LogLocation() {}

    /** The log directory for {@code os}, given the environment and the user's home directory. */
    public static Path directory(OperatingSystem os, Map<String, String> env, Path home) {
        return switch (os) {
            case MACOS -> home.resolve("Library").resolve("Logs").resolve("Roomcall");
            case WINDOWS -> {
                String localAppData = nonBlank(env.get("LOCALAPPDATA"));
                Path local = localAppData != null ? Path.of(localAppData) : home.resolve("AppData").resolve("Local");
                yield local.resolve("Roomcall").resolve("logs");
            }
            case LINUX -> {
                String stateHome = nonBlank(env.get("XDG_STATE_HOME"));
                Path state = stateHome != null && Path.of(stateHome).isAbsolute()
                        ? Path.of(stateHome)
                        : home.resolve(".local").resolve("state");
                yield state.resolve("roomcall").resolve("logs");
            }
        };
    }

    /** The log directory of this process's user on this machine. */
    public static Path current() {
        return directory(OperatingSystem.current(), System.getenv(), Path.of(System.getProperty("user.home")));
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
