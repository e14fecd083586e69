package dev.roomcall.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.roomcall.server.ServerConfig;
import dev.roomcall.server.SignalingServer;
import dev.roomcall.signaling.RoomCode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The product's promise, end to end: the packaged app, headless with fake media, and a real Chromium
 * on Roomcall's own page, in one room on Roomcall's server, whoever arrives first. Each side must
 * decode the other's video.
 */
class RoomcallServerCallIT {

    private static final Duration CALL = Duration.ofSeconds(60);
    private static final long FRAMES = 30;

    @Test
    void browserWaitsInTheRoomThenTheAppJoinsAndBothSeeEachOther() throws Exception {
        String room = RoomCode.newRoomName();
        try (SignalingServer server = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0).build());
                BrowserPeer browser = BrowserPeer.open("roomcall-browser-first", server.httpUri() + "#" + room)) {
            browser.awaitState("waiting", CALL);
            try (AppProcess app = AppProcess.start("roomcall-browser-first-app",
                    "--fake-media", "--server", server.uri().toString(), "--room", room)) {
                JsonObject joined = app.await("joined", CALL);
                assertEquals(1, joined.get("peers").getAsInt(), "the page was already in the room");
                assertBothSidesDecode(app, browser);

                // Hanging up (SIGTERM) says bye: the page shows "peer left" at once, not after an ICE timeout.
                assertEquals(0, app.terminate(Duration.ofSeconds(15)), "the app exits cleanly on SIGTERM");
                browser.awaitState("peer-left", Duration.ofSeconds(3));
                assertEquals(List.of(), app.nonEventLines(), "stdout carries only JSON event lines");
            }
        }
    }

    @Test
    void appWaitsOnItsEmbeddedServerThenTheBrowserOpensTheLinkAndBothSeeEachOther() throws Exception {
        try (AppProcess app = AppProcess.start("roomcall-app-first", "--fake-media", "--host", "0")) {
            String page = app.await("server-started", CALL).get("url").getAsString();
            String room = app.await("room", CALL).get("room").getAsString();
            assertTrue(RoomCode.isValid(room), "a generated room is a valid room name: " + room);
            JsonObject joined = app.await("joined", CALL);
            assertEquals(0, joined.get("peers").getAsInt(), "the app was first");

            try (BrowserPeer browser = BrowserPeer.open("roomcall-app-first-browser", page + "#" + room)) {
                app.await("peer-joined", CALL);
                assertBothSidesDecode(app, browser);

                browser.close();
                app.await("peer-left", Duration.ofSeconds(5));
            }
            assertEquals(0, app.terminate(Duration.ofSeconds(15)));
            assertEquals(List.of(), app.nonEventLines(), "stdout carries only JSON event lines");
        }
    }

    static void assertBothSidesDecode(AppProcess app, BrowserPeer browser) throws InterruptedException {
        app.await("connected", CALL);
        JsonObject first = app.await("first-remote-video", CALL);
        assertTrue(first.get("width").getAsInt() > 0 && first.get("height").getAsInt() > 0, "remote video has a size: " + first);
        JsonObject stats = app.await("stats", json -> json.get("framesDecoded").getAsLong() >= FRAMES
                && json.get("audioBytesReceived").getAsLong() > 0, CALL);
        assertTrue(stats.get("bytesReceived").getAsLong() > 0, "the app receives media: " + stats);

        BrowserStats seen = browser.awaitFramesDecoded(FRAMES, CALL);
        assertTrue(seen.width() > 0 && seen.height() > 0, "the browser decodes the app's video: " + seen);
        assertTrue(seen.audioBytesReceived() > 0, "the browser receives the app's audio: " + seen);
    }
}
