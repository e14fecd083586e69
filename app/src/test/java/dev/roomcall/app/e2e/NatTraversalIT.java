package dev.roomcall.app.e2e;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.roomcall.testkit.Chromium;
import dev.roomcall.testkit.ChromiumOptions;
import dev.roomcall.testkit.Coturn;
import dev.roomcall.testkit.LabProcess;
import dev.roomcall.testkit.NetworkLab;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Calls between two homes behind NAT routers (see {@link NetworkLab}): the app in one, headless Chromium in the
 * other, the standalone Roomcall server and Debian's coturn on the internet between them. The server hands both
 * sides a STUN server and per-join TURN credentials made from the secret it shares with coturn; nothing is
 * configured on either client.
 */
class NatTraversalIT {
    private static final String SERVER = "ws://" + NetworkLab.INTERNET_ADDRESS + ":3000/";
    private static final String PAGE = "http://" + NetworkLab.INTERNET_ADDRESS + ":3000";

    private static NetworkLab lab;
    private static Coturn turn;
    private static LabProcess server;

    @BeforeAll
    static void buildTheNetwork() throws Exception {
        lab = NetworkLab.shared();
        turn = Coturn.start(Coturn.Setup.on("nat-coturn", NetworkLab.INTERNET_ADDRESS, E2eDirs.logs())
                .launchedBy(lab.in(NetworkLab.INTERNET), 3478));
        server = ServerProcess.start(lab.in(NetworkLab.INTERNET), "nat-server",
                "--host", NetworkLab.INTERNET_ADDRESS, "--port", "3000",
                "--ice-server", "stun:" + NetworkLab.INTERNET_ADDRESS + ":" + turn.port(),
                "--turn-url", turn.url(),
                "--turn-secret-file", ServerProcess.secretFile(turn, "nat").toAbsolutePath().toString());
    }

    @AfterAll
    static void tearDown() throws InterruptedException {
        if (server != null) {
            server.close();
        }
        if (turn != null) {
            turn.close();
        }
    }

    @Test
    void aCallBetweenTwoHomesBehindNatConnectsThroughWhatTheServerHandsOut() throws Exception {
        String room = "nat-" + Long.toString(System.nanoTime(), 36);
        try (LabProcess browser = browserInHomeB(room, "nat-chromium");
             AppProcess app = AppProcess.startWithPrefix(lab.in(NetworkLab.HOME_A), "nat-app",
                     "--fake-media", "--server", SERVER, "--room", room)) {
            app.await("connected", Duration.ofSeconds(60));
            app.await("first-remote-video", Duration.ofSeconds(30));
            // Not just a first frame: video keeps arriving through both routers (two seconds' worth and more).
            JsonObject stats = app.await("stats", json -> hasSelectedPair(json)
                    && json.get("framesDecoded").getAsLong() > 60, Duration.ofSeconds(30));

            JsonObject pair = stats.getAsJsonObject("candidatePair");
            String local = pair.getAsJsonObject("local").get("type").getAsString();
            String remoteAddress = pair.getAsJsonObject("remote").get("address").getAsString();
            assertTrue(List.of("srflx", "prflx", "relay").contains(local),
                    "host candidates cannot cross two NATs; the pair in use was " + pair);
            assertNotEquals(NetworkLab.HOME_B_ADDRESS, remoteAddress, "home B's private address is unreachable: " + pair);
            assertTrue(app.nonEventLines().isEmpty(), app.nonEventLines().toString());
        }
    }

    @Test
    void whenHomeAsUplinkDiesForAWhileTheCallRestartsIceAndComesBack() throws Exception {
        String room = "cut-" + Long.toString(System.nanoTime(), 36);
        try (LabProcess browser = browserInHomeB(room, "cut-chromium");
             AppProcess app = AppProcess.startWithPrefix(lab.in(NetworkLab.HOME_A), "cut-app",
                     "--fake-media", "--server", SERVER, "--room", room)) {
            app.await("connected", Duration.ofSeconds(60));
            app.await("first-remote-video", Duration.ofSeconds(30));

            lab.cutUplink(NetworkLab.ROUTER_A);
            Set<JsonObject> connectedBefore;
            Set<JsonObject> statsBefore;
            try {
                app.await("disconnected", Duration.ofSeconds(30));
                app.await("ice-restart", Duration.ofSeconds(20));
                // The outage outlasts the first restart: its offer waits in the signalling connection meanwhile.
                Thread.sleep(4_000);
            } finally {
                // Taken while the uplink is still cut: the call can come back within the moment restoring takes.
                connectedBefore = AppEventsSoFar.of(app, "connected");
                statsBefore = AppEventsSoFar.of(app, "stats");
                lab.restoreUplink(NetworkLab.ROUTER_A);
            }
            long framesAtRestore = statsBefore.stream().mapToLong(json -> json.get("framesDecoded").getAsLong())
                    .max().orElse(0);

            app.await("connected", json -> !connectedBefore.contains(json), Duration.ofSeconds(90));
            app.await("stats", json -> !statsBefore.contains(json)
                    && json.get("framesDecoded").getAsLong() > framesAtRestore + 30, Duration.ofSeconds(30));
            assertTrue(app.nonEventLines().isEmpty(), app.nonEventLines().toString());
        }
    }

    private LabProcess browserInHomeB(String room, String name) throws IOException {
        Path profile = Files.createTempDirectory("roomcall-nat-chromium");
        ChromiumOptions options = ChromiumOptions.defaults()
                // Plain http on a non-local address is not a secure origin, and only secure origins get a camera.
                .withExtraArguments("--unsafely-treat-insecure-origin-as-secure=" + PAGE)
                .launchedBy(lab.in(NetworkLab.HOME_B));
        return LabProcess.start(name, Chromium.commandLine(options, profile, PAGE + "/#" + room), E2eDirs.logs());
    }

    private static boolean hasSelectedPair(JsonObject stats) {
        return stats.has("candidatePair") && stats.get("candidatePair").isJsonObject()
                && stats.getAsJsonObject("candidatePair").has("local")
                && !stats.getAsJsonObject("candidatePair").getAsJsonObject("local").get("type").getAsString().isEmpty()
                && stats.get("framesDecoded").getAsLong() > 0;
    }
}
