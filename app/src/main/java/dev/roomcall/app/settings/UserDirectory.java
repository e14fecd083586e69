package dev.roomcall.app.settings;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;

/** Where each operating system expects an application's per-user files of one kind. */
public enum UserDirectory {

    /**
     * Settings, recent rooms, the built-in server's certificate. Windows: {@code %APPDATA%\Roomcall}; macOS:
     * {@code ~/Library/Application Support/Roomcall}; elsewhere {@code $XDG_CONFIG_HOME/roomcall}, else
     * {@code ~/.config/roomcall}.
     */
    CONFIG("roomcall.config.dir", "XDG_CONFIG_HOME", ".config", "Application Support", "APPDATA", "Roaming", null),

    /**
     * Files that can always be made again (libwebrtc's library, unpacked). Windows: {@code %LOCALAPPDATA%\Roomcall\Cache};
     * macOS: {@code ~/Library/Caches/Roomcall}; elsewhere {@code $XDG_CACHE_HOME/roomcall}, else {@code ~/.cache/roomcall}.
     */
    CACHE("roomcall.cache.dir", "XDG_CACHE_HOME", ".cache", "Caches", "LOCALAPPDATA", "Local", "Cache");

    /** Set this system property to keep these files elsewhere (a portable install, a demo, a test run). */
    public final String overrideProperty;
    private final String xdgVariable;
    private final String xdgDefault;
    private final String macLibraryFolder;
    private final String windowsVariable;
    private final String windowsAppDataFolder;
    private final String windowsSubfolder;

    UserDirectory(String overrideProperty, String xdgVariable, String xdgDefault, String macLibraryFolder,
                  String windowsVariable, String windowsAppDataFolder, String windowsSubfolder) {
        this.overrideProperty = overrideProperty;
        this.xdgVariable = xdgVariable;
        this.xdgDefault = xdgDefault;
        this.macLibraryFolder = macLibraryFolder;
        this.windowsVariable = windowsVariable;
        this.windowsAppDataFolder = windowsAppDataFolder;
        this.windowsSubfolder = windowsSubfolder;
    }

    public Path forUser() {
        return forUser(System::getProperty, System::getenv);
    }

    Path forUser(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        String override = properties.apply(overrideProperty);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String home = properties.apply("user.home");
        String os = properties.apply("os.name") == null ? "" : properties.apply("os.name").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String variable = environment.apply(windowsVariable);
            Path app = variable == null || variable.isBlank()
                    ? Path.of(home, "AppData", windowsAppDataFolder, "Roomcall")
                    : Path.of(variable, "Roomcall");
            return windowsSubfolder == null ? app : app.resolve(windowsSubfolder);
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", macLibraryFolder, "Roomcall");
        }
        String xdg = environment.apply(xdgVariable);
        // The XDG spec says to ignore a relative value.
        return xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg, "roomcall") : Path.of(home, xdgDefault, "roomcall");
    }
}
