package dev.roomcall.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.roomcall.server.ServerConfig;
import dev.roomcall.server.SignalingServer;
import dev.roomcall.server.sfu.SfuSettings;
import dev.roomcall.signaling.RoomCode;
import dev.roomcall.testkit.ChromiumOptions;
import dev.roomcall.testkit.Janus;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Screen sharing in a room on Debian's Janus (protocol §14): a shared screen is a feed of its own, published by a
 * second VideoRoom publisher whose display names the member and marks it a screen. The headless app shares an X
 * screen painted with a known pattern and a Roomcall page decodes the pattern's colours from its subscription and
 * shows that person presenting; a page shares with its Share button and the app announces it as that member's
 * {@code remote-share-started}, and {@code remote-share-stopped} when the page stops, while the cameras go on; a
 * share that ends (the shared window closes) takes its feed away, and the page drops the screen.
 */
class SfuScreenShareIT {

    private static final Path DEPLOYMENT = Path.of(System.getProperty("roomcall.janus.config", "../packaging/server/janus"));
    private static final String KEY = "sfu-share-it";
    private static final Duration CALL = Duration.ofSeconds(90);
    private static final int WIDTH = 960;
    private static final int HEIGHT = 540;
    private static final ChromiumOptions SHARING = ChromiumOptions.defaults().withWindowSize(640, 480)
            .withExtraArguments("--auto-select-desktop-capture-source=Entire screen");

    @Test
    void theAppsSharedScreenReachesAPageThroughJanusAsAFeedOfItsOwn() throws Exception {
        Janus janus = Janus.start(DEPLOYMENT, Path.of("target", "sfu-share-it-app"), KEY);
        String room = RoomCode.newRoomName();
        try (SharedDesktop desktop = SharedDesktop.start(WIDTH, HEIGHT);
                SignalingServer server = sfuServer(janus);
                BrowserPeer page = ScreenTrackProbe.open("sfu-share-page", server.httpUri() + "?name=Ann#" + room)) {
            page.awaitTrue("return window.roomcall.mediaServer() === 'up';", CALL);
            try (AppProcess app = AppProcess.startOnDisplay(desktop.display(), "sfu-share-app", "--fake-media",
                    "--name", "Mia", "--server", server.uri().toString(), "--room", room, "--share", "screen")) {
                app.await("moved-to-sfu", CALL);
                JsonObject started = app.await("share-started", CALL);
                assertEquals(WIDTH, started.get("width").getAsInt(), started.toString());

                // The subscription holds Mia's camera and Mia's screen, in whichever order Janus published them.
                ScreenTrackProbe.Sample screen = awaitPatternOnAnyVideo(page);
                assertEquals(WIDTH, screen.width(), "decoded at the screen's size: " + screen);
                page.awaitTrue("return window.roomcall.peers().some((p) => p.name === 'Mia' && p.presenting);", CALL);
                page.awaitTrue("return document.getElementById('stage').classList.contains('presenting');", CALL);
                page.awaitTrue("return document.getElementById('remote-video').videoWidth === " + WIDTH + ";", CALL);
                assertEquals(1L, page.execute("return window.roomcall.peers().length;"),
                        "Mia's screen is Mia presenting, not another person");
                page.awaitTrue("return window.roomcall.stats().then((s) => s.screenFramesDecoded > 20"
                        + " && s.framesDecoded > 20);", CALL);
                // The app's stats line, as in the mesh: Ann listed, the screen's frames counted, and what it sends
                // counting the screen feed's frames beside the camera's (sfu-stats: the camera's publication alone).
                PeopleStats.awaitRisingFrom(app, List.of("Ann"), CALL);
                JsonObject sharing = app.await("stats", json -> json.get("screenFramesSent").getAsLong() > 10
                        && json.get("framesSent").getAsLong()
                        > PeopleStats.sameRoundSfuStats(app, json).get("framesSent").getAsLong(), CALL);
                assertTrue(sharing.get("bytesSent").getAsLong()
                        > PeopleStats.sameRoundSfuStats(app, sharing).get("bytesSent").getAsLong(), sharing.toString());
                assertEquals(0, app.terminate(Duration.ofSeconds(15)));
            }
            // Mia left with her screen: the page drops it rather than leave it up.
            page.awaitTrue("return !document.getElementById('stage').classList.contains('presenting')"
                    + " && window.roomcall.peers().length === 0;", CALL);
        } finally {
            janus.close();
        }
    }

    @Test
    void whenTheAppsSharedWindowClosesItsScreenFeedLeavesAndThePageKeepsItsCamera() throws Exception {
        Janus janus = Janus.start(DEPLOYMENT, Path.of("target", "sfu-share-it-window"), KEY);
        String room = RoomCode.newRoomName();
        try (SharedDesktop desktop = SharedDesktop.start(WIDTH, HEIGHT);
                SignalingServer server = sfuServer(janus);
                BrowserPeer page = ScreenTrackProbe.open("sfu-share-window-page", server.httpUri() + "?name=Ann#" + room)) {
            Process window = desktop.openWindow("roomcall-shared-notes", 400, 300);
            desktop.awaitWindow("shared-notes", CALL);
            page.awaitTrue("return window.roomcall.mediaServer() === 'up';", CALL);
            try (AppProcess app = AppProcess.startOnDisplay(desktop.display(), "sfu-share-window-app", "--fake-media",
                    "--name", "Mia", "--server", server.uri().toString(), "--room", room, "--share", "window:shared-notes")) {
                app.await("share-started", CALL);
                page.awaitTrue("return window.roomcall.peers().some((p) => p.name === 'Mia' && p.presenting);", CALL);

                window.destroy();
                JsonObject stopped = app.await("share-stopped", CALL);
                assertTrue(stopped.get("reason").getAsString().contains("closed"), stopped.toString());
                page.awaitTrue("return !document.getElementById('stage').classList.contains('presenting')"
                        + " && window.roomcall.peers().some((p) => p.name === 'Mia' && !p.presenting);", CALL);
                long camera = ((Number) page.execute("return window.roomcall.stats().then((s) => s.framesDecoded);"))
                        .longValue();
                page.awaitTrue("return window.roomcall.stats().then((s) => s.framesDecoded > " + (camera + 20) + ");", CALL);
                assertEquals(0, AppEventsSoFar.of(app, "ended").size(), "the call goes on: " + app.logTail());
                assertEquals(0, app.terminate(Duration.ofSeconds(15)));
            }
        } finally {
            janus.close();
        }
    }

    @Test
    void aPageSharingThroughJanusIsThatMembersShareInTheAppUntilItStops() throws Exception {
        Janus janus = Janus.start(DEPLOYMENT, Path.of("target", "sfu-share-it-page"), KEY);
        String room = RoomCode.newRoomName();
        try (SignalingServer server = sfuServer(janus);
                BrowserPeer page = BrowserPeer.open("sfu-shares-page", server.httpUri() + "?name=Ann#" + room, SHARING)) {
            page.awaitTrue("return window.roomcall.mediaServer() === 'up';", CALL);
            String annId = (String) page.execute("return window.roomcall.id();");
            try (AppProcess app = AppProcess.start("sfu-shares-app", "--fake-media", "--name", "Mia",
                    "--server", server.uri().toString(), "--room", room)) {
                app.await("first-remote-video", json -> annId.equals(json.get("peer").getAsString()), CALL);

                page.driver().findElement(By.id("toggle-share")).click();
                page.awaitTrue("return window.roomcall.sharing();", CALL);
                JsonObject started = app.await("remote-share-started", CALL);
                assertEquals(annId, started.get("peer").getAsString(), started.toString());
                assertTrue(started.get("width").getAsInt() > 0 && started.get("height").getAsInt() > 0,
                        started.toString());
                page.awaitTrue("return window.roomcall.stats().then((s) => s.screenFramesSent > 10);", CALL);
                // The app's stats line lists Ann, frames from her rising, and counts her screen's frames.
                PeopleStats.awaitRisingFrom(app, List.of("Ann"), CALL);
                long screen = app.await("stats", json -> json.get("remoteScreenFramesDecoded").getAsLong() > 10, CALL)
                        .get("remoteScreenFramesDecoded").getAsLong();
                app.await("stats", json -> json.get("remoteScreenFramesDecoded").getAsLong() > screen + 5, CALL);
                assertEquals(1, AppEventsSoFar.of(app, "first-remote-video").size(),
                        "the screen is Ann's share, not one more person: " + app.logTail());

                page.driver().findElement(By.id("toggle-share")).click();
                JsonObject stopped = app.await("remote-share-stopped", CALL);
                assertEquals(annId, stopped.get("peer").getAsString(), stopped.toString());
                long decoded = app.await("sfu-stats", CALL).get("framesDecoded").getAsLong();
                app.await("sfu-stats", json -> json.get("framesDecoded").getAsLong() > decoded + 20, CALL);
                assertEquals(0, AppEventsSoFar.of(app, "ended").size(), "the call goes on: " + app.logTail());
                assertEquals(0, app.terminate(Duration.ofSeconds(15)));
            }
        } finally {
            janus.close();
        }
    }

    private static SignalingServer sfuServer(Janus janus) throws Exception {
        return SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0)
                .sfu(new SfuSettings(janus.uri(), null, KEY, 0, 6, 300_000)).build());
    }

    private static ScreenTrackProbe.Sample awaitPatternOnAnyVideo(BrowserPeer page) throws InterruptedException {
        Instant deadline = Instant.now().plus(CALL);
        ScreenTrackProbe.Sample last = null;
        while (Instant.now().isBefore(deadline)) {
            for (int index = 0; index < 3; index++) {
                last = ScreenTrackProbe.sample(page, index, SharedDesktop.QUADRANT_CENTRES);
                if (last.matches(SharedDesktop.QUADRANT_COLOURS, 60)) {
                    return last;
                }
            }
            Thread.sleep(300);
        }
        throw new AssertionError("the page never decoded the shared screen's pattern; last " + last);
    }
}
