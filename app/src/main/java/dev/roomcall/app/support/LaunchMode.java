package dev.roomcall.app.support;

import java.util.List;
import java.util.Set;

/**
 * Whether this launch opens the window or only talks on the console. Decided from the raw
 * arguments because it must be known before the first logger exists, which is before the command
 * line is parsed.
 */
public enum LaunchMode {
    /** The window: logs go to a file, and a crash shows a dialog instead of vanishing. */
    WINDOW,
    /** {@code --headless}, {@code --help}, {@code --version}: output and logs stay on the console. */
    CONSOLE;

    private static final Set<String> CONSOLE_OPTIONS = Set.of("--headless", "--help", "-h", "--version", "-V");

    public static LaunchMode of(List<String> args) {
        for (String arg : args) {
            if ("--".equals(arg)) {
                break;
            }
            if (CONSOLE_OPTIONS.contains(arg)) {
                return CONSOLE;
            }
        }
        return WINDOW;
    }

    public static LaunchMode of(String... args) {
        return of(List.of(args));
    }
}
