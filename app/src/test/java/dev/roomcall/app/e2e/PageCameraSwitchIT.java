package dev.roomcall.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.server.ServerConfig;
import dev.roomcall.server.SignalingServer;
import dev.roomcall.signaling.RoomCode;
import dev.roomcall.testkit.ChromiumOptions;
import dev.roomcall.testkit.NodeRelay;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.junit.jupiter.api.Test;

/**
 * Roomcall's page on a computer with several cameras (Chromium's fake capture with three devices: two colour cameras,
 * fake_device_0 and fake_device_2, and a depth camera between them, see {@link ChromiumOptions#cameras()}; they show
 * the same pattern at the same sizes, so the test asks for a size of its own to see which one arrives) offers a camera choice;
 * switching puts the new camera on the connection without renegotiating, and the other side decodes it. A page with
 * one camera shows no choice. To a demo page, which gets the screen instead of the camera, the camera chosen during a
 * share is the one that comes back after it.
 */
class PageCameraSwitchIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final long FRAMES = 20;
    private static final ChromiumOptions CAMERAS = ChromiumOptions.defaults().withWindowSize(800, 600).withCameras(3);
    private static final ChromiumOptions ONE_CAMERA = ChromiumOptions.defaults().withWindowSize(800, 600);
    private static final String STATS_SCRIPT = """
            const done = arguments[arguments.length - 1];
            window.roomcall.stats().then((s) => done(s), (e) => done({ error: String(e) }));
            """;
    private static final String SWITCH_SCRIPT = """
            const done = arguments[arguments.length - 1];
            window.roomcall.switchCamera(arguments[0], arguments[1]).then((c) => done(c), (e) => done({ error: String(e) }));
            """;

    @Test
    void aPageWithTwoCamerasOffersAChoiceAndSwitchingChangesWhatTheOtherDecodesWithoutRenegotiating() throws Exception {
        try (SignalingServer server = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0)
                .roomSize(2).build())) {
            String room = RoomCode.newRoomName();
            String base = server.httpUri().toString();
            try (BrowserPeer ana = BrowserPeer.open("camera-ana", base + "?name=Ana#" + room, CAMERAS);
                    BrowserPeer ben = BrowserPeer.open("camera-ben", base + "?name=Ben&lang=zh-CN#" + room, ONE_CAMERA)) {
                ana.awaitFramesDecoded(FRAMES, TIMEOUT);
                ben.awaitFramesDecoded(FRAMES, TIMEOUT);
                ana.awaitTrue("return !document.getElementById('camera-box').hidden;", TIMEOUT);
                assertEquals(true, ben.execute("return document.getElementById('camera-box').hidden;"),
                        "one camera: nothing to choose");
                assertEquals("Camera", ana.execute("return document.querySelector('label[for=camera-select]').textContent;"));
                assertEquals(List.of("fake_device_0", "fake_device_1", "fake_device_2"), ana.execute(
                        "return [...document.getElementById('camera-select').options].map((o) => o.textContent);"));
                assertEquals("fake_device_0", ana.execute("return window.roomcall.camera().label;"));
                assertEquals(List.of(), AxeCheck.violations(ana), "the page with its camera choice is accessible");
                long negotiations = negotiations(ana);

                // From the keyboard, as a person without a mouse: focus the select, End for the last camera.
                ana.driver().findElement(By.id("camera-select")).sendKeys(Keys.END);
                ana.awaitTrue("const c = window.roomcall.camera(); return !!c && c.label === 'fake_device_2'"
                        + " && window.roomcall.peers()[0].sendingCamera === 'fake_device_2'"
                        + " && document.getElementById('local-video').srcObject.getVideoTracks()[0].label === 'fake_device_2'"
                        + " && !document.getElementById('camera-select').disabled;", TIMEOUT);
                long decoded = ben.stats().framesDecoded();
                ben.awaitFramesDecoded(decoded + FRAMES, TIMEOUT);

                // A size of its own shows that the other side decodes the camera switched to.
                Map<String, Object> camera = switchCamera(ana, 0, 320, 180);
                assertEquals("fake_device_0", camera.get("label"), camera.toString());
                awaitPeer(ben, "Ana", p -> number(p, "width") == 320 && number(p, "height") == 180);
                switchCamera(ana, 2, 640, 360);
                Map<String, Object> seen = awaitPeer(ben, "Ana", p -> number(p, "width") == 640 && number(p, "height") == 360);
                awaitPeer(ben, "Ana", p -> number(p, "framesDecoded") >= number(seen, "framesDecoded") + FRAMES);
                assertEquals(1L, ana.execute("return window.roomcall.connectionsMade();"), "the same connection");
                assertEquals(negotiations, negotiations(ana), "replaceTrack: no offer or answer for a switch");
                assertEquals(1L, ana.execute("return document.getElementById('local-video').srcObject"
                        + ".getVideoTracks().length;"), "the self-view shows the one camera sent");

                // "Camera off" stays off on the camera switched to, and the button then turns that one back on.
                ana.driver().findElement(By.id("toggle-cam")).click();
                switchCamera(ana, 0, 320, 180);
                assertEquals(false, ana.execute("return document.getElementById('local-video').srcObject"
                        + ".getVideoTracks()[0].enabled;"));
                ana.driver().findElement(By.id("toggle-cam")).click();
                assertEquals(true, ana.execute("return document.getElementById('local-video').srcObject"
                        + ".getVideoTracks()[0].enabled;"));

                Object refused = ana.driver().executeAsyncScript(SWITCH_SCRIPT, 7, null);
                assertTrue(String.valueOf(refused).contains("no camera 7 among 3"), "a camera that is not there: " + refused);
                assertEquals("fake_device_0", ana.execute("return window.roomcall.camera().label;"), "still sending");
            }
        }
    }

    @Test
    void toADemoPageTheCameraChosenDuringAShareIsTheOneThatComesBackAfterIt() throws Exception {
        try (NodeRelay pages = DemoRelay.start();
                SignalingServer server = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0).roomSize(2)
                        .allowedOrigins(List.of("http://127.0.0.1:" + pages.port())).build());
                BrowserPeer demo = BrowserPeer.open("camera-demo004-callee", pages.url("/?signal=" + server.uri() + "demo-camera"));
                BrowserPeer page = BrowserPeer.open("camera-page-to-demo", server.httpUri() + "#demo-camera",
                        CAMERAS.withExtraArguments("--auto-select-desktop-capture-source=Entire screen"))) {
            BrowserStats camera = demo.awaitFramesDecoded(FRAMES, TIMEOUT);
            page.awaitFramesDecoded(FRAMES, TIMEOUT);

            page.driver().findElement(By.id("toggle-share")).click();
            page.awaitTrue("return window.roomcall.sharing() && document.getElementById('local-screen').videoWidth > 0;", TIMEOUT);
            long width = ((Number) page.execute("return document.getElementById('local-screen').videoWidth;")).longValue();
            long height = ((Number) page.execute("return document.getElementById('local-screen').videoHeight;")).longValue();
            BrowserStats screen = awaitDemo(demo, s -> s.width() == width && s.height() == height, camera.framesDecoded());

            switchCamera(page, 2, 320, 180);
            assertEquals("fake_device_2", page.execute("return window.roomcall.peers()[0].sendingCamera;"),
                    "the camera to come back after the share");
            BrowserStats stillScreen = awaitDemo(demo, s -> true, screen.framesDecoded());
            assertEquals(List.of(width, height), List.of((long) stillScreen.width(), (long) stillScreen.height()),
                    "the share goes on in the camera's place");

            page.driver().findElement(By.id("toggle-share")).click();
            awaitDemo(demo, s -> s.width() == 320 && s.height() == 180, stillScreen.framesDecoded());
            assertEquals(List.of(), demo.execute("return window.roomcall.errors();"));
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> switchCamera(BrowserPeer page, int index, int width, int height) {
        Object result = page.driver().executeAsyncScript(SWITCH_SCRIPT, index, Map.of("width", width, "height", height));
        if (!(result instanceof Map<?, ?> map) || map.containsKey("error")) {
            throw new AssertionError(page.name() + ": switching to camera " + index + " failed: " + result
                    + "; console " + page.consoleLog());
        }
        return (Map<String, Object>) map;
    }

    private static long negotiations(BrowserPeer page) {
        return ((Number) page.execute("return window.roomcall.peers()[0].negotiations;")).longValue();
    }

    /** Waits until the demo page decodes FRAMES more frames than {@code after} and its picture satisfies {@code size}. */
    private static BrowserStats awaitDemo(BrowserPeer demo, Predicate<BrowserStats> size, long after) {
        return demo.awaitStats(s -> s.framesDecoded() >= after + FRAMES && size.test(s), "expected picture", TIMEOUT);
    }

    /** Waits until the page's stats of the person named {@code name} satisfy {@code condition}; returns them then. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> awaitPeer(BrowserPeer page, String name, Predicate<Map<String, Object>> condition) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        Object last = null;
        while (Instant.now().isBefore(deadline)) {
            Map<String, Object> all = (Map<String, Object>) page.driver().executeAsyncScript(STATS_SCRIPT);
            last = all;
            for (Map<String, Object> peer : (List<Map<String, Object>>) all.getOrDefault("peers", List.of())) {
                if (name.equals(peer.get("name")) && condition.test(peer)) {
                    return peer;
                }
            }
            sleep();
        }
        throw new AssertionError(page.name() + ": the stats of " + name + " never matched within " + TIMEOUT + "; last "
                + last + "; console " + page.consoleLog());
    }

    private static long number(Map<String, Object> map, String key) {
        return map.get(key) instanceof Number n ? n.longValue() : 0;
    }

    private static void sleep() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
