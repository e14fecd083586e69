package dev.roomcall.app.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;

/** Where each operating system expects an application's per-user settings. */
public final class ConfigDirectory {

    /** Set this system property to keep settings elsewhere (a portable install, a demo, a screenshot run). */
    public static final String OVERRIDE_PROPERTY = "roomcall.config.dir";

    private ConfigDirectory() {}

    public static Path forUser() {
        return forUser(System::getProperty, System::getenv);
    }

    /**
     * Windows: {@code %APPDATA%\Roomcall}; macOS: {@code ~/Library/Application Support/Roomcall}; elsewhere the XDG
     * base directory: {@code $XDG_CONFIG_HOME/roomcall}, else {@code ~/.config/roomcall}.
     */
    static Path forUser(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        String override = properties.apply(OVERRIDE_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String home = properties.apply("user.home");
        String os = properties.apply("os.name") == null ? "" : properties.apply("os.name").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = environment.apply("APPDATA");
            return appData == null || appData.isBlank()
                    ? Path.of(home, "AppData", "Roaming", "Roomcall")
                    : Path.of(appData, "Roomcall");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Application Support", "Roomcall");
        }
        String xdg = environment.apply("XDG_CONFIG_HOME");
        // The XDG spec says to ignore a relative XDG_CONFIG_HOME.
        return xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg, "roomcall") : Path.of(home, ".config", "roomcall");
    }
}
