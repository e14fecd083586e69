package dev.roomcall.app.e2e;

import dev.roomcall.testkit.Chromium;
import dev.roomcall.testkit.ChromiumOptions;
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
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One headless Chromium ({@link Chromium}, the testkit's launcher) that opens a page, as the remote person's browser
 * would, driven through Selenium. The page's console ends up in {@code target/e2e-logs/<name>-console.log}.
 *
 * <p>Pages under test expose {@code window.roomcall.state()} and {@code window.roomcall.stats()}.
 */
public final class BrowserPeer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BrowserPeer.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final String STATS_SCRIPT = """
            const done = arguments[arguments.length - 1];
            if (!window.roomcall) { done(null); return; }
            window.roomcall.stats().then(done, (e) => done({ error: String(e) }));
            """;

    private final String name;
    private final Chromium chromium;
    private final ChromeDriver driver;
    private final List<String> console = new ArrayList<>();

    private BrowserPeer(String name, Chromium chromium) {
        this.name = name;
        this.chromium = chromium;
        this.driver = chromium.driver();
    }

    /** Starts a browser with {@link ChromiumOptions#defaults()} and opens {@code url}. */
    public static BrowserPeer open(String name, String url) {
        return open(name, url, ChromiumOptions.defaults());
    }

    /** Starts a browser named {@code name} (used in logs and failure messages) and opens {@code url}. */
    public static BrowserPeer open(String name, String url, ChromiumOptions options) {
        BrowserPeer peer = new BrowserPeer(name, Chromium.start(name, options, E2eDirs.logs()));
        peer.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(15));
        LOG.info("{}: opening {}", name, url);
        try {
            peer.driver.get(url);
        } catch (RuntimeException e) {
            peer.close();
            throw e;
        }
        return peer;
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
        return awaitStats(s -> s.framesDecoded() >= min, min + " frames decoded", timeout);
    }

    /** Waits until this browser's stats satisfy {@code condition} ({@code what}, for the failure); returns them then. */
    public BrowserStats awaitStats(Predicate<BrowserStats> condition, String what, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        BrowserStats last = BrowserStats.NONE;
        while (Instant.now().isBefore(deadline)) {
            last = stats();
            if (condition.test(last)) {
                return last;
            }
            pause();
        }
        throw new AssertionError(describe("no " + what + " within " + timeout + "; last stats " + last));
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
            chromium.close();
        } catch (RuntimeException e) {
            LOG.warn("{}: quitting the browser failed: {}", name, e.toString());
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
