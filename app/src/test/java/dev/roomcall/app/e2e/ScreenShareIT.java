package dev.roomcall.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.roomcall.server.ServerConfig;
import dev.roomcall.server.SignalingServer;
import dev.roomcall.signaling.RoomCode;
import dev.roomcall.testkit.NodeRelay;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The headless app shares an X screen (a known pattern on an Xvfb) or one window, and Chromium decodes it: the
 * colours sampled from the decoded video are the pattern's, where they are on the screen. With Roomcall's page the
 * screen is a second video track beside the camera; with the 004 demo page, which shows one stream, it replaces
 * the camera, and the camera comes back when the share ends.
 */
class ScreenShareIT {

    private static final Duration CALL = Duration.ofSeconds(60);
    private static final int WIDTH = 960;
    private static final int HEIGHT = 540;
    private static final int[][] YELLOW = {{255, 255, 0}, {255, 255, 0}, {255, 255, 0}};
    private static final double[][] WINDOW_POINTS = {{0.3, 0.3}, {0.7, 0.3}, {0.5, 0.2}};

    @Test
    void roomcallsPageDecodesTheSharedScreenAsASecondTrackBesideTheCamera() throws Exception {
        String room = RoomCode.newRoomName();
        try (SharedDesktop desktop = SharedDesktop.start(WIDTH, HEIGHT);
                SignalingServer server = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0).build());
                BrowserPeer page = ScreenTrackProbe.open("share-screen-roomcall-page", server.httpUri() + "#" + room)) {
            page.awaitState("waiting", CALL);
            try (AppProcess app = AppProcess.startOnDisplay(desktop.display(), "share-screen-roomcall-app",
                    "--fake-media", "--server", server.uri().toString(), "--room", room, "--share", "screen")) {
                JsonObject started = app.await("share-started", CALL);
                assertEquals("screen", started.get("kind").getAsString(), started.toString());
                assertEquals(WIDTH, started.get("width").getAsInt(), "sent at the screen's own size: " + started);
                assertEquals(HEIGHT, started.get("height").getAsInt(), started.toString());

                ScreenTrackProbe.Sample screen = ScreenTrackProbe.awaitColours(page, 1,
                        SharedDesktop.QUADRANT_CENTRES, SharedDesktop.QUADRANT_COLOURS, CALL);
                assertEquals(WIDTH, screen.width(), "the page decodes the screen at its size: " + screen);
                ScreenTrackProbe.Sample camera = ScreenTrackProbe.sample(page, 0, SharedDesktop.QUADRANT_CENTRES);
                assertFalse(camera.matches(SharedDesktop.QUADRANT_COLOURS, 60),
                        "the first video is still the camera, not the screen: " + camera);
                app.await("stats", json -> json.get("screenFramesSent").getAsLong() > 20, CALL);
                assertEquals(0, app.terminate(Duration.ofSeconds(15)));
                assertEquals(List.of(), app.nonEventLines(), "stdout carries only JSON event lines");
            }
        }
    }

    @Test
    void theDemoPageThroughThe004RelaySeesTheScreenInsteadOfTheCamera() throws Exception {
        try (SharedDesktop desktop = SharedDesktop.start(WIDTH, HEIGHT);
                NodeRelay relay = DemoRelay.start();
                BrowserPeer page = ScreenTrackProbe.open("share-screen-demo004-page", relay.url("/"));
                AppProcess app = AppProcess.startOnDisplay(desktop.display(), "share-screen-demo004-app",
                        "--fake-media", "--role", "caller", "--server", relay.webSocketUrl(), "--room", "demo",
                        "--share", "screen")) {
            app.await("share-started", CALL);
            ScreenTrackProbe.Sample shown = ScreenTrackProbe.awaitColours(page, 0, SharedDesktop.QUADRANT_CENTRES,
                    SharedDesktop.QUADRANT_COLOURS, CALL);
            assertEquals(WIDTH, shown.width(), "the page's one video is the screen: " + shown);
            assertEquals(0, app.terminate(Duration.ofSeconds(15)));
        }
    }

    @Test
    void aDemoPageInRoomcallsServerIsMarkedDemoAndAlsoGetsTheScreenInsteadOfTheCamera() throws Exception {
        // The 004 page connects to the bare host (Roomcall's default room) without roomcall.v1: the server marks it
        // demo in peer-joined, and a page that shows one stream must get the screen on the camera's sender.
        try (SharedDesktop desktop = SharedDesktop.start(WIDTH, HEIGHT);
                NodeRelay pages = DemoRelay.start();
                SignalingServer server = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0)
                        .allowedOrigins(List.of("http://127.0.0.1:" + pages.port())).build());
                AppProcess app = AppProcess.startOnDisplay(desktop.display(), "share-screen-demo-on-roomcall-app",
                        "--fake-media", "--role", "callee", "--server", server.uri().toString(), "--room", "default",
                        "--share", "screen")) {
            app.await("joined", CALL);
            String signal = "ws://127.0.0.1:" + server.port();
            try (BrowserPeer page = ScreenTrackProbe.open("share-screen-demo-on-roomcall-page",
                    pages.url("/?signal=" + signal + "#true"))) {
                app.await("share-started", CALL);
                ScreenTrackProbe.Sample shown = ScreenTrackProbe.awaitColours(page, 0, SharedDesktop.QUADRANT_CENTRES,
                        SharedDesktop.QUADRANT_COLOURS, CALL);
                assertEquals(WIDTH, shown.width(), "the page's one video is the screen: " + shown);
                assertEquals(0, app.terminate(Duration.ofSeconds(15)));
            }
        }
    }

    @Test
    void aSharedWindowThatClosesEndsTheShareWithAReasonAndTheCameraComesBack() throws Exception {
        try (SharedDesktop desktop = SharedDesktop.start(WIDTH, HEIGHT);
                NodeRelay relay = DemoRelay.start()) {
            Process window = desktop.openWindow("roomcall-shared-notes", 400, 300);
            try (BrowserPeer page = ScreenTrackProbe.open("share-window-demo004-page", relay.url("/"));
                    AppProcess app = awaitWindowThenShare(desktop, relay)) {
                JsonObject started = app.await("share-started", CALL);
                assertEquals("roomcall-shared-notes", started.get("source").getAsString(), started.toString());
                assertEquals("window", started.get("kind").getAsString(), started.toString());
                ScreenTrackProbe.Sample shared = ScreenTrackProbe.awaitColours(page, 0, WINDOW_POINTS, YELLOW, CALL);

                window.destroy();
                JsonObject stopped = app.await("share-stopped", CALL);
                assertTrue(stopped.get("reason").getAsString().contains("closed"), stopped.toString());

                // The call goes on: the page gets the camera again in the same video, and both sides keep decoding.
                long decodedAtStop = page.stats().framesDecoded();
                BrowserStats after = page.awaitFramesDecoded(decodedAtStop + 30, CALL);
                ScreenTrackProbe.Sample camera = awaitNotYellow(page);
                assertTrue(camera.width() != shared.width() || camera.height() != shared.height(),
                        "the camera's picture, not the window's: " + camera + " after " + shared + "; " + after);
                long appDecoded = app.await("stats", json -> true, CALL).get("framesDecoded").getAsLong();
                app.await("stats", json -> json.get("framesDecoded").getAsLong() > appDecoded + 30
                        && json.get("screenFramesSent").getAsLong() == 0, CALL);
                assertFalse(app.await("stats", CALL).has("error"));
                assertEquals(0, app.terminate(Duration.ofSeconds(15)), "the app still ends cleanly");
            }
        }
    }

    /** The window must be mapped before the app looks for it, or the app rightly refuses to start. */
    private static AppProcess awaitWindowThenShare(SharedDesktop desktop, NodeRelay relay) throws Exception {
        desktop.awaitWindow("shared-notes", CALL);
        return AppProcess.startOnDisplay(desktop.display(), "share-window-demo004-app",
                "--fake-media", "--role", "caller", "--server", relay.webSocketUrl(), "--room", "demo",
                "--share", "window:shared-notes");
    }

    private static ScreenTrackProbe.Sample awaitNotYellow(BrowserPeer page) throws InterruptedException {
        long deadline = System.nanoTime() + CALL.toNanos();
        ScreenTrackProbe.Sample last = null;
        while (System.nanoTime() < deadline) {
            last = ScreenTrackProbe.sample(page, 0, WINDOW_POINTS);
            if (last.error() == null && !last.matches(YELLOW, 60)) {
                return last;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("the page kept showing the closed window: " + last);
    }
}
