package dev.roomcall.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonObject;
import dev.roomcall.server.ServerConfig;
import dev.roomcall.server.SignalingServer;
import dev.roomcall.signaling.RoomCode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The other direction: Roomcall's page shares a screen (a second video track, as getDisplayMedia's would be) and
 * the headless app announces it, decodes it beside the camera, and hears when it ends; the call goes on.
 */
class PageSharesToAppIT {

    private static final Duration CALL = Duration.ofSeconds(60);

    @Test
    void theAppDecodesThePagesScreenBesideItsCameraUntilThePageStops() throws Exception {
        String room = RoomCode.newRoomName();
        try (SignalingServer server = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0).build());
                BrowserPeer page = ScreenTrackProbe.open("page-shares-page", server.httpUri() + "#" + room)) {
            page.awaitState("waiting", CALL);
            try (AppProcess app = AppProcess.start("page-shares-app",
                    "--fake-media", "--server", server.uri().toString(), "--room", room)) {
                RoomcallServerCallIT.assertBothSidesDecode(app, page);
                JsonObject before = app.await("stats", CALL);
                assertEquals(0, before.get("remoteScreenFramesDecoded").getAsLong(), "nothing shared yet: " + before);

                PageScreen.start(page, 1280, 720);
                JsonObject started = app.await("remote-share-started", CALL);
                assertEquals(1280, started.get("width").getAsInt(), started.toString());
                assertEquals(720, started.get("height").getAsInt(), started.toString());
                JsonObject some = app.await("stats", json -> json.get("remoteScreenFramesDecoded").getAsLong() > 10, CALL);
                long decoded = some.get("remoteScreenFramesDecoded").getAsLong();
                long camera = some.get("framesDecoded").getAsLong();
                app.await("stats", json -> json.get("remoteScreenFramesDecoded").getAsLong() > decoded + 10
                        && json.get("framesDecoded").getAsLong() > camera + 10, CALL);

                PageScreen.stop(page);
                app.await("remote-share-stopped", CALL);
                long cameraAfter = app.await("stats", CALL).get("framesDecoded").getAsLong();
                app.await("stats", json -> json.get("framesDecoded").getAsLong() > cameraAfter + 20, CALL);
                assertEquals(0, app.terminate(Duration.ofSeconds(15)));
                assertEquals(List.of(), app.nonEventLines(), "stdout carries only JSON event lines");
            }
        }
    }
}
