import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Builds Roomcall's installers for the OS it runs on: a trimmed Java runtime (jlink), the app image
 * (jpackage), and the native packages: .deb (+ .rpm where rpmbuild exists) on Linux, .msi and .exe
 * on Windows, .dmg on macOS.
 *
 * <p>A single-file Java program (run as {@code java packaging/Installer.java ...}) rather than a
 * shell script, so the same steps run unchanged on all three CI runners. The Maven profile
 * {@code installer} in app/pom.xml runs it after the jars exist:
 * <pre>mvn -B -Pinstaller -DskipTests package</pre>
 *
 * <p>Steps:
 * <ol>
 *   <li>jlink a runtime with only the modules Roomcall uses plus the JavaFX modules from the
 *       platform jars in ~/.m2, with a CDS archive of the JDK's own classes;</li>
 *   <li>copy JavaFX's native libraries to where JavaFX looks first in a linked runtime, so they
 *       are not unpacked into ~/.openjfx/cache on every first start;</li>
 *   <li>jpackage the app image (the runnable jar without JavaFX, which is in the runtime);</li>
 *   <li>Linux: a training run records the classes a start loads ({@code roomcall.classlist}); the
 *       .deb's postinst turns it into an AppCDS archive at the installed path (JDK 17 archives name
 *       the jar by absolute path, so the archive must be made where the app lives);</li>
 *   <li>the native packages.</li>
 * </ol>
 */
public final class Installer {

    static final String NAME = "Roomcall";
    static final String PACKAGE = "roomcall";
    static final String MAIN_CLASS = "dev.roomcall.app.Main";
    static final String VENDOR = "Roomcall";
    static final String DESCRIPTION = "Video calls with anyone who has a web browser";
    static final String ABOUT_URL = "https://github.com/roomcall/roomcall";
    /** Never change: Windows uses it to recognise an upgrade of the installed app. */
    static final String WINDOWS_UPGRADE_UUID = "6f1d3c1e-5b0a-4c57-9a83-1d1b6a0f2a41";

    /**
     * The modules Roomcall needs, found with {@code jdeps --print-module-deps} on the shaded jar and
     * trimmed to what runs: java.desktop, java.xml and jdk.unsupported come with JavaFX anyway;
     * java.naming is for Jetty's certificate names; jdk.crypto.ec for TLS (wss://) with EC keys;
     * java.logging for libraries that log through java.util.logging. Two that jdeps cannot see,
     * because they are looked up as services: jdk.zipfs (Jetty serves the browser page out of the
     * jar through a zip file system; without it the embedded server does not start) and
     * jdk.localedata (dates and numbers in Chinese, limited to the app's languages below).
     * Left out on purpose: java.sql (Gson only uses it when present), jdk.jfr (JavaFX's optional
     * tracing), java.compiler (annotations only).
     */
    static final List<String> MODULES = List.of(
            "javafx.controls", "java.naming", "java.logging", "jdk.crypto.ec", "jdk.unsupported",
            "jdk.zipfs", "jdk.localedata", "java.management");
    static final String LOCALES = "en,zh";

    /** Linux packages whose libraries JavaFX loads at run time (GTK 3, GL); jpackage cannot see them. */
    static final String DEB_DEPENDS = "libgtk-3-0, libgl1, libxxf86vm1";
    static final String RPM_DEPENDS = "gtk3, mesa-libGL, libXxf86vm";

    /**
     * JVM warnings go to stderr: in --headless mode stdout carries only JSON events.
     * The AppCDS option is added separately, only to packages that create the archive.
     */
    static final List<String> JAVA_OPTIONS = List.of("-Xlog:disable", "-Xlog:all=warning:stderr");
    static final String APPCDS_OPTION = "-XX:SharedArchiveFile=$APPDIR/roomcall.jsa";
    static final String CLASS_LIST = "roomcall.classlist";

    enum Os { LINUX, WINDOWS, MACOS }

    private final Map<String, String> args;
    private final Os os;
    private final Path out;
    private final Path packaging;
    private final String version;

    private Installer(Map<String, String> args) {
        this.args = args;
        this.os = currentOs();
        this.out = Path.of(required("out")).toAbsolutePath();
        this.packaging = Path.of(required("packaging")).toAbsolutePath();
        this.version = numericVersion(required("version"));
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new HashMap<>();
        for (int i = 0; i + 1 < argv.length; i += 2) {
            if (!argv[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + argv[i]);
            }
            args.put(argv[i].substring(2), argv[i + 1]);
        }
        new Installer(args).build();
    }

    private void build() throws Exception {
        long started = System.nanoTime();
        Path runtime = out.resolve("runtime");
        Path images = out.resolve("image");
        Path packages = out.resolve("packages");
        for (Path dir : List.of(runtime, images, packages, out.resolve("jpackage-temp"))) {
            deleteRecursively(dir);
        }

        jlink(runtime);
        copyJavaFxNatives(Path.of(required("javafx")), runtime);
        stripNativeSymbols(runtime);

        Path input = Path.of(required("app-jar")).toAbsolutePath().getParent();
        Path image = appImage(runtime, input, images);
        boolean classList = os == Os.LINUX && (recordClassList(image, 1) || recordClassList(image, 2));
        if (classList) {
            Path script = image.resolve("lib/app/create-cds-archive.sh");
            Files.copy(packaging.resolve("linux/create-cds-archive.sh"), script, StandardCopyOption.REPLACE_EXISTING);
            script.toFile().setExecutable(true, false);
        }

        List<String> types = types();
        Files.createDirectories(packages);
        for (String type : types) {
            if (!type.equals("app-image")) {
                nativePackage(type, image, packages, classList);
            }
        }
        report(runtime, image, packages, (System.nanoTime() - started) / 1_000_000_000);
    }

    // ---- 1. runtime --------------------------------------------------------------------------

    private void jlink(Path runtime) throws IOException {
        String javaFxJars = listJars(Path.of(required("javafx"))).stream()
                .map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator));
        Path jmods = Path.of(System.getProperty("java.home"), "jmods");
        if (!Files.isDirectory(jmods)) {
            throw new IllegalStateException("jlink needs the JDK's jmods (" + jmods + "); install a full JDK 17");
        }
        run("jlink",
                "--module-path", javaFxJars + java.io.File.pathSeparator + jmods,
                "--add-modules", String.join(",", MODULES),
                "--include-locales", LOCALES,
                "--strip-debug", "--no-header-files", "--no-man-pages",
                // JavaFX's native libraries are copied next to the runtime's own instead (below).
                "--exclude-resources", "glob:/javafx.graphics/*.so,glob:/javafx.graphics/*.dll,glob:/javafx.graphics/*.dylib",
                // The JDK's own classes, pre-parsed: the base every start maps instead of parsing.
                "--generate-cds-archive",
                "--output", runtime.toString());
        // Only used with heaps over 32 GB (no compressed oops); Roomcall never runs with one.
        try (Stream<Path> files = Files.walk(runtime)) {
            for (Path f : files.filter(p -> p.getFileName().toString().equals("classes_nocoops.jsa")).collect(Collectors.toList())) {
                Files.delete(f);
            }
        }
    }

    /** Debian's JDK ships its libraries with symbol tables (libjvm.so alone: 4 MB of them). */
    private void stripNativeSymbols(Path runtime) throws IOException, InterruptedException {
        Path strip = onPath("strip");
        if (os != Os.LINUX || strip == null) {
            return;
        }
        List<String> cmd = new ArrayList<>(List.of(strip.toString(), "--strip-unneeded"));
        try (Stream<Path> files = Files.walk(runtime)) {
            files.filter(p -> p.getFileName().toString().endsWith(".so")).forEach(p -> cmd.add(p.toString()));
        }
        Process process = new ProcessBuilder(cmd).inheritIO().start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("strip failed");
        }
    }

    /**
     * JavaFX looks for its native libraries next to the runtime's own (lib/, or bin/javafx on
     * Windows) before unpacking them from its jars into the user's home on first start.
     */
    private void copyJavaFxNatives(Path javaFxJars, Path runtime) throws IOException {
        Path target = os == Os.WINDOWS ? runtime.resolve("bin").resolve("javafx") : runtime.resolve("lib");
        Files.createDirectories(target);
        int copied = 0;
        for (Path jar : listJars(javaFxJars)) {
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (ZipEntry entry : zip.stream().collect(Collectors.toList())) {
                    String name = entry.getName();
                    boolean nativeLibrary = !name.contains("/")
                            && (name.endsWith(".so") || name.endsWith(".dll") || name.endsWith(".dylib"));
                    if (nativeLibrary) {
                        try (InputStream in = zip.getInputStream(entry)) {
                            Files.copy(in, target.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                        }
                        copied++;
                    }
                }
            }
        }
        if (copied == 0) {
            throw new IllegalStateException("no JavaFX native libraries in " + javaFxJars + " (wrong javafx.platform?)");
        }
    }

    // ---- 2. app image ------------------------------------------------------------------------

    private Path appImage(Path runtime, Path input, Path images) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                "--type", "app-image",
                "--name", NAME,
                "--dest", images.toString(),
                "--input", input.toString(),
                "--main-jar", "roomcall.jar",
                "--main-class", MAIN_CLASS,
                "--runtime-image", runtime.toString(),
                "--icon", icon().toString(),
                "--vendor", VENDOR,
                "--description", DESCRIPTION,
                "--copyright", "Copyright the Roomcall authors"));
        cmd.addAll(List.of("--app-version", os == Os.MACOS ? macBuildNumber() : version));
        for (String option : JAVA_OPTIONS) {
            cmd.addAll(List.of("--java-options", option));
        }
        switch (os) {
            case MACOS -> cmd.addAll(List.of(
                    "--mac-package-identifier", "dev.roomcall.app",
                    "--mac-package-name", NAME,
                    "--mac-app-category", "social-networking",
                    "--resource-dir", macResources().toString()));
            case WINDOWS -> cmd.addAll(List.of(
                    // A second launcher that keeps its console: --headless prints JSON events there.
                    "--add-launcher", NAME + "Console=" + packaging.resolve("windows/console-launcher.properties")));
            case LINUX -> { }
        }
        macSigning(cmd);
        run("jpackage", cmd.toArray(String[]::new));
        Path image = images.resolve(os == Os.MACOS ? NAME + ".app" : NAME);
        if (!Files.isDirectory(image)) {
            throw new IllegalStateException("jpackage made no app image at " + image);
        }
        return image;
    }

    /** jpackage refuses a macOS app version starting with 0 (CFBundleVersion), so a build number goes there. */
    private String macBuildNumber() {
        return args.getOrDefault("build-number", "1");
    }

    /** Info.plist with the camera and microphone purpose strings, and the real version for people to see. */
    private Path macResources() throws IOException {
        Path dir = out.resolve("resources-macos");
        deleteRecursively(dir);
        Files.createDirectories(dir);
        String plist = Files.readString(packaging.resolve("macos/Info.plist"), StandardCharsets.UTF_8)
                .replace("ROOMCALL_VERSION", version);
        Files.writeString(dir.resolve("Info.plist"), plist, StandardCharsets.UTF_8);
        Files.copy(packaging.resolve("macos/Roomcall.icns"), dir.resolve(NAME + ".icns"));
        return dir;
    }

    /** Signs (with the camera/microphone entitlements) only when a Developer ID is configured. */
    private void macSigning(List<String> cmd) {
        String identity = System.getenv("ROOMCALL_MAC_SIGNING_IDENTITY");
        if (os == Os.MACOS && identity != null && !identity.isBlank()) {
            cmd.addAll(List.of("--mac-sign", "--mac-signing-key-user-name", identity,
                    "--mac-entitlements", packaging.resolve("macos/Roomcall.entitlements").toString()));
        }
    }

    private Path icon() {
        return switch (os) {
            case LINUX -> packaging.resolve("linux/Roomcall.png");
            case WINDOWS -> packaging.resolve("windows/Roomcall.ico");
            case MACOS -> packaging.resolve("macos/Roomcall.icns");
        };
    }

    // ---- 3. AppCDS class list ----------------------------------------------------------------

    /**
     * Starts the packaged app once (under Xvfb when there is no display) and records the classes a
     * start loads. Failing here only costs start-up speed, so it warns instead of failing the build;
     * the caller tries a second time, because a virtual display that fails to come up on a busy
     * machine is not worth a slower app.
     */
    private boolean recordClassList(Path image, int attempt) throws IOException, InterruptedException {
        Path appDir = image.resolve("lib/app");
        Path classList = appDir.resolve(CLASS_LIST);
        Path java = image.resolve("lib/runtime/bin/java");
        List<String> cmd = new ArrayList<>();
        if (System.getenv("DISPLAY") == null || System.getenv("DISPLAY").isBlank()) {
            Path xvfbRun = onPath("xvfb-run");
            if (xvfbRun == null) {
                System.out.println("installer: no display and no xvfb-run: no AppCDS class list (start-up will be slower)");
                return false;
            }
            cmd.addAll(List.of(xvfbRun.toString(), "-a", "-s", "-screen 0 1280x800x24"));
        }
        cmd.addAll(List.of(java.toString(), "-XX:DumpLoadedClassList=" + classList,
                "-cp", appDir.resolve("roomcall.jar").toString(), MAIN_CLASS, "--fake-media", "--host", "0"));
        Path scratch = Files.createTempDirectory("roomcall-training");
        ProcessBuilder builder = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(out.resolve("training-" + attempt + ".log").toFile());
        // The training run's logs and settings stay out of the builder's home.
        builder.environment().put("XDG_STATE_HOME", scratch.resolve("state").toString());
        builder.environment().put("XDG_CONFIG_HOME", scratch.resolve("config").toString());
        Process app = builder.start();
        boolean complete;
        String ended = "stopped after the time allowed";
        try {
            complete = awaitSettledClassList(app, classList,
                    Long.parseLong(args.getOrDefault("train-seconds", "90")) * 1000);
            if (!app.isAlive()) {
                ended = "ended by itself with exit status " + app.exitValue();
            }
        } catch (IOException | RuntimeException e) {
            System.out.println("installer: watching the training run failed: " + e);
            complete = false;
        } finally {
            stop(app);
            try {
                deleteRecursively(scratch);
            } catch (IOException e) {
                System.out.println("installer: could not remove " + scratch + ": " + e);
            }
        }
        String recorded = Files.exists(classList) ? Files.readString(classList, StandardCharsets.UTF_8) : "";
        if (!complete) {
            System.out.println("installer: training run " + attempt + " did not show the window (" + ended + "; see "
                    + out.resolve("training-" + attempt + ".log") + "); no AppCDS class list from it");
            Files.deleteIfExists(classList);
            return false;
        }
        System.out.println("installer: recorded " + recorded.lines().count() + " classes for AppCDS");
        return true;
    }

    /**
     * Waits until the window has painted (ViewPainter), the media engine has started, and then no
     * class has been loaded for two seconds: a start, however slow the machine. The JVM writes the
     * class list as it goes, so it can be watched.
     */
    private static boolean awaitSettledClassList(Process app, Path classList, long maxMillis)
            throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + maxMillis;
        long lastSize = -1;
        long quietSince = System.currentTimeMillis();
        while (System.currentTimeMillis() < deadline) {
            if (app.waitFor(500, TimeUnit.MILLISECONDS)) {
                return false;
            }
            long size = Files.exists(classList) ? Files.size(classList) : 0;
            if (size != lastSize) {
                lastSize = size;
                quietSince = System.currentTimeMillis();
                continue;
            }
            if (System.currentTimeMillis() - quietSince >= 2000) {
                String recorded = Files.readString(classList, StandardCharsets.UTF_8);
                if (recorded.contains("com/sun/javafx/tk/quantum/ViewPainter")
                        && recorded.contains("dev/roomcall/media/MediaEngine")) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A polite stop first (so the JVM flushes the class list), and a wait for the whole process
     * tree: xvfb-run may exit before the app has finished shutting down and writing its log.
     */
    private static void stop(Process process) throws InterruptedException {
        List<ProcessHandle> family = new ArrayList<>(process.descendants().collect(Collectors.toList()));
        family.add(process.toHandle());
        family.forEach(ProcessHandle::destroy);
        long deadline = System.currentTimeMillis() + 15_000;
        for (ProcessHandle member : family) {
            try {
                member.onExit().get(Math.max(1, deadline - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
                member.destroyForcibly();
            }
        }
        process.waitFor();
    }

    // ---- 4. native packages ------------------------------------------------------------------

    private List<String> types() {
        String wanted = args.getOrDefault("types", "auto");
        if (!wanted.equals("auto")) {
            return Arrays.asList(wanted.split(","));
        }
        return switch (os) {
            case LINUX -> onPath("rpmbuild") != null ? List.of("deb", "rpm") : List.of("deb");
            case WINDOWS -> List.of("msi", "exe");
            case MACOS -> List.of("dmg");
        };
    }

    private void nativePackage(String type, Path image, Path packages, boolean classList) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(
                "--type", type,
                "--app-image", image.toString(),
                "--name", NAME,
                "--dest", packages.toString(),
                "--vendor", VENDOR,
                "--description", DESCRIPTION,
                "--copyright", "Copyright the Roomcall authors",
                "--about-url", ABOUT_URL,
                "--temp", out.resolve("jpackage-temp").resolve(type).toString()));
        cmd.addAll(List.of("--app-version", os == Os.MACOS ? macBuildNumber() : version));
        switch (type) {
            case "deb" -> cmd.addAll(linuxOptions(DEB_DEPENDS, "video"));
            case "rpm" -> cmd.addAll(linuxOptions(RPM_DEPENDS, "Applications/Multimedia"));
            case "msi", "exe" -> cmd.addAll(List.of(
                    "--icon", icon().toString(),
                    "--win-menu", "--win-menu-group", NAME,
                    "--win-shortcut", "--win-shortcut-prompt",
                    "--win-dir-chooser",
                    // No administrator needed: installs into the user's profile, like most chat apps.
                    "--win-per-user-install",
                    "--win-upgrade-uuid", WINDOWS_UPGRADE_UUID));
            case "dmg", "pkg" -> {
                cmd.addAll(List.of("--mac-package-identifier", "dev.roomcall.app", "--mac-package-name", NAME,
                        "--resource-dir", macResources().toString()));
                macSigning(cmd);
            }
            default -> throw new IllegalArgumentException("unknown package type " + type);
        }
        // Only the .deb makes the AppCDS archive (in its postinst), so only it may point the JVM at one.
        boolean appCds = type.equals("deb") && classList;
        Path cfg = image.resolve("lib/app/" + NAME + ".cfg");
        String original = os == Os.LINUX ? Files.readString(cfg, StandardCharsets.UTF_8) : null;
        try {
            if (appCds) {
                Files.writeString(cfg, withJavaOption(original, APPCDS_OPTION), StandardCharsets.UTF_8);
            }
            run("jpackage", cmd.toArray(String[]::new));
        } finally {
            if (appCds) {
                Files.writeString(cfg, original, StandardCharsets.UTF_8);
            }
        }
        if (os == Os.MACOS) {
            // Named by the build number jpackage had to use; people should see the version.
            Path made = packages.resolve(NAME + "-" + macBuildNumber() + "." + type);
            if (Files.exists(made)) {
                Files.move(made, packages.resolve(NAME + "-" + version + "." + type), StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }

    /** The .desktop entry, and the .deb's maintainer scripts that make and remove the AppCDS archive. */
    private List<String> linuxOptions(String depends, String category) {
        return List.of(
                "--icon", icon().toString(),
                "--linux-package-name", PACKAGE,
                "--linux-deb-maintainer", "roomcall@users.noreply.github.com",
                "--linux-menu-group", "AudioVideo;Network;",
                "--linux-app-category", category,
                "--linux-shortcut",
                "--linux-package-deps", depends,
                "--resource-dir", packaging.resolve("linux").toString());
    }

    /** The launcher's .cfg with one more JVM option in its [JavaOptions] section. */
    static String withJavaOption(String cfg, String option) {
        String line = "java-options=" + option;
        if (cfg.contains(line)) {
            return cfg;
        }
        int section = cfg.indexOf("[JavaOptions]");
        if (section < 0) {
            return cfg + "\n[JavaOptions]\n" + line + "\n";
        }
        int end = cfg.indexOf('\n', section);
        return cfg.substring(0, end + 1) + line + "\n" + cfg.substring(end + 1);
    }

    // ---- helpers -----------------------------------------------------------------------------

    private void report(Path runtime, Path image, Path packages, long seconds) throws IOException {
        System.out.println();
        System.out.printf("installer: done in %d s%n", seconds);
        System.out.printf("  %-52s %7.1f MB%n", "runtime (jlink)", size(runtime) / 1e6);
        System.out.printf("  %-52s %7.1f MB%n", "app image " + out.relativize(image), size(image) / 1e6);
        try (Stream<Path> files = Files.list(packages)) {
            for (Path p : files.sorted().collect(Collectors.toList())) {
                System.out.printf("  %-52s %7.1f MB%n", out.relativize(p), Files.size(p) / 1e6);
            }
        }
    }

    private static long size(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }

    private static void run(String tool, String... toolArgs) {
        ToolProvider provider = ToolProvider.findFirst(tool)
                .orElseThrow(() -> new IllegalStateException(tool + " is missing: run Maven with a full JDK 17"));
        System.out.println("installer: " + tool + " " + String.join(" ", toolArgs));
        PrintWriter stdout = new PrintWriter(System.out, true);
        PrintWriter stderr = new PrintWriter(System.err, true);
        int code = provider.run(stdout, stderr, toolArgs);
        if (code != 0) {
            throw new IllegalStateException(tool + " failed with exit code " + code);
        }
    }

    private static List<Path> listJars(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> jars = files.filter(p -> p.toString().endsWith(".jar")).sorted().collect(Collectors.toList());
            if (jars.isEmpty()) {
                throw new IllegalStateException("no JavaFX jars in " + dir);
            }
            return jars;
        }
    }

    private static Path onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                file.toFile().setWritable(true);
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
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

    private String required(String name) {
        String value = args.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return value;
    }
}
