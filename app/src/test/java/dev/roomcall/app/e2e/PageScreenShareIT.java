package dev.roomcall.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.api.Test;

/**
 * Roomcall pages share their screens with each other (getDisplayMedia; headless Chromium's fake screen, chosen
 * without a picker): the screen goes as a second video track next to the camera, the others decode both, show the
 * screen large with the presenter's camera small and say who presents; stopping, by the button or by the browser
 * ending the captured track, puts the layout back while the cameras go on.
 */
class PageScreenShareIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final long FRAMES = 20;
    /** Pick the whole (fake) screen without asking, as a person choosing "Entire screen" would. */
    private static final ChromiumOptions SHARING = ChromiumOptions.defaults().withWindowSize(800, 600)
            .withExtraArguments("--auto-select-desktop-capture-source=Entire screen");
    private static final ChromiumOptions SMALL = SHARING.withWindowSize(480, 360);
    /** The presenter view for people to look at (docs/screenshots has copies). */
    private static final java.nio.file.Path SHOTS = E2eDirs.target().resolve("screenshots");
    private static final String PEERS_SCRIPT = """
            const done = arguments[arguments.length - 1];
            window.roomcall.stats().then((s) => done(s), (e) => done({ error: String(e) }));
            """;

    @Test
    void aPageSharesItsScreenToAnotherWhichShowsItLargeWithTheCameraSmallAndStopsCleanlyEitherWay() throws Exception {
        try (SignalingServer server = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0)
                .roomSize(2).build())) {
            String room = RoomCode.newRoomName();
            String base = server.httpUri().toString();
            try (BrowserPeer ana = BrowserPeer.open("share-ana", base + "?name=Ana#" + room, SHARING);
                    BrowserPeer ben = BrowserPeer.open("share-ben", base + "?name=Ben&lang=zh-CN#" + room, SHARING)) {
                ana.awaitFramesDecoded(FRAMES, TIMEOUT);
                ben.awaitFramesDecoded(FRAMES, TIMEOUT);
                assertEquals("Share screen", text(ana, "toggle-share"));
                assertEquals("共享屏幕", text(ben, "toggle-share"), "the button in the page's language");
                assertEquals(List.of(), ben.execute("return window.roomcall.missingTexts();"), "every text in zh-CN");
                assertFalse(hasClass(ben, "presenting"));

                click(ana, "toggle-share");
                ana.awaitTrue("return window.roomcall.sharing();", TIMEOUT);
                assertEquals("Stop sharing", text(ana, "toggle-share"));
                assertEquals("true", ana.execute("return document.getElementById('toggle-share').getAttribute('aria-pressed');"));
                assertEquals("You are sharing your screen", text(ana, "presenter"));

                Map<String, Object> shown = awaitPeer(ben, "Ana", p -> (Boolean) p.get("presenting")
                        && number(p, "screenFramesDecoded") >= FRAMES && number(p, "screenWidth") > 0);
                ben.awaitTrue("return document.getElementById('presenter').textContent === 'Ana 正在共享屏幕';", TIMEOUT);
                assertEquals("polite", ben.execute("return document.getElementById('presenter').getAttribute('aria-live');"));
                assertTrue(hasClass(ben, "presenting"), "the stage shows the screen");
                assertLargeIsScreenAndTileIsCamera(ben, shown);
                assertCameraGoesOn(ben, "Ana", shown);
                assertEquals(List.of(), AxeCheck.violations(ben), "the presenter view is accessible");
                ben.screenshot(SHOTS.resolve("page-presenting-zh.png"));
                ana.screenshot(SHOTS.resolve("page-sharing.png"));
                Map<String, Object> anaStats = stats(ana);
                assertTrue(number(anaStats, "screenFramesSent") > 0, "Ana counts the screen she sends: " + anaStats);
                assertTrue(number(anaStats, "framesSent") > 0, "and her camera apart: " + anaStats);

                click(ana, "toggle-share");
                ana.awaitTrue("return !window.roomcall.sharing();", TIMEOUT);
                assertEquals("Share screen", text(ana, "toggle-share"));
                Map<String, Object> stopped = awaitPeer(ben, "Ana", p -> !(Boolean) p.get("presenting"));
                awaitLayoutBack(ben);
                ben.awaitTrue("return document.getElementById('presenter').textContent === 'Ana 已停止共享屏幕'"
                        + " || document.getElementById('presenter').textContent === '';", TIMEOUT);
                assertCameraGoesOn(ben, "Ana", stopped);

                // Sharing again reuses the section: the screen comes back, then the browser ends the capture.
                click(ana, "toggle-share");
                ana.awaitTrue("return window.roomcall.sharing();", TIMEOUT);
                long before = number(stopped, "screenFramesDecoded");
                awaitPeer(ben, "Ana", p -> (Boolean) p.get("presenting") && number(p, "screenFramesDecoded") >= before + FRAMES);
                for (BrowserPeer page : List.of(ana, ben)) {
                    assertEquals(2L, page.execute("return window.roomcall.peers()[0].videoSections;"),
                            page.name() + ": camera and screen, the second share on the first one's section");
                }
                endCaptureAsTheBrowserDoes(ana);
                ana.awaitTrue("return !window.roomcall.sharing()"
                        + " && document.getElementById('toggle-share').getAttribute('aria-pressed') === 'false'"
                        + " && document.getElementById('local-screen').hidden;", TIMEOUT);
                assertEquals("Screen sharing stopped", text(ana, "presenter"));
                Map<String, Object> ended = awaitPeer(ben, "Ana", p -> !(Boolean) p.get("presenting"));
                awaitLayoutBack(ben);
                assertCameraGoesOn(ben, "Ana", ended);
                ana.awaitFramesDecoded(ana.stats().framesDecoded() + FRAMES, TIMEOUT);
            }
        }
    }

    @Test
    void inAGroupEveryoneSeesThePresentersScreenWithEveryCameraBesideItAndTheGridComesBack() throws Exception {
        String room = RoomCode.newRoomName();
        try (SignalingServer server = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0).build())) {
            String base = server.httpUri().toString();
            // A name that tries to be markup and to turn text around is shown as the plain text the server kept.
            String hostile = "%E2%80%AE%3Cb%3EBea%3C%2Fb%3E";
            try (BrowserPeer ann = BrowserPeer.open("share-group-ann", base + "?name=Ann#" + room, SMALL);
                    BrowserPeer bea = BrowserPeer.open("share-group-bea", base + "?name=" + hostile + "#" + room, SMALL);
                    BrowserPeer cy = BrowserPeer.open("share-group-cy", base + "?name=Cy#" + room, SMALL)) {
                for (BrowserPeer page : List.of(ann, bea, cy)) {
                    page.awaitTrue("return window.roomcall.peers().length === 2"
                            + " && window.roomcall.peers().every((p) => p.connectionState === 'connected');", TIMEOUT);
                }
                ann.awaitTrue("return document.getElementById('stage').classList.contains('group');", TIMEOUT);

                click(bea, "toggle-share");
                bea.awaitTrue("return window.roomcall.sharing();", TIMEOUT);
                for (BrowserPeer viewer : List.of(ann, cy)) {
                    Map<String, Object> shown = awaitPeer(viewer, "<b>Bea</b>", p -> (Boolean) p.get("presenting")
                            && number(p, "screenFramesDecoded") >= FRAMES);
                    viewer.awaitTrue("return document.getElementById('presenter').textContent"
                            + " === '<b>Bea</b> is presenting';", TIMEOUT);
                    assertEquals(0L, viewer.execute("return document.querySelectorAll('#presenter *, .tile-name *').length;"),
                            "names are text, never markup");
                    assertTrue(hasClass(viewer, "presenting") && !hasClass(viewer, "group"));
                    assertEquals(2L, viewer.execute("return document.querySelectorAll('#grid .tile:not([hidden])').length;"),
                            "both others' cameras beside the screen");
                    assertEquals("<b>Bea</b>", viewer.execute(
                            "return document.querySelector('#grid .tile.presenter .tile-name').textContent;"));
                    assertEquals(number(shown, "screenWidth"),
                            ((Number) viewer.execute("return document.getElementById('remote-video').videoWidth;")).longValue());
                }
                ann.screenshot(SHOTS.resolve("page-presenting-group.png"));

                // Someone who joins during the share gets the screen too (Bea answers, then offers her screen).
                try (BrowserPeer dee = BrowserPeer.open("share-group-dee", base + "?name=Dee#" + room, SMALL)) {
                    awaitPeer(dee, "<b>Bea</b>", p -> (Boolean) p.get("presenting") && number(p, "screenFramesDecoded") >= FRAMES);
                    awaitPeer(dee, "Ann", p -> number(p, "framesDecoded") >= FRAMES);
                    dee.awaitTrue("return document.getElementById('presenter').textContent === '<b>Bea</b> is presenting';", TIMEOUT);
                }

                // Cy shares too: the most recent presenter fills the stage, on the section Bea's screen opened.
                click(cy, "toggle-share");
                cy.awaitTrue("return window.roomcall.sharing();", TIMEOUT);
                awaitPeer(ann, "Cy", p -> (Boolean) p.get("presenting") && number(p, "screenFramesDecoded") >= FRAMES);
                awaitPeer(bea, "Cy", p -> (Boolean) p.get("presenting") && number(p, "screenFramesDecoded") >= FRAMES);
                awaitPeer(cy, "<b>Bea</b>", p -> (Boolean) p.get("presenting"));
                ann.awaitTrue("return document.getElementById('presenter').textContent === 'Cy is presenting'"
                        + " && document.querySelector('#grid .tile.presenter .tile-name').textContent === 'Cy';", TIMEOUT);
                assertEquals(2L, bea.execute("return window.roomcall.peers().find((p) => p.name === 'Cy').videoSections;"),
                        "both screens on one section between Bea and Cy");
                click(cy, "toggle-share");
                ann.awaitTrue("return document.getElementById('presenter').textContent === '<b>Bea</b> is presenting';", TIMEOUT);
                awaitPeer(ann, "Cy", p -> !(Boolean) p.get("presenting"));

                click(bea, "toggle-share");
                for (BrowserPeer viewer : List.of(ann, cy)) {
                    awaitPeer(viewer, "<b>Bea</b>", p -> !(Boolean) p.get("presenting"));
                    viewer.awaitTrue("const s = document.getElementById('stage').classList;"
                            + " return s.contains('group') && !s.contains('presenting')"
                            + " && !document.getElementById('remote-video').srcObject;", TIMEOUT);
                    assertEquals(2L, viewer.execute("return document.querySelectorAll('#grid .tile:not([hidden])').length;"));
                }
            }
        }
    }

    @Test
    void aDemoPageThatShowsOneVideoGetsTheScreenInsteadOfTheCameraAndTheCameraBack() throws Exception {
        try (NodeRelay pages = DemoRelay.start();
                SignalingServer server = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0).roomSize(2)
                        .allowedOrigins(List.of("http://127.0.0.1:" + pages.port())).build());
                BrowserPeer demo = BrowserPeer.open("share-demo004-callee", pages.url("/?signal=" + server.uri() + "demo-share"));
                BrowserPeer page = BrowserPeer.open("share-page-to-demo", server.httpUri() + "#demo-share", SHARING)) {
            BrowserStats camera = demo.awaitFramesDecoded(FRAMES, TIMEOUT);
            page.awaitFramesDecoded(FRAMES, TIMEOUT);

            click(page, "toggle-share");
            page.awaitTrue("return window.roomcall.sharing() && document.getElementById('local-screen').videoWidth > 0;", TIMEOUT);
            long width = ((Number) page.execute("return document.getElementById('local-screen').videoWidth;")).longValue();
            long height = ((Number) page.execute("return document.getElementById('local-screen').videoHeight;")).longValue();
            assertTrue(width != camera.width() || height != camera.height(), "a screen unlike the camera: " + width + "x" + height);
            BrowserStats screen = awaitDemo(demo, s -> s.width() == width && s.height() == height, camera.framesDecoded());
            assertEquals(1L, page.execute("return window.roomcall.peers()[0].videoSections;"), "no second section for it");

            click(page, "toggle-share");
            awaitDemo(demo, s -> s.width() != width || s.height() != height, screen.framesDecoded());
            assertEquals(List.of(), demo.execute("return window.roomcall.errors();"));
        }
    }

    @Test
    void aRefusedShareIsANoteAndNothingIsShared() throws Exception {
        try (SignalingServer server = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0).build());
                BrowserPeer page = BrowserPeer.open("share-refused", server.httpUri() + "#share-refused",
                        SMALL.withMedia(ChromiumOptions.Media.DENIED))) {
            page.awaitState("waiting", TIMEOUT);
            click(page, "toggle-share");
            page.awaitTrue("return document.getElementById('signal-note').textContent"
                    + " === 'Screen sharing was not allowed — nothing was shared.';", TIMEOUT);
            assertEquals(false, page.execute("return window.roomcall.sharing();"));
            assertEquals("Share screen", text(page, "toggle-share"));
            assertEquals("false", page.execute("return document.getElementById('toggle-share').getAttribute('aria-pressed');"));
            assertEquals(true, page.execute("return document.getElementById('local-screen').hidden;"));
        }
    }

    @Test
    void theLayoutDecisionFollowsItsTable() throws Exception {
        try (SignalingServer server = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0).build());
                BrowserPeer page = BrowserPeer.open("share-layout", server.httpUri() + "#layout-table", SMALL)) {
            page.awaitState("waiting", TIMEOUT);
            Object[][] table = {
                    {"[]", "{\"mode\":\"empty\",\"presenter\":null,\"tiles\":[]}"},
                    {"[{\"id\":\"p1\",\"presentingSince\":null}]", "{\"mode\":\"single\",\"presenter\":null,\"tiles\":[]}"},
                    {"[{\"id\":\"p1\",\"presentingSince\":null},{\"id\":\"p2\",\"presentingSince\":null}]",
                            "{\"mode\":\"grid\",\"presenter\":null,\"tiles\":[\"p1\",\"p2\"]}"},
                    {"[{\"id\":\"\",\"presentingSince\":1}]", "{\"mode\":\"presenting\",\"presenter\":\"\",\"tiles\":[\"\"]}"},
                    {"[{\"id\":\"p1\",\"presentingSince\":3},{\"id\":\"p2\",\"presentingSince\":5},{\"id\":\"p3\",\"presentingSince\":null}]",
                            "{\"mode\":\"presenting\",\"presenter\":\"p2\",\"tiles\":[\"p1\",\"p2\",\"p3\"]}"},
            };
            for (Object[] row : table) {
                assertEquals(row[1], page.execute("return JSON.stringify(window.roomcall.layoutOf(JSON.parse(arguments[0])));",
                        row[0]), "layoutOf(" + row[0] + ")");
            }
        }
    }

    /** Waits until the demo page decodes FRAMES more frames than {@code after} and its picture satisfies {@code size}. */
    private static BrowserStats awaitDemo(BrowserPeer demo, Predicate<BrowserStats> size, long after) {
        return demo.awaitStats(s -> s.framesDecoded() >= after + FRAMES && size.test(s), "expected picture", TIMEOUT);
    }

    /**
     * What Chromium does when the person presses its own "Stop sharing" (or the captured window goes away): the track
     * ends and fires "ended". Headless Chromium has no such bar to press and its fake screen never goes away, and
     * Debian's Chromium 156 shown on Xvfb cannot capture a real screen or window at all (getDisplayMedia fails with
     * "NotReadableError: Could not start video source", measured), so the test does both steps to the page's
     * captured track, which the page's own preview holds.
     */
    private static void endCaptureAsTheBrowserDoes(BrowserPeer page) {
        page.execute("const track = document.getElementById('local-screen').srcObject.getVideoTracks()[0];"
                + " track.stop(); track.dispatchEvent(new Event('ended'));");
    }

    private static void assertLargeIsScreenAndTileIsCamera(BrowserPeer page, Map<String, Object> peer) {
        page.awaitTrue(String.format("const v = document.getElementById('remote-video');"
                + " return v.videoWidth === %d && v.videoHeight === %d;", number(peer, "screenWidth"),
                number(peer, "screenHeight")), TIMEOUT);
        page.awaitTrue("const tile = document.querySelector('#grid .tile.presenter:not([hidden]) video');"
                + " return !!tile && tile.videoWidth > 0 && !tile.srcObject.getVideoTracks().some((t) =>"
                + " document.getElementById('remote-video').srcObject.getVideoTracks().includes(t));", TIMEOUT);
        assertEquals("共享的屏幕", page.execute("return document.getElementById('remote-video').getAttribute('aria-label');"));
    }

    private static void awaitLayoutBack(BrowserPeer page) {
        page.awaitTrue("const v = document.getElementById('remote-video');"
                + " return !document.getElementById('stage').classList.contains('presenting')"
                + " && document.getElementById('grid').hidden && !!v.srcObject"
                + " && v.srcObject.getAudioTracks().length > 0 && v.videoWidth > 0;", TIMEOUT);
    }

    /** The camera keeps coming beside (or after) the screen. */
    private static void assertCameraGoesOn(BrowserPeer page, String name, Map<String, Object> before) {
        long frames = number(before, "framesDecoded");
        awaitPeer(page, name, p -> number(p, "framesDecoded") >= frames + FRAMES && number(p, "width") > 0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> stats(BrowserPeer page) {
        return (Map<String, Object>) page.driver().executeAsyncScript(PEERS_SCRIPT);
    }

    /** Waits until the page's stats of the person named {@code name} satisfy {@code condition}; returns them then. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> awaitPeer(BrowserPeer page, String name, Predicate<Map<String, Object>> condition) {
        Instant deadline = Instant.now().plus(TIMEOUT);
        Object last = null;
        while (Instant.now().isBefore(deadline)) {
            Map<String, Object> all = stats(page);
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

    private static void click(BrowserPeer page, String id) {
        page.driver().findElement(org.openqa.selenium.By.id(id)).click();
    }

    private static String text(BrowserPeer page, String id) {
        return String.valueOf(page.execute("return document.getElementById(arguments[0]).textContent;", id));
    }

    private static boolean hasClass(BrowserPeer page, String name) {
        return Boolean.TRUE.equals(page.execute("return document.getElementById('stage').classList.contains(arguments[0]);", name));
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
