package dev.roomcall.app.e2e;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
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
    private static LabProcess turn;
    private static LabProcess server;

    @BeforeAll
    static void buildTheNetwork() throws Exception {
        lab = NetworkLab.build();
        Path dir = Files.createDirectories(Path.of("target", "nat-lab"));
        byte[] secretBytes = new byte[24];
        new SecureRandom().nextBytes(secretBytes);
        String secret = HexFormat.of().formatHex(secretBytes);
        Path secretFile = dir.resolve("turn-secret");
        Files.writeString(secretFile, secret + "\n", StandardCharsets.UTF_8);

        turn = LabProcess.start("nat-coturn", lab.in("inet", "turnserver", "-n",
                "--listening-ip=" + NetworkLab.INTERNET_ADDRESS, "--relay-ip=" + NetworkLab.INTERNET_ADDRESS,
                "--listening-port=3478", "--min-port=49152", "--max-port=49999",
                "--use-auth-secret", "--static-auth-secret=" + secret, "--realm=roomcall.test",
                "--no-cli", "--no-tls", "--no-dtls", "--fingerprint",
                "--pidfile=" + dir.toAbsolutePath().resolve("turnserver.pid"),
                "--userdb=" + dir.toAbsolutePath().resolve("turndb"),
                "--log-file=stdout", "--simple-log"));
        turn.awaitOutput(Pattern.compile("relay " + Pattern.quote(NetworkLab.INTERNET_ADDRESS) + " initialization done"),
                Duration.ofSeconds(20));

        Path serverJar = Path.of(System.getProperty("roomcall.server.jar", "../signaling-server/target/roomcall-server.jar"));
        assertTrue(Files.isRegularFile(serverJar), "no server jar at " + serverJar.toAbsolutePath() + ": run 'mvn verify'");
        server = LabProcess.start("nat-server", lab.in("inet", javaBinary(), "-jar", serverJar.toAbsolutePath().toString(),
                "--host", NetworkLab.INTERNET_ADDRESS, "--port", "3000",
                "--ice-server", "stun:" + NetworkLab.INTERNET_ADDRESS + ":3478",
                "--turn-url", "turn:" + NetworkLab.INTERNET_ADDRESS + ":3478?transport=udp",
                "--turn-secret-file", secretFile.toAbsolutePath().toString()));
        server.awaitOutput(Pattern.compile("listening on"), Duration.ofSeconds(30));
    }

    @AfterAll
    static void tearDown() throws InterruptedException {
        if (server != null) {
            server.close();
        }
        if (turn != null) {
            turn.close();
        }
        if (lab != null) {
            lab.close();
        }
    }

    @Test
    void aCallBetweenTwoHomesBehindNatConnectsThroughWhatTheServerHandsOut() throws Exception {
        String room = "nat-" + Long.toString(System.nanoTime(), 36);
        try (LabProcess browser = browserInHomeB(room, "nat-chromium");
             AppProcess app = AppProcess.startWithPrefix(lab.in("a"), "nat-app",
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
             AppProcess app = AppProcess.startWithPrefix(lab.in("a"), "cut-app",
                     "--fake-media", "--server", SERVER, "--room", room)) {
            app.await("connected", Duration.ofSeconds(60));
            app.await("first-remote-video", Duration.ofSeconds(30));

            lab.cutUplink("ra");
            try {
                app.await("disconnected", Duration.ofSeconds(30));
                app.await("ice-restart", Duration.ofSeconds(20));
                // The outage outlasts the first restart: its offer waits in the signalling connection meanwhile.
                Thread.sleep(4_000);
            } finally {
                lab.restoreUplink("ra");
            }
            Set<JsonObject> connectedBefore = AppEventsSoFar.of(app, "connected");
            Set<JsonObject> statsBefore = AppEventsSoFar.of(app, "stats");
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
        List<String> command = new ArrayList<>(List.of(
                System.getProperty("chromium.binary", "/usr/bin/chromium"),
                "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--mute-audio",
                "--use-fake-ui-for-media-stream", "--use-fake-device-for-media-stream",
                // Plain http on a non-local address is not a secure origin, and only secure origins get a camera.
                "--unsafely-treat-insecure-origin-as-secure=" + PAGE,
                "--user-data-dir=" + profile,
                PAGE + "/#" + room));
        return LabProcess.start(name, lab.in("b", command.toArray(String[]::new)));
    }

    private static boolean hasSelectedPair(JsonObject stats) {
        return stats.has("candidatePair") && stats.get("candidatePair").isJsonObject()
                && stats.getAsJsonObject("candidatePair").has("local")
                && !stats.getAsJsonObject("candidatePair").getAsJsonObject("local").get("type").getAsString().isEmpty()
                && stats.get("framesDecoded").getAsLong() > 0;
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
