package dev.roomcall.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.roomcall.server.ServerConfig;
import dev.roomcall.server.SignalingServer;
import dev.roomcall.signaling.RoomCode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fault: a third person tries a room where two are already talking. A page says the room is full; an app
 * reports {@code room-full} on its event stream and exits with failure, instead of waiting forever. The call
 * in the room goes on untouched.
 */
class ThirdJoinerIT {

    private static final Duration CALL = Duration.ofSeconds(60);
    private static final long FRAMES = 30;

    @Test
    void aThirdPageAndAThirdAppAreToldTheRoomIsFullAndTheCallGoesOn() throws Exception {
        String room = RoomCode.newRoomName();
        List<String> appStdoutJunk;
        try (SignalingServer server = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0).roomSize(2).build())) {
            String link = server.httpUri() + "#" + room;
            try (BrowserPeer one = BrowserPeer.open("third-joiner-one", link);
                    BrowserPeer two = BrowserPeer.open("third-joiner-two", link)) {
                one.awaitFramesDecoded(FRAMES, CALL);
                two.awaitFramesDecoded(FRAMES, CALL);

                try (BrowserPeer third = BrowserPeer.open("third-joiner-page", link)) {
                    third.awaitState("room-full", CALL);
                    String status = (String) third.execute("return document.getElementById('status').textContent;");
                    assertEquals("This room is full", status);
                }

                try (AppProcess app = AppProcess.start("third-joiner-app",
                        "--fake-media", "--server", server.uri().toString(), "--room", room)) {
                    JsonObject error = app.await("error", json -> json.has("code")
                            && "room-full".equals(json.get("code").getAsString()), CALL);
                    assertTrue(error.get("message").getAsString().contains(room),
                            "the message names the room: " + error);
                    int exit = app.waitForExit(Duration.ofSeconds(20));
                    assertNotEquals(0, exit, "a refused join is a failure for scripts");
                    assertEquals(0, AppEventsSoFar.of(app, "joined").size(), "the app never got into the room");
                    appStdoutJunk = app.nonEventLines();
                }

                long before = one.stats().framesDecoded();
                one.awaitFramesDecoded(before + FRAMES, CALL);
                assertEquals("connected", one.state(), "the two in the room never noticed");
                assertEquals("connected", two.state());
            }
        }
        assertEquals(List.of(), appStdoutJunk, "the refused app's stdout carries only JSON event lines, up to its exit");
    }
}
