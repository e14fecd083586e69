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
 * Fault: the signaling server dies in the middle of a call. Media is peer to peer, so the call must go on
 * without it; both sides must find their way back into the room when a server is there again (same port),
 * the call must go on after that, and a hang-up must still reach the other side through the new server.
 */
class SignalingOutageIT {

    private static final Duration CALL = Duration.ofSeconds(60);
    private static final long FRAMES = 30;
    /** libwebrtc calls a silent connection disconnected after about 5-10 s and failed 20-30 s after that. */
    private static final Duration ICE_FAILURE_WINDOW = Duration.ofSeconds(35);

    private static SignalingServer startServer(int port) throws Exception {
        return SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(port).roomSize(2).build());
    }

    @Test
    void theCallOutlivesTheServerBothSidesRejoinItWhenItReturnsAndAHangUpStillArrives() throws Exception {
        try (Outage outage = Outage.begin("outage")) {
            outage.serverComesBack();

            assertEquals(0, outage.app.terminate(Duration.ofSeconds(15)), "the app exits cleanly on SIGTERM");
            outage.page.awaitState("peer-left", Duration.ofSeconds(3));
            assertEquals(List.of(), outage.app.nonEventLines(), "stdout carries only JSON event lines");
        }
    }

    @Test
    void afterTheServerReturnsTheCallKeepsGoing() throws Exception {
        try (Outage outage = Outage.begin("outage-after")) {
            outage.serverComesBack();

            // Long enough for a call whose peer connection was replaced or abandoned to be declared dead by ICE.
            assertNoEventWithin(outage.app, "disconnected", ICE_FAILURE_WINDOW);
            long appFrames = latestFramesDecoded(outage.app);
            outage.app.await("stats", json -> json.get("framesDecoded").getAsLong() >= appFrames + FRAMES, CALL);
            outage.page.awaitFramesDecoded(outage.page.stats().framesDecoded() + FRAMES, CALL);
            assertEquals("connected", outage.page.state());
            assertEquals(0, AppEventsSoFar.of(outage.app, "error").size(), "no errors: " + AppEventsSoFar.of(outage.app, "error"));
        }
    }

    /**
     * A call between the packaged app and the page whose server has gone away: media checked to go on without
     * it, the app's {@code signaling-lost} seen. {@link #serverComesBack()} restarts a server on the same port
     * and waits until both sides are back in the room.
     */
    private static final class Outage implements AutoCloseable {
        final String room = RoomCode.newRoomName();
        final int port;
        final String link;
        final BrowserPeer page;
        final AppProcess app;
        final JsonObject firstJoin;
        final JsonObject firstOpen;
        SignalingServer server;

        private Outage(String name) throws Exception {
            server = startServer(0);
            port = server.port();
            link = server.httpUri() + "#" + room;
            page = BrowserPeer.open(name + "-page", link);
            page.awaitState("waiting", CALL);
            app = AppProcess.start(name + "-app", "--fake-media", "--server", server.uri().toString(), "--room", room);
            firstJoin = app.await("joined", CALL);
            firstOpen = app.await("signaling-open", CALL);
            RoomcallServerCallIT.assertBothSidesDecode(app, page);
        }

        static Outage begin(String name) throws Exception {
            Outage outage = new Outage(name);
            try {
                outage.serverGoesAway();
            } catch (Exception | AssertionError e) {
                outage.close();
                throw e;
            }
            return outage;
        }

        private void serverGoesAway() throws Exception {
            server.close();

            app.await("signaling-lost", CALL);
            page.awaitTrue("return !document.getElementById('signal-note').hidden;", CALL);
            long appFrames = latestFramesDecoded(app);
            app.await("stats", json -> json.get("framesDecoded").getAsLong() >= appFrames + FRAMES, CALL);
            page.awaitFramesDecoded(page.stats().framesDecoded() + FRAMES, CALL);
            assertEquals("connected", page.state(), "the page's call survives the outage");
            assertEquals(0, AppEventsSoFar.of(app, "peer-left").size(), "nobody left: only the server went away");
        }

        void serverComesBack() throws Exception {
            server = startServer(port);

            app.await("signaling-open", json -> json != firstOpen, CALL);
            JsonObject rejoined = app.await("joined", json -> json != firstJoin, CALL);
            assertEquals(room, rejoined.get("room").getAsString());
            try (BrowserPeer third = BrowserPeer.open(page.name() + "-third", link)) {
                // Only a room with both of them back in it is full.
                third.awaitState("room-full", CALL);
            }
        }

        @Override
        public void close() {
            try {
                app.close();
            } finally {
                try {
                    page.close();
                } finally {
                    server.close();
                }
            }
        }
    }

    /** The framesDecoded of the app's newest stats event. */
    private static long latestFramesDecoded(AppProcess app) throws InterruptedException {
        long latest = 0;
        for (JsonObject stats : AppEventsSoFar.of(app, "stats")) {
            latest = Math.max(latest, stats.get("framesDecoded").getAsLong());
        }
        assertTrue(latest > 0, "the app has reported decoded frames");
        return latest;
    }

    /** Watches the app's events for {@code window}: {@code event} must not be among them. */
    private static void assertNoEventWithin(AppProcess app, String event, Duration window) throws InterruptedException {
        long deadline = System.nanoTime() + window.toNanos();
        do {
            assertEquals(0, AppEventsSoFar.of(app, event).size(), () -> "the app reported '" + event + "'; log tail:\n" + app.logTail());
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
    }
}
