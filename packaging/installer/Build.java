import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One installer build: the OS it runs on, the {@code --name value} arguments, where the packaging resources are
 * and where the results go, and what the OS-specific steps share (icon, macOS resources and signing).
 */
final class Build {

    enum Os { LINUX, WINDOWS, MACOS }

    final Os os;
    final Path out;
    final Path packaging;
    /** The version jpackage accepts (see {@link #numericVersion}). */
    final String version;
    private final Map<String, String> args;

    Build(Map<String, String> args) {
        this.args = Map.copyOf(args);
        this.os = currentOs();
        this.out = Path.of(required("out")).toAbsolutePath();
        this.packaging = Path.of(required("packaging")).toAbsolutePath();
        this.version = numericVersion(required("version"));
    }

    String required(String name) {
        String value = args.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return value;
    }

    String option(String name, String fallback) {
        return args.getOrDefault(name, fallback);
    }

    /** What jpackage's {@code --app-version} gets on this OS. */
    String appVersion() {
        return os == Os.MACOS ? macBuildNumber() : version;
    }

    /** jpackage refuses a macOS app version starting with 0 (CFBundleVersion), so a build number goes there. */
    String macBuildNumber() {
        return option("build-number", "1");
    }

    Path icon() {
        return switch (os) {
            case LINUX -> packaging.resolve("linux/Roomcall.png");
            case WINDOWS -> packaging.resolve("windows/Roomcall.ico");
            case MACOS -> packaging.resolve("macos/Roomcall.icns");
        };
    }

    /** Info.plist with the camera and microphone purpose strings, and the real version for people to see. */
    Path macResources() throws IOException {
        Path dir = out.resolve("resources-macos");
        Tools.deleteRecursively(dir);
        Files.createDirectories(dir);
        String plist = Files.readString(packaging.resolve("macos/Info.plist"), StandardCharsets.UTF_8)
                .replace("ROOMCALL_VERSION", version);
        Files.writeString(dir.resolve("Info.plist"), plist, StandardCharsets.UTF_8);
        Files.copy(packaging.resolve("macos/Roomcall.icns"), dir.resolve(Product.NAME + ".icns"));
        return dir;
    }

    /** Signs (with the camera/microphone entitlements) only when a Developer ID is configured. */
    void macSigning(List<String> cmd) {
        String identity = System.getenv("ROOMCALL_MAC_SIGNING_IDENTITY");
        if (os == Os.MACOS && identity != null && !identity.isBlank()) {
            cmd.addAll(List.of("--mac-sign", "--mac-signing-key-user-name", identity,
                    "--mac-entitlements", packaging.resolve("macos/Roomcall.entitlements").toString()));
        }
    }

    /** jpackage wants 1 to 3 numbers: "0.1.0-SNAPSHOT" becomes "0.1.0". */
    static String numericVersion(String mavenVersion) {
        String numeric = mavenVersion.replaceAll("[^0-9.].*$", "").replaceAll("\\.+$", "");
        if (!numeric.matches("\\d+(\\.\\d+){0,2}")) {
            throw new IllegalArgumentException("cannot make a package version from " + mavenVersion);
        }
        return numeric;
    }

    private static Os currentOs() {
        String name = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (name.startsWith("windows")) {
            return Os.WINDOWS;
        }
        return name.startsWith("mac") ? Os.MACOS : Os.LINUX;
    }
}
