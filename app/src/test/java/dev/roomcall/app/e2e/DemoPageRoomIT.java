package dev.roomcall.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.roomcall.server.ServerConfig;
import dev.roomcall.server.SignalingServer;
import dev.roomcall.testkit.NodeRelay;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A 004 demo page (no roomcall.v1) in a room of Roomcall's server, whose rooms otherwise hold four: the app joining
 * it gets the two-person call it always had, unaddressed, and a third person (another app) is refused in the
 * server's words, while the call goes on.
 */
class DemoPageRoomIT {

    private static final Duration CALL = Duration.ofSeconds(90);

    @Test
    void theAppCallsADemoPageOneToOneAndAThirdIsToldWhyTheRoomIsFull() throws Exception {
        try (NodeRelay pages = DemoRelay.start();
                // The demo pages come from NodeRelay's origin, which the server must allow.
                SignalingServer server = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0)
                        .allowedOrigins(List.of("http://127.0.0.1:" + pages.port())).build())) {
            String signal = "ws://127.0.0.1:" + server.port();
            try (BrowserPeer page = BrowserPeer.open("demo-room-page", pages.url("/?signal=" + signal + "#true"))) {
                page.awaitTrue("return pc.iceGatheringState === 'complete' && socket.bufferedAmount === 0;", CALL);
                try (AppProcess app = AppProcess.start("demo-room-app", "--fake-media", "--name", "Mia",
                        "--server", server.uri().toString(), "--room", "default")) {
                    JsonObject joined = app.await("joined", CALL);
                    assertEquals("other", joined.getAsJsonArray("members").get(0).getAsJsonObject().get("peer")
                            .getAsString(), "a demo page is the other person of a two-person call: " + joined);
                    RoomcallServerCallIT.assertBothSidesDecode(app, page);
                    assertEquals(List.of(), errors(page), "nothing addressed, no extension reached the page");

                    try (AppProcess third = AppProcess.start("demo-room-third", "--fake-media",
                            "--server", server.uri().toString(), "--room", "default")) {
                        JsonObject error = third.await("error", json -> json.has("code")
                                && "room-full".equals(json.get("code").getAsString()), CALL);
                        assertEquals("room full: a page without group calls (no roomcall.v1) limits this room to two",
                                error.get("message").getAsString());
                        assertNotEquals(0, third.waitForExit(Duration.ofSeconds(20)), "a refused join is a failure");
                    }

                    long frames = app.await("stats", json -> true, CALL).get("framesDecoded").getAsLong();
                    app.await("stats", json -> json.get("framesDecoded").getAsLong() > frames + 30, CALL);
                    page.awaitFramesDecoded(page.stats().framesDecoded() + 30, CALL);
                    assertEquals(0, AppEventsSoFar.of(app, "peer-left").size(), "the call went on");
                    assertEquals(List.of(), errors(page));
                    assertTrue(AppEventsSoFar.of(app, "error").isEmpty(), "the app in the call saw no error");
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> errors(BrowserPeer peer) {
        return (List<String>) peer.execute("return window.roomcall.errors();");
    }
}
