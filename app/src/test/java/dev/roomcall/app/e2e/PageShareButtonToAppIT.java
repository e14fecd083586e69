package dev.roomcall.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.roomcall.server.ServerConfig;
import dev.roomcall.server.SignalingServer;
import dev.roomcall.signaling.RoomCode;
import dev.roomcall.testkit.ChromiumOptions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The page's own Share screen button (getDisplayMedia; Chromium picks the whole screen by itself with
 * {@code --auto-select-desktop-capture-source}) shares to the headless app, which announces the share with its size,
 * decodes it beside the camera, and hears it stop when the button is pressed again.
 */
class PageShareButtonToAppIT {

    private static final Duration CALL = Duration.ofSeconds(60);
    private static final ChromiumOptions SHARING = ChromiumOptions.defaults().withWindowSize(800, 600)
            .withExtraArguments("--auto-select-desktop-capture-source=Entire screen");

    @Test
    void thePagesShareButtonSharesToTheAppWhichDecodesItUntilStopped() throws Exception {
        String room = RoomCode.newRoomName();
        try (SignalingServer server = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0).build());
                BrowserPeer page = BrowserPeer.open("page-button-shares-page", server.httpUri() + "#" + room, SHARING)) {
            page.awaitState("waiting", CALL);
            try (AppProcess app = AppProcess.start("page-button-shares-app",
                    "--fake-media", "--server", server.uri().toString(), "--room", room)) {
                RoomcallServerCallIT.assertBothSidesDecode(app, page);

                page.driver().findElement(By.id("toggle-share")).click();
                JsonObject started = app.await("remote-share-started", CALL);
                assertTrue(started.get("width").getAsInt() > 0 && started.get("height").getAsInt() > 0,
                        started.toString());
                long decoded = app.await("stats", json -> json.get("remoteScreenFramesDecoded").getAsLong() > 5, CALL)
                        .get("remoteScreenFramesDecoded").getAsLong();
                app.await("stats", json -> json.get("remoteScreenFramesDecoded").getAsLong() > decoded + 5, CALL);

                page.driver().findElement(By.id("toggle-share")).click();
                app.await("remote-share-stopped", CALL);
                long camera = app.await("stats", CALL).get("framesDecoded").getAsLong();
                app.await("stats", json -> json.get("framesDecoded").getAsLong() > camera + 20, CALL);
                assertEquals(0, app.terminate(Duration.ofSeconds(15)));
                assertEquals(List.of(), app.nonEventLines(), "stdout carries only JSON event lines");
            }
        }
    }
}
