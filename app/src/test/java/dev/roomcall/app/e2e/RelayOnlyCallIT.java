package dev.roomcall.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.roomcall.signaling.RoomCode;
import dev.roomcall.testkit.ChromiumOptions;
import dev.roomcall.testkit.Coturn;
import dev.roomcall.testkit.LabProcess;
import dev.roomcall.testkit.NetworkLab;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Relay-only calls through a real TURN server: Debian's coturn with a shared secret ({@code use-auth-secret}), the
 * packaged app and Chromium on Roomcall's page, relay-only by their own switches ({@code --relay-only},
 * {@code ?ice=relay}) or by the server's policy. Relay-only sides gather nothing but relay candidates, so the call
 * connects through coturn or not at all; both must decode the other's media, and both must name {@code relay} as
 * their side of the pair in use.
 *
 * <p>libwebrtc gathers nothing on loopback, so coturn needs a non-loopback address: all of this runs on the lab's
 * internet host ({@link NetworkLab#INTERNET}), one machine as before, with coturn on that host's address and the
 * signalling on its loopback; no packet touches the real network of the machine running the build.
 */
class RelayOnlyCallIT {

    private static final Duration CALL = Duration.ofSeconds(60);
    private static final long FRAMES = 30;

    private static NetworkLab lab;
    private static Coturn coturn;

    @BeforeAll
    static void startCoturn() throws Exception {
        lab = NetworkLab.shared();
        coturn = Coturn.start(Coturn.Setup.on("relay-only-coturn", NetworkLab.INTERNET_ADDRESS, E2eDirs.logs())
                .launchedBy(lab.in(NetworkLab.INTERNET), 3479));
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
        try (LabProcess server = serverWithTurn("relay-only-server", 3101);
             BrowserPeer browser = browser("relay-only-browser", "http://127.0.0.1:3101/?ice=relay#" + room)) {
            browser.awaitState("waiting", CALL);
            try (AppProcess app = app("relay-only-app",
                    "--fake-media", "--relay-only", "--server", "ws://127.0.0.1:3101/", "--room", room)) {
                assertRelayedBothWays(app, browser);
                assertEquals(List.of(), app.nonEventLines(), "stdout carries only JSON event lines");
            }
        }
    }

    @Test
    void turnGivenOnTheCommandLineIsUsedByTheAppAndAnnouncedByItsBuiltInServer() throws Exception {
        Coturn.Credentials turn = coturn.restCredentials(Duration.ofHours(1));
        try (AppProcess app = app("relay-only-cli-app", "--fake-media", "--host", "0", "--relay-only",
                "--ice-server", coturn.url(), "--ice-username", turn.username(),
                "--ice-credential", turn.credential())) {
            String page = app.await("server-started", CALL).get("url").getAsString();
            String room = app.await("room", CALL).get("room").getAsString();
            app.await("joined", CALL);
            // The page learns TURN only from the app's server: nothing about it is in this link.
            try (BrowserPeer browser = browser("relay-only-cli-browser", page + "?ice=relay#" + room)) {
                app.await("peer-joined", CALL);
                assertRelayedBothWays(app, browser);
            }
        }
    }

    @Test
    void aRelayOnlyDeploymentRelaysCallsWhoseClientsAskedForNothing() throws Exception {
        String room = RoomCode.newRoomName();
        try (LabProcess server = serverWithTurn("relay-policy-server", 3102, "--relay-only");
             BrowserPeer browser = browser("relay-policy-browser", "http://127.0.0.1:3102/#" + room)) {
            browser.awaitState("waiting", CALL);
            try (AppProcess app = app("relay-policy-app",
                    "--fake-media", "--server", "ws://127.0.0.1:3102/", "--room", room)) {
                assertRelayedBothWays(app, browser);
            }
        }
    }

    /** The standalone server on the internet host's loopback, handing out credentials for coturn. */
    private static LabProcess serverWithTurn(String name, int port, String... more) throws Exception {
        List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", Integer.toString(port),
                "--turn-url", coturn.url(),
                "--turn-secret-file", ServerProcess.secretFile(coturn, name).toAbsolutePath().toString()));
        args.addAll(List.of(more));
        return ServerProcess.start(lab.in(NetworkLab.INTERNET), name, args.toArray(String[]::new));
    }

    private static BrowserPeer browser(String name, String url) {
        return BrowserPeer.open(name, url, ChromiumOptions.defaults().launchedBy(lab.in(NetworkLab.INTERNET)));
    }

    private static AppProcess app(String name, String... args) throws Exception {
        return AppProcess.startWithPrefix(lab.in(NetworkLab.INTERNET), name, args);
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
