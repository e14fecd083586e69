package dev.roomcall.bench.call;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * One headless Chromium holding a call on Roomcall's page, driven by Debian's chromedriver. Browser and driver are
 * named explicitly, so Selenium Manager never looks for, let alone downloads, anything. Each peer has its own
 * profile directory; that makes its process tree findable and distinct from the other browser's.
 */
final class ChromiumPeer implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("roomcall.chromium", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("roomcall.chromedriver", "/usr/bin/chromedriver"));

    private static final String STATS = """
            const done = arguments[arguments.length - 1];
            if (!window.roomcall) { done(null); return; }
            window.roomcall.stats().then(done, (e) => done({ error: String(e) }));
            """;
    private static final String MARKS = """
            const m = window.__roomcallBench;
            return m ? Object.assign({ timeOrigin: performance.timeOrigin }, m) : null;
            """;

    /**
     * The harness uses only CDP's addScriptToEvaluateOnNewDocument through chromedriver, so Selenium's warning that
     * it has no DevTools bindings for this Chromium version is noise. Held: java.util.logging forgets the level of a
     * logger that was garbage-collected.
     */
    private static final List<java.util.logging.Logger> QUIETED = List.of(
            quiet("org.openqa.selenium.devtools.CdpVersionFinder"), quiet("org.openqa.selenium.chromium.ChromiumDriver"));

    private final String name;
    private final ChromeDriver driver;
    private final Path profile;

    private ChromiumPeer(String name, ChromeDriver driver, Path profile) {
        this.name = name;
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Starts the browser, installs the timing probe and opens {@code url}. Returns once the page has loaded.
     *
     * @param camera the .y4m file the fake camera plays
     */
    static ChromiumPeer open(String name, String url, Path camera, VideoFormat format, Path logs) {
        requireExecutable(CHROMIUM);
        requireExecutable(CHROMEDRIVER);
        System.setProperty(ChromeDriverService.CHROME_DRIVER_EXE_PROPERTY, CHROMEDRIVER.toString());
        Path profile;
        try {
            profile = Files.createTempDirectory("roomcall-bench-" + name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a browser profile", e);
        }
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withLogFile(logs.resolve(name + "-chromedriver.log").toFile())
                .build();
        ChromeDriver driver;
        try {
            driver = new ChromeDriver(service, options(profile, camera, format));
        } catch (RuntimeException e) {
            deleteQuietly(profile);
            throw e;
        }
        ChromiumPeer peer = new ChromiumPeer(name, driver, profile);
        try {
            driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(15));
            driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", probe(format)));
            driver.get(url);
        } catch (RuntimeException e) {
            peer.close();
            throw e;
        }
        return peer;
    }

    private static ChromeOptions options(Path profile, Path camera, VideoFormat format) {
        ChromeOptions chrome = new ChromeOptions();
        chrome.setBinary(CHROMIUM.toFile());
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
                "--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream",
                "--use-file-for-fake-video-capture=" + camera.toAbsolutePath(),
                "--window-size=" + format.width() + "," + format.height(),
                "--user-data-dir=" + profile);
        return chrome;
    }

    private static String probe(VideoFormat format) {
        try (InputStream in = ChromiumPeer.class.getResourceAsStream("page-probe.js")) {
            if (in == null) {
                throw new IllegalStateException("page-probe.js is missing from the classpath");
            }
            return "const BENCH_VIDEO = {width: " + format.width() + ", height: " + format.height()
                    + ", fps: " + format.fps() + "};\n" + new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String name() {
        return name;
    }

    /** The page's own status word (window.roomcall.state()), or null before the page has its hook. */
    String state() {
        Object state = driver.executeScript("return window.roomcall ? String(window.roomcall.state()) : null;");
        return state == null ? null : state.toString();
    }

    /** The page's RTP counters (window.roomcall.stats()). */
    PeerStats stats() {
        Object result = driver.executeAsyncScript(STATS);
        if (!(result instanceof Map<?, ?> map)) {
            return PeerStats.NONE;
        }
        if (map.containsKey("error")) {
            throw new IllegalStateException(name + ": the page's stats() failed: " + map.get("error"));
        }
        return new PeerStats(System.nanoTime(), number(map, "framesDecoded"), (int) number(map, "width"),
                (int) number(map, "height"));
    }

    /** The probe's marks; null fields were not reached (yet). */
    PageMarks marks() {
        Object result = driver.executeScript(MARKS);
        if (!(result instanceof Map<?, ?> map)) {
            return PageMarks.NONE;
        }
        return new PageMarks(decimal(map, "timeOrigin"), decimal(map, "wsOpen"), decimal(map, "joined"),
                decimal(map, "connected"), decimal(map, "decoded"), decimal(map, "presented"));
    }

    /**
     * The pid of this browser's main process: the one process started with this peer's profile whose parent was
     * not (the children of a Chromium may repeat the flag).
     */
    int browserPid(dev.roomcall.bench.proc.ProcessTree processes) {
        List<Integer> withProfile = processes.pidsWithCommandLineContaining("--user-data-dir=" + profile);
        for (int pid : withProfile) {
            List<dev.roomcall.bench.proc.ProcStat> self = processes.of(pid);
            if (!self.isEmpty() && !withProfile.contains(self.get(0).parent())) {
                return pid;
            }
        }
        throw new IllegalStateException(name + ": no browser process with profile " + profile);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } catch (RuntimeException e) {
            System.err.println(name + ": quitting the browser failed: " + e.getMessage());
        } finally {
            deleteQuietly(profile);
        }
    }

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(name);
        logger.setLevel(java.util.logging.Level.SEVERE);
        return logger;
    }

    private static long number(Map<?, ?> map, String key) {
        return map.get(key) instanceof Number n ? n.longValue() : 0;
    }

    private static double decimal(Map<?, ?> map, String key) {
        return map.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    private static void requireExecutable(Path path) {
        if (!Files.isExecutable(path)) {
            throw new IllegalStateException(path + " is not executable: install Debian's chromium and chromium-driver,"
                    + " or point -Droomcall.chromium / -Droomcall.chromedriver at them");
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a leftover temp directory is harmless
        }
    }
}
