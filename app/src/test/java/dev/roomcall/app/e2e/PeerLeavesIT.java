package dev.roomcall.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.roomcall.server.ServerConfig;
import dev.roomcall.server.SignalingServer;
import dev.roomcall.signaling.RoomCode;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Fault: the person on the page closes the tab mid-call. The app must say so within 3 s and stay in the
 * room, so that whoever opens the link next gets a call with the same app process, without a restart.
 */
class PeerLeavesIT {

    private static final Duration CALL = Duration.ofSeconds(60);
    private static final long FRAMES = 30;

    @Test
    void theAppSeesThePeerLeaveWithinThreeSecondsAndCallsTheNextOneWithoutARestart() throws Exception {
        String room = RoomCode.newRoomName();
        try (SignalingServer server = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0).build());
                AppProcess app = AppProcess.start("peer-leaves-app",
                        "--fake-media", "--server", server.uri().toString(), "--room", room)) {
            app.await("joined", CALL);
            String link = server.httpUri() + "#" + room;

            BrowserPeer first = BrowserPeer.open("peer-leaves-first", link);
            JsonObject firstVideo;
            try {
                app.await("peer-joined", CALL);
                RoomcallServerCallIT.assertBothSidesDecode(app, first);
                firstVideo = app.await("first-remote-video", CALL);
            } finally {
                first.close(); // the tab (the whole browser) goes away without a word
            }
            JsonObject left = app.await("peer-left", Duration.ofSeconds(3));
            assertTrue(left.has("reason"), "peer-left says how: " + left);

            Set<JsonObject> firstCallStats = AppEventsSoFar.of(app, "stats");
            Set<JsonObject> firstPeerJoined = AppEventsSoFar.of(app, "peer-joined");
            try (BrowserPeer next = BrowserPeer.open("peer-leaves-next", link)) {
                app.await("peer-joined", json -> !firstPeerJoined.contains(json), CALL);
                JsonObject video = app.await("first-remote-video", json -> json != firstVideo, CALL);
                assertTrue(video.get("width").getAsInt() > 0, "the new peer's video has a size: " + video);
                app.await("stats", json -> !firstCallStats.contains(json)
                        && json.get("framesDecoded").getAsLong() >= FRAMES, CALL);
                BrowserStats seen = next.awaitFramesDecoded(FRAMES, CALL);
                assertTrue(seen.width() > 0, "the new page decodes the app's video: " + seen);
            }
            assertEquals(0, app.terminate(Duration.ofSeconds(15)));
            assertEquals(List.of(), app.nonEventLines(), "stdout carries only JSON event lines");
        }
    }
}
