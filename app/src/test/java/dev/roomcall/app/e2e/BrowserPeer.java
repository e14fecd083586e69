package dev.roomcall.app.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One headless Chromium that opens a page, as the remote person's browser would, driven through Selenium.
 * The browser and its driver are Debian's ({@code /usr/bin/chromium}, {@code /usr/bin/chromedriver}; override with
 * the system properties {@code roomcall.chromium} and {@code roomcall.chromedriver}), named explicitly so that
 * Selenium Manager never looks for, let alone downloads, anything. Each peer gets a fresh profile directory,
 * deleted on {@link #close()}. The page's console ends up in {@code target/e2e-logs/<name>-console.log}.
 *
 * <p>Pages under test expose {@code window.roomcall.state()} and {@code window.roomcall.stats()}.
 */
public final class BrowserPeer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BrowserPeer.class);
    /**
     * The harness never uses the DevTools protocol, so Selenium's warning that it has no CDP bindings for this
     * Chromium version is noise. Held here because java.util.logging forgets the level of a collected logger.
     */
    private static final List<java.util.logging.Logger> QUIETED =
            quiet("org.openqa.selenium.devtools.CdpVersionFinder", "org.openqa.selenium.chromium.ChromiumDriver");
    private static final Duration POLL = Duration.ofMillis(200);
    private static final String STATS_SCRIPT = """
            const done = arguments[arguments.length - 1];
            if (!window.roomcall) { done(null); return; }
            window.roomcall.stats().then(done, (e) => done({ error: String(e) }));
            """;

    /** Which camera and microphone the browser has. */
    public enum Media {
        /** Chromium's synthetic camera (a moving test pattern) and microphone (a beep), permission granted. */
        FAKE_DEVICES,
        /** The same devices, but every permission request is refused, as when a person clicks "Block". */
        DENIED,
        /** No devices at all (this machine has no camera): getUserMedia fails with NotFoundError. */
        NONE
    }

    /**
     * How to start the browser.
     *
     * @param fakeVideo      a .y4m or .mjpeg file Chromium's fake camera plays instead of its test pattern; null for the pattern
     * @param extraArguments further Chromium command-line switches, added after the harness's own (e.g. a certificate to trust)
     */
    public record Options(Media media, Path fakeVideo, int width, int height, List<String> extraArguments) {
        public Options {
            Objects.requireNonNull(media, "media");
            extraArguments = List.copyOf(extraArguments);
        }

        public Options(Media media, Path fakeVideo, int width, int height) {
            this(media, fakeVideo, width, height, List.of());
        }

        public static Options defaults() {
            return new Options(Media.FAKE_DEVICES, null, 1280, 800);
        }

        public Options withMedia(Media newMedia) {
            return new Options(newMedia, fakeVideo, width, height, extraArguments);
        }

        public Options withFakeVideo(Path file) {
            return new Options(media, file, width, height, extraArguments);
        }

        public Options withWindowSize(int newWidth, int newHeight) {
            return new Options(media, fakeVideo, newWidth, newHeight, extraArguments);
        }

        /** These options plus {@code arguments} on Chromium's command line. */
        public Options withExtraArguments(String... arguments) {
            List<String> all = new ArrayList<>(extraArguments);
            all.addAll(List.of(arguments));
            return new Options(media, fakeVideo, width, height, all);
        }
    }

    private final String name;
    private final ChromeDriver driver;
    private final Path profile;
    private final List<String> console = new ArrayList<>();

    private BrowserPeer(String name, ChromeDriver driver, Path profile) {
        this.name = name;
        this.driver = driver;
        this.profile = profile;
    }

    /** Starts a browser with {@link Options#defaults()} and opens {@code url}. */
    public static BrowserPeer open(String name, String url) {
        return open(name, url, Options.defaults());
    }

    /** Starts a browser named {@code name} (used in logs and failure messages) and opens {@code url}. */
    public static BrowserPeer open(String name, String url, Options options) {
        Path chromium = executable("roomcall.chromium", "/usr/bin/chromium");
        Path chromedriver = executable("roomcall.chromedriver", "/usr/bin/chromedriver");
        // Belt and braces: even code paths that ignore the service below find the driver without Selenium Manager.
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, chromedriver.toString());

        Path profile;
        try {
            profile = Files.createTempDirectory("roomcall-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a browser profile directory", e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .withLogFile(E2eDirs.logs().resolve(name + "-chromedriver.log").toFile())
                .build();
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, chromeOptions(chromium, profile, options));
        } catch (RuntimeException e) {
            deleteQuietly(profile);
            throw e;
        }
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(15));
        BrowserPeer peer = new BrowserPeer(name, driver, profile);
        LOG.info("{}: opening {}", name, url);
        try {
            driver.get(url);
        } catch (RuntimeException e) {
            peer.close();
            throw e;
        }
        return peer;
    }

    private static ChromeOptions chromeOptions(Path chromium, Path profile, Options options) {
        ChromeOptions chrome = new ChromeOptions();
        chrome.setBinary(chromium.toFile());
        chrome.addArguments(
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
                "--user-data-dir=" + profile);
        switch (options.media()) {
            case FAKE_DEVICES -> chrome.addArguments("--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream");
            case DENIED -> chrome.addArguments("--use-fake-ui-for-media-stream=deny", "--use-fake-device-for-media-stream");
            case NONE -> chrome.addArguments("--use-fake-ui-for-media-stream");
        }
        if (options.fakeVideo() != null) {
            chrome.addArguments("--use-file-for-fake-video-capture=" + options.fakeVideo().toAbsolutePath());
        }
        chrome.addArguments(options.extraArguments());
        // Said outright: certificate errors are never waved through wholesale; a test trusts one certificate by its key.
        chrome.setAcceptInsecureCerts(false);
        LoggingPreferences logging = new LoggingPreferences();
        logging.enable(LogType.BROWSER, Level.ALL);
        chrome.setCapability("goog:loggingPrefs", logging);
        return chrome;
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

    private static Path executable(String property, String fallback) {
        Path path = Path.of(System.getProperty(property, fallback));
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException(path + " is not an executable file: install Debian's chromium and chromium-driver"
                    + " packages, or point -D" + property + "= at one");
        }
        return path;
    }

    public String name() {
        return name;
    }

    /** The page's {@code window.roomcall.stats()}, or {@link BrowserStats#NONE} while the page has no test hook yet. */
    public BrowserStats stats() {
        return BrowserStats.fromScript(driver.executeAsyncScript(STATS_SCRIPT));
    }

    /** The page's {@code window.roomcall.state()}, or null while the page has no test hook yet. */
    public String state() {
        Object state = driver.executeScript("return window.roomcall ? String(window.roomcall.state()) : null;");
        return state == null ? null : state.toString();
    }

    /** Runs {@code script} (a function body; use {@code return}) in the page. */
    public Object execute(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Waits until this browser has decoded at least {@code min} video frames from its peer; returns the stats then. */
    public BrowserStats awaitFramesDecoded(long min, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        BrowserStats last = BrowserStats.NONE;
        while (Instant.now().isBefore(deadline)) {
            last = stats();
            if (last.framesDecoded() >= min) {
                return last;
            }
            pause();
        }
        throw new AssertionError(describe("decoded " + last.framesDecoded() + " of " + min + " frames within " + timeout
                + "; last stats " + last));
    }

    /** Waits until the page's state() is {@code expected}. */
    public void awaitState(String expected, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        String last = null;
        while (Instant.now().isBefore(deadline)) {
            last = state();
            if (expected.equals(last)) {
                return;
            }
            pause();
        }
        throw new AssertionError(describe("state stayed '" + last + "' instead of becoming '" + expected + "' within " + timeout));
    }

    /** Waits until {@code condition} (a function body returning a boolean) is true in the page. */
    public void awaitTrue(String condition, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (!Boolean.TRUE.equals(execute(condition))) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(describe("never true within " + timeout + ": " + condition));
            }
            pause();
        }
    }

    /** The page's console so far (everything since the page opened), one line per message. */
    public List<String> consoleLog() {
        try {
            for (LogEntry entry : driver.manage().logs().get(LogType.BROWSER)) {
                console.add(entry.getLevel() + " " + entry.getMessage());
            }
        } catch (WebDriverException e) {
            LOG.debug("{}: no console log: {}", name, e.getMessage());
        }
        return List.copyOf(console);
    }

    /** Saves what the browser window shows as a PNG. */
    public void screenshot(Path png) {
        Path shot = driver.getScreenshotAs(OutputType.FILE).toPath();
        try {
            Path parent = png.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.copy(shot, png, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save a screenshot to " + png, e);
        } finally {
            deleteQuietly(shot);
        }
    }

    /** A failure message with the context needed to understand it: who, what state, and the page's last words. */
    private String describe(String problem) {
        List<String> log = consoleLog();
        String tail = String.join("\n    ", log.subList(Math.max(0, log.size() - 25), log.size()));
        return name + ": " + problem + "; page state '" + safeState() + "', url " + driver.getCurrentUrl()
                + "\n  console (last lines):\n    " + tail;
    }

    private String safeState() {
        try {
            return state();
        } catch (WebDriverException e) {
            return "unavailable: " + e.getMessage().lines().findFirst().orElse("");
        }
    }

    @Override
    public void close() {
        try {
            List<String> log = consoleLog();
            Files.write(E2eDirs.logs().resolve(name + "-console.log"), log);
        } catch (IOException | RuntimeException e) {
            LOG.warn("{}: could not save the console log: {}", name, e.toString());
        }
        try {
            driver.quit();
        } catch (RuntimeException e) {
            LOG.warn("{}: quitting the browser failed: {}", name, e.toString());
        } finally {
            deleteQuietly(profile);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for the browser", e);
        }
    }

    private static void deleteQuietly(Path path) {
        if (path == null || !Files.exists(path)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(path)) {
            tree.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            LOG.debug("could not delete {}: {}", path, e.toString());
        }
    }

    @Override
    public String toString() {
        return "BrowserPeer[" + name + "]";
    }

    /** For the rare test that needs the raw driver (key presses, window sizes). */
    public ChromeDriver driver() {
        return driver;
    }
}
