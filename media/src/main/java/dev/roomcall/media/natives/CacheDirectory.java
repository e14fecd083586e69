package dev.roomcall.media.natives;

import java.nio.file.Path;
import java.util.Locale;
import java.util.function.UnaryOperator;

/** Where each operating system expects an application's per-user cache: files it can always make again. */
public final class CacheDirectory {

    /** Set this system property to keep the cache elsewhere (a portable install, a test run). */
    public static final String OVERRIDE_PROPERTY = "roomcall.cache.dir";

    private CacheDirectory() {}

    public static Path forUser() {
        return forUser(System::getProperty, System::getenv);
    }

    /**
     * Windows: {@code %LOCALAPPDATA%\Roomcall\Cache}; macOS: {@code ~/Library/Caches/Roomcall}; elsewhere the XDG
     * base directory: {@code $XDG_CACHE_HOME/roomcall}, else {@code ~/.cache/roomcall}.
     */
    static Path forUser(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        String override = properties.apply(OVERRIDE_PROPERTY);
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String home = properties.apply("user.home");
        String os = properties.apply("os.name") == null ? "" : properties.apply("os.name").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String local = environment.apply("LOCALAPPDATA");
            return local == null || local.isBlank()
                    ? Path.of(home, "AppData", "Local", "Roomcall", "Cache")
                    : Path.of(local, "Roomcall", "Cache");
        }
        if (os.startsWith("mac")) {
            return Path.of(home, "Library", "Caches", "Roomcall");
        }
        String xdg = environment.apply("XDG_CACHE_HOME");
        // The XDG spec says to ignore a relative XDG_CACHE_HOME.
        return xdg != null && Path.of(xdg).isAbsolute() ? Path.of(xdg, "roomcall") : Path.of(home, ".cache", "roomcall");
    }
}
