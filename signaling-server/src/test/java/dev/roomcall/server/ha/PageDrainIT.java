package dev.roomcall.server.ha;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.roomcall.testkit.LoopbackHaproxy;
import dev.roomcall.testkit.NodeCluster;
import dev.roomcall.testkit.NodeProcess;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The browser page in a live call through HAProxy while the node holding its room drains: both pages are told 1012,
 * reconnect at once (a reconnect timer of 0 ms, where any other close waits its back-off), meet again on another
 * node, and their video never stops.
 */
class PageDrainIT {

    /**
     * Runs before the page's own script: records the close code of every signaling socket and the delay of every
     * timer set by the page's function named {@code connect} (its reconnect).
     */
    private static final String RECORD = """
            (() => {
              const Native = window.WebSocket;
              window.signalingCloses = [];
              window.withPeer = false;
              window.WebSocket = class extends Native {
                constructor(...args) {
                  super(...args);
                  this.addEventListener('close', (e) => { window.signalingCloses.push(e.code); window.withPeer = false; });
                  this.addEventListener('message', (e) => {
                    if (typeof e.data !== 'string') return;
                    const m = JSON.parse(e.data);
                    if (m.event === 'joined') window.withPeer = m.data.peers >= 1;
                    if (m.event === 'peer-joined') window.withPeer = true;
                    if (m.event === 'peer-left') window.withPeer = false;
                  });
                }
              };
              const nativeSetTimeout = window.setTimeout.bind(window);
              window.reconnectDelays = [];
              window.setTimeout = (fn, delay, ...rest) => {
                if (typeof fn === 'function' && fn.name === 'connect') window.reconnectDelays.push(delay);
                return nativeSetTimeout(fn, delay, ...rest);
              };
            })();
            """;
    private static final String FRAMES = """
            const done = arguments[arguments.length - 1];
            if (!window.roomcall) { done(-1); return; }
            window.roomcall.stats().then((s) => done(s.framesDecoded), () => done(-1));
            """;

    private NodeCluster cluster;
    private final List<ChromeDriver> browsers = new ArrayList<>();
    private final List<Path> profiles = new ArrayList<>();

    @AfterEach
    void stopEverything() throws IOException {
        browsers.forEach(ChromeDriver::quit);
        if (cluster != null) {
            cluster.close();
        }
        for (Path profile : profiles) {
            try (java.util.stream.Stream<Path> files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
    }

    @Test
    void aLiveCallKeepsItsVideoWhileItsNodeDrainsAndBothPagesMoveAtOnce() throws Exception {
        // Rooms of two, so the probe (a third connection) is refused by the node that holds the call.
        cluster = NodeCluster.start(NodeCluster.Parts.fromProperties("target/roomcall-server.jar",
                "../packaging/server/haproxy.cfg"), Path.of("target", "ha-page-it"), 3, "--room-size", "2");
        LoopbackHaproxy haproxy = cluster.haproxy();
        URI proxy = URI.create("wss://127.0.0.1:" + haproxy.port);
        KeyStore trust = haproxy.trustStore();
        X509Certificate certificate = (X509Certificate) trust.getCertificate("haproxy");
        String room = "page-drain-room";
        String link = "https://127.0.0.1:" + haproxy.port + "/#" + room;

        ChromeDriver first = browser("first", certificate, link);
        ChromeDriver second = browser("second", certificate, link);
        await("the call runs", Duration.ofSeconds(60), () -> frames(first) > 30 && frames(second) > 30);

        RoomProbe.Answer before = RoomProbe.probe(proxy, trust, room);
        assertTrue(before.bothMembersThere(), "both pages on " + before.node());
        NodeProcess holder = cluster.nodes().stream().filter(n -> n.name.equals(before.node())).findFirst().orElseThrow();
        long firstFrames = frames(first);
        long secondFrames = frames(second);
        holder.terminate();

        await("both pages told to move and together again", Duration.ofSeconds(10),
                () -> closes(first).contains(1012L) && closes(second).contains(1012L) && withPeer(first)
                        && withPeer(second));
        RoomProbe.Answer after = RoomProbe.probe(proxy, trust, room);
        assertTrue(after.bothMembersThere(), "both pages on " + after.node());
        assertNotEquals(holder.name, after.node());
        assertEquals(143, holder.awaitExit(Duration.ofSeconds(15)));
        await("video keeps coming", Duration.ofSeconds(30),
                () -> frames(first) > firstFrames + 60 && frames(second) > secondFrames + 60);
        for (ChromeDriver page : List.of(first, second)) {
            assertEquals("connected", page.executeScript("return String(window.roomcall.state());"));
            List<?> delays = (List<?>) page.executeScript("return window.reconnectDelays;");
            assertEquals(0L, ((Number) delays.get(0)).longValue(), "the reconnect after 1012 waits nothing: " + delays);
        }
    }

    private static boolean withPeer(ChromeDriver page) {
        return Boolean.TRUE.equals(page.executeScript("return window.withPeer;"));
    }

    private ChromeDriver browser(String name, X509Certificate certificate, String link) throws Exception {
        Path profile = Files.createTempDirectory("roomcall-ha-chromium-");
        profiles.add(profile);
        ChromeOptions chrome = new ChromeOptions();
        chrome.setBinary(System.getProperty("roomcall.chromium", "/usr/bin/chromium"));
        chrome.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--mute-audio", "--use-fake-ui-for-media-stream",
                "--use-fake-device-for-media-stream", "--user-data-dir=" + profile,
                // Exactly HAProxy's throw-away certificate is trusted, by its key; nothing else.
                "--ignore-certificate-errors-spki-list=" + spkiSha256(certificate));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(System.getProperty("roomcall.chromedriver", "/usr/bin/chromedriver")).toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, chrome);
        browsers.add(driver);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(15));
        driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD));
        driver.get(link);
        return driver;
    }

    private static long frames(ChromeDriver page) {
        return ((Number) page.executeAsyncScript(FRAMES)).longValue();
    }

    private static List<?> closes(ChromeDriver page) {
        return (List<?>) page.executeScript("return window.signalingCloses;");
    }

    private static String spkiSha256(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(certificate.getPublicKey().getEncoded()));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("not within " + timeout + ": " + what);
            }
            Thread.sleep(200);
        }
    }
}
