package dev.roomcall.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * The one way tests and benchmarks start headless Chromium: Debian's {@code /usr/bin/chromium} and
 * {@code /usr/bin/chromedriver} (override with {@code -Droomcall.chromium=} / {@code -Droomcall.chromedriver=}), named
 * explicitly so that Selenium Manager never looks for, let alone downloads, anything. Each browser gets a fresh
 * profile directory, deleted on close; that also makes its process tree findable by the profile's path.
 *
 * <p>A browser with a {@linkplain ChromiumOptions#launcher() launcher} (a network namespace) is driven over
 * {@code --remote-debugging-pipe}: chromedriver stays here and talks to the browser through inherited file
 * descriptors, which reach into the namespace where a DevTools port on the namespace's loopback would not.
 */
public final class Chromium implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(System.getProperty("roomcall.chromium", "/usr/bin/chromium"));
    public static final Path CHROMEDRIVER = Path.of(System.getProperty("roomcall.chromedriver", "/usr/bin/chromedriver"));

    /**
     * The harness uses no DevTools bindings beyond what chromedriver relays, so Selenium's warning that it has none
     * for this Chromium version is noise. Held: java.util.logging forgets the level of a collected logger.
     */
    private static final List<java.util.logging.Logger> QUIETED =
            quiet("org.openqa.selenium.devtools.CdpVersionFinder", "org.openqa.selenium.chromium.ChromiumDriver");

    private final ChromeDriver driver;
    private final Path profile;
    private final Path scratch;

    private Chromium(ChromeDriver driver, Path profile, Path scratch) {
        this.driver = driver;
        this.profile = profile;
        this.scratch = scratch;
    }

    /**
     * Starts a browser driven by Selenium; chromedriver's log goes to {@code logs/<name>-chromedriver.log}.
     * The page's console is collected (goog:loggingPrefs) unless the options say otherwise.
     */
    public static Chromium start(String name, ChromiumOptions options, Path logs) {
        requireExecutable(CHROMIUM, "roomcall.chromium");
        requireExecutable(CHROMEDRIVER, "roomcall.chromedriver");
        // Belt and braces: even code paths that ignore the service below find the driver without Selenium Manager.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        Path scratch = createTempDirectory("roomcall-chromium-" + name + "-");
        Path profile = scratch.resolve("profile");
        try {
            Files.createDirectories(logs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(CHROMEDRIVER.toFile())
                    .usingAnyFreePort()
                    .withLogFile(logs.resolve(name + "-chromedriver.log").toFile())
                    .build();
            ChromeOptions chrome = new ChromeOptions();
            chrome.setBinary(binary(options, scratch).toFile());
            chrome.addArguments(arguments(options, profile));
            if (!options.launcher().isEmpty()) {
                chrome.addArguments("--remote-debugging-pipe");
            }
            // Said outright: certificate errors are never waved through wholesale; a test trusts one key at most.
            chrome.setAcceptInsecureCerts(false);
            if (options.consoleLog()) {
                LoggingPreferences logging = new LoggingPreferences();
                logging.enable(LogType.BROWSER, Level.ALL);
                chrome.setCapability("goog:loggingPrefs", logging);
            }
            return new Chromium(new ChromeDriver(service, chrome), profile, scratch);
        } catch (IOException | RuntimeException e) {
            TempTree.deleteQuietly(scratch);
            if (e instanceof IOException io) {
                throw new UncheckedIOException("cannot start chromium " + name, io);
            }
            throw (RuntimeException) e;
        }
    }

    /**
     * The full command line of a browser run without Selenium (as a plain process that opens {@code url}), with the
     * same switches; {@code profile} must be a fresh directory the caller deletes.
     */
    public static List<String> commandLine(ChromiumOptions options, Path profile, String url) {
        requireExecutable(CHROMIUM, "roomcall.chromium");
        List<String> command = new ArrayList<>(options.launcher());
        command.add(CHROMIUM.toString());
        command.addAll(arguments(options, profile));
        command.add(url);
        return command;
    }

    /** The harness's switches: headless, quiet (no background traffic, no updates), fake media, its own profile. */
    public static List<String> arguments(ChromiumOptions options, Path profile) {
        List<String> arguments = new ArrayList<>(List.of(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--mute-audio",
                "--window-size=" + options.width() + "," + options.height(),
                "--user-data-dir=" + profile.toAbsolutePath()));
        String fakeDevices = "--use-fake-device-for-media-stream"
                + (options.cameras() > 1 ? "=device-count=" + options.cameras() : "");
        switch (options.media()) {
            case FAKE_DEVICES -> arguments.addAll(List.of("--use-fake-ui-for-media-stream", fakeDevices));
            case DENIED -> arguments.addAll(List.of("--use-fake-ui-for-media-stream=deny", fakeDevices));
            case NONE -> arguments.add("--use-fake-ui-for-media-stream");
        }
        if (options.fakeVideo() != null) {
            arguments.add("--use-file-for-fake-video-capture=" + options.fakeVideo().toAbsolutePath());
        }
        arguments.addAll(options.extraArguments());
        return arguments;
    }

    /** Chromium itself, or a script that runs it under the launcher (chromedriver takes one binary path). */
    private static Path binary(ChromiumOptions options, Path scratch) throws IOException {
        if (options.launcher().isEmpty()) {
            return CHROMIUM;
        }
        Path script = scratch.resolve("chromium-launcher.sh");
        String launcher = Stream.concat(options.launcher().stream(), Stream.of(CHROMIUM.toString()))
                .map(Chromium::shellQuote).collect(Collectors.joining(" "));
        Files.writeString(script, "#!/bin/sh\nexec " + launcher + " \"$@\"\n", StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private static String shellQuote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** The profile directory: its path is on the command line of every process of this browser. */
    public Path profile() {
        return profile;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            TempTree.deleteQuietly(scratch);
        }
    }

    private static void requireExecutable(Path path, String property) {
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException(path + " is not an executable file: install Debian's chromium and "
                    + "chromium-driver packages, or point -D" + property + "= at one");
        }
    }

    private static Path createTempDirectory(String prefix) {
        try {
            return Files.createTempDirectory(prefix);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a browser profile directory", e);
        }
    }

    private static List<java.util.logging.Logger> quiet(String... names) {
        List<java.util.logging.Logger> loggers = new ArrayList<>();
        for (String name : names) {
            java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
            logger.setLevel(Level.SEVERE);
            loggers.add(logger);
        }
        return List.copyOf(loggers);
    }
}
