package dev.roomcall.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.roomcall.server.ServerConfig;
import dev.roomcall.server.SignalingServer;
import dev.roomcall.server.TurnCredentials;
import dev.roomcall.signaling.IceServer;
import dev.roomcall.signaling.RoomCode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Relay-only calls through a real TURN server: Debian's coturn with a shared secret ({@code use-auth-secret}), the
 * packaged app and Chromium on Roomcall's page, relay-only by their own switches ({@code --relay-only},
 * {@code ?ice=relay}) or by the server's policy. Relay-only sides
 * gather nothing but relay candidates, so the call connects through coturn or not at all; both must decode the
 * other's media, and both must name {@code relay} as their side of the pair in use.
 */
class RelayOnlyCallIT {

    private static final Duration CALL = Duration.ofSeconds(60);
    private static final long FRAMES = 30;

    private static Coturn coturn;

    @BeforeAll
    static void startCoturn() throws Exception {
        coturn = Coturn.start("relay-only-coturn");
    }

    @AfterAll
    static void stopCoturn() throws InterruptedException {
        if (coturn != null) {
            coturn.close();
        }
    }

    @Test
    void theServerAnnouncesTurnAndBothRelayOnlySidesTalkThroughIt() throws Exception {
        String room = RoomCode.newRoomName();
        // The server makes fresh credentials for every join from the secret it shares with coturn.
        ServerConfig config = ServerConfig.builder().host("127.0.0.1").port(0)
                .turn(new TurnCredentials(List.of(coturn.url()), coturn.secret(), Duration.ofHours(1))).build();
        try (SignalingServer server = SignalingServer.start(config);
             BrowserPeer browser = BrowserPeer.open("relay-only-browser", server.httpUri() + "?ice=relay#" + room)) {
            browser.awaitState("waiting", CALL);
            try (AppProcess app = AppProcess.start("relay-only-app",
                    "--fake-media", "--relay-only", "--server", server.uri().toString(), "--room", room)) {
                assertRelayedBothWays(app, browser);
                assertEquals(List.of(), app.nonEventLines(), "stdout carries only JSON event lines");
            }
        }
    }

    @Test
    void turnGivenOnTheCommandLineIsUsedByTheAppAndAnnouncedByItsBuiltInServer() throws Exception {
        IceServer turn = coturn.restCredentials(Duration.ofHours(1));
        try (AppProcess app = AppProcess.start("relay-only-cli-app", "--fake-media", "--host", "0", "--relay-only",
                "--ice-server", turn.urls().get(0), "--ice-username", turn.username(),
                "--ice-credential", turn.credential())) {
            String page = app.await("server-started", CALL).get("url").getAsString();
            String room = app.await("room", CALL).get("room").getAsString();
            app.await("joined", CALL);
            // The page learns TURN only from the app's server: nothing about it is in this link.
            try (BrowserPeer browser = BrowserPeer.open("relay-only-cli-browser", page + "?ice=relay#" + room)) {
                app.await("peer-joined", CALL);
                assertRelayedBothWays(app, browser);
            }
        }
    }

    @Test
    void aRelayOnlyDeploymentRelaysCallsWhoseClientsAskedForNothing() throws Exception {
        String room = RoomCode.newRoomName();
        ServerConfig config = ServerConfig.builder().host("127.0.0.1").port(0)
                .turn(new TurnCredentials(List.of(coturn.url()), coturn.secret(), Duration.ofHours(1)))
                .relayOnly(true)
                .build();
        try (SignalingServer server = SignalingServer.start(config);
             BrowserPeer browser = BrowserPeer.open("relay-policy-browser", server.httpUri() + "#" + room)) {
            browser.awaitState("waiting", CALL);
            try (AppProcess app = AppProcess.start("relay-policy-app",
                    "--fake-media", "--server", server.uri().toString(), "--room", room)) {
                assertRelayedBothWays(app, browser);
            }
        }
    }

    private static void assertRelayedBothWays(AppProcess app, BrowserPeer browser) throws Exception {
        app.await("connected", CALL);
        JsonObject stats = app.await("stats", json -> json.get("framesDecoded").getAsLong() >= FRAMES
                && json.get("audioBytesReceived").getAsLong() > 0 && json.has("candidatePair"), CALL);
        JsonObject pair = stats.getAsJsonObject("candidatePair");
        assertEquals("relay", pair.getAsJsonObject("local").get("type").getAsString(), "the app's pair: " + pair);
        assertEquals(coturn.address(), pair.getAsJsonObject("local").get("address").getAsString(),
                "the app's relay address is coturn's: " + pair);
        assertEquals("relay", pair.getAsJsonObject("remote").get("type").getAsString(),
                "the page is relay-only too, so all it offers the app is a relay: " + pair);
        assertEquals("relay", stats.get("candidateType").getAsString());

        BrowserStats seen = browser.awaitFramesDecoded(FRAMES, CALL);
        assertTrue(seen.width() > 0 && seen.audioBytesReceived() > 0, "the browser gets the app's media: " + seen);
        Object browserPair = browser.execute("return window.roomcall.stats().then(s => s.candidatePair);");
        assertTrue(browserPair instanceof Map<?, ?>, "the page names its selected pair: " + browserPair);
        Map<?, ?> local = (Map<?, ?>) ((Map<?, ?>) browserPair).get("local");
        Map<?, ?> remote = (Map<?, ?>) ((Map<?, ?>) browserPair).get("remote");
        assertEquals("relay", local.get("type"), "the browser's pair: " + browserPair);
        assertEquals("relay", remote.get("type"), "the browser's pair: " + browserPair);
        assertTrue(coturn.allocations() >= 2, "both sides allocated a relay on coturn:\n" + coturn.tail());
    }
}
