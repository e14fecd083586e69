package dev.roomcall.bench.call;

import dev.roomcall.testkit.Chromium;
import dev.roomcall.testkit.ChromiumOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * One headless Chromium ({@link Chromium}, the testkit's launcher) holding a call on Roomcall's page. Each peer has
 * its own profile directory; that makes its process tree findable and distinct from the other browser's.
 */
final class ChromiumPeer implements AutoCloseable {

    private static final String STATS = """
            const done = arguments[arguments.length - 1];
            if (!window.roomcall) { done(null); return; }
            window.roomcall.stats().then(done, (e) => done({ error: String(e) }));
            """;
    private static final String MARKS = """
            const m = window.__roomcallBench;
            return m ? Object.assign({ timeOrigin: performance.timeOrigin }, m) : null;
            """;

    private final String name;
    private final Chromium chromium;
    private final ChromeDriver driver;
    private final Path profile;

    private ChromiumPeer(String name, Chromium chromium) {
        this.name = name;
        this.chromium = chromium;
        this.driver = chromium.driver();
        this.profile = chromium.profile();
    }

    /**
     * Starts the browser, installs the timing probe and opens {@code url}. Returns once the page has loaded.
     *
     * @param camera the .y4m file the fake camera plays
     */
    static ChromiumPeer open(String name, String url, Path camera, VideoFormat format, Path logs) {
        return open(name, url, camera, format, logs, null);
    }

    /** @param preferredCodec a video codec the page asks for first (e.g. {@code H264}), or null for Chromium's order */
    static ChromiumPeer open(String name, String url, Path camera, VideoFormat format, Path logs, String preferredCodec) {
        ChromiumOptions options = ChromiumOptions.defaults().withFakeVideo(camera)
                .withWindowSize(format.width(), format.height()).withoutConsoleLog();
        ChromiumPeer peer = new ChromiumPeer(name, Chromium.start("bench-" + name, options, logs));
        try {
            peer.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(15));
            peer.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", probe(format)));
            if (preferredCodec != null) {
                peer.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument",
                        Map.of("source", codecPreference(preferredCodec)));
            }
            peer.driver.get(url);
        } catch (RuntimeException e) {
            peer.close();
            throw e;
        }
        return peer;
    }

    private static String codecPreference(String codec) {
        if (!codec.matches("[A-Za-z0-9]+")) {
            throw new IllegalArgumentException("not a codec name: " + codec);
        }
        try (InputStream in = ChromiumPeer.class.getResourceAsStream("codec-preference.js")) {
            if (in == null) {
                throw new IllegalStateException("codec-preference.js is missing from the classpath");
            }
            return "const BENCH_PREFERRED_CODEC = '" + codec + "';\n" + new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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

    /** The video codec this page first decoded, e.g. {@code H264} (the probe's mark), or "" before it decoded. */
    String decodedCodec() {
        Object codec = driver.executeScript("const m = window.__roomcallBench; return m && m.codec ? m.codec : '';");
        return codec == null ? "" : codec.toString().replaceFirst("(?i)^video/", "");
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

    /**
     * Frames this page decoded from everyone and sent to everyone (all copies of its camera), and how many people's
     * pictures it decodes.
     */
    SeatCounters seatCounters() {
        Object result = driver.executeAsyncScript(STATS);
        if (!(result instanceof Map<?, ?> map) || map.containsKey("error")) {
            return new SeatCounters(System.nanoTime(), 0, 0, 0);
        }
        int decoding = 0;
        if (map.get("peers") instanceof List<?> peers) {
            for (Object peer : peers) {
                if (peer instanceof Map<?, ?> p && number(p, "framesDecoded") > 0) {
                    decoding++;
                }
            }
        }
        return new SeatCounters(System.nanoTime(), number(map, "framesDecoded"), number(map, "framesSent"), decoding);
    }

    /** The probe's marks; null fields were not reached (yet). */
    PageMarks marks() {
        Object result = driver.executeScript(MARKS);
        if (!(result instanceof Map<?, ?> map)) {
            return PageMarks.NONE;
        }
        return new PageMarks(decimal(map, "timeOrigin"), decimal(map, "wsOpen"), decimal(map, "joined"),
                decimal(map, "connected"), decimal(map, "decoded"), decimal(map, "presented"),
                decimal(map, "offerIn"), decimal(map, "answerOut"), decimal(map, "firstSent"));
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
            chromium.close();
        } catch (RuntimeException e) {
            System.err.println(name + ": quitting the browser failed: " + e.getMessage());
        }
    }

    private static long number(Map<?, ?> map, String key) {
        return map.get(key) instanceof Number n ? n.longValue() : 0;
    }

    private static double decimal(Map<?, ?> map, String key) {
        return map.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }
}
