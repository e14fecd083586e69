package dev.roomcall.app.support;

import java.util.Locale;

/** The three desktop families whose conventions differ for where an app keeps its files. */
public enum OperatingSystem {
    LINUX,
    MACOS,
    WINDOWS;

    /** From the {@code os.name} system property; every Unix that is not macOS follows the XDG rules. */
    public static OperatingSystem fromOsName(String osName) {
        String name = osName == null ? "" : osName.toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) {
            return WINDOWS;
        }
        if (name.startsWith("mac") || name.startsWith("darwin")) {
            return MACOS;
        }
        return LINUX;
    }

    public static OperatingSystem current() {
        return fromOsName(System.getProperty("os.name"));
    }
}
