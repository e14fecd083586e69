package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.signaling.IceServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServerMainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private CommandLine commandLine(ServerMain main) {
        return new CommandLine(main).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
    }

    @Test
    void withoutOptionsItListensOnAllInterfacesOnPort3000() {
        ServerMain main = new ServerMain();
        commandLine(main).parseArgs();
        ServerConfig config = main.config();
        assertEquals("0.0.0.0", config.host());
        assertEquals(3000, config.port());
    }

    @Test
    void portHostAndIceServersComeFromTheOptions() {
        ServerMain main = new ServerMain();
        commandLine(main).parseArgs("--port", "8080", "--host", "127.0.0.1",
                "--ice-server", "stun:stun.example.org:3478", "--ice-server", "stun:stun2.example.org");
        ServerConfig config = main.config();
        assertEquals(8080, config.port());
        assertEquals("127.0.0.1", config.host());
        assertEquals(List.of(IceServer.stun("stun:stun.example.org:3478"), IceServer.stun("stun:stun2.example.org")),
                config.iceServers());
    }

    @Test
    void roomsHoldFourUnlessRoomSizeSaysOtherwiseFromTwoToEight() {
        ServerMain defaults = new ServerMain();
        commandLine(defaults).parseArgs();
        assertEquals(4, defaults.config().roomSize());
        ServerMain two = new ServerMain();
        commandLine(two).parseArgs("--room-size", "2");
        assertEquals(2, two.config().roomSize());
        ServerMain eight = new ServerMain();
        commandLine(eight).parseArgs("--room-size", "8");
        assertEquals(8, eight.config().roomSize());

        assertEquals(CommandLine.ExitCode.USAGE, commandLine(new ServerMain()).execute("--room-size", "9"));
        assertTrue(err.toString().contains("roomSize must be 2..8, was 9"), err.toString());
        assertEquals(CommandLine.ExitCode.USAGE, commandLine(new ServerMain()).execute("--room-size", "1"));
    }

    @Test
    void helpDescribesTheOptionsAndSucceeds() {
        int exit = commandLine(new ServerMain()).execute("--help");
        assertEquals(0, exit);
        assertTrue(out.toString().contains("--port"), out.toString());
        assertTrue(out.toString().contains("--host"), out.toString());
    }

    @Test
    void aNodeBehindALoadBalancerIsNamedAndMayHoldMoreConnectionsPerAddress() {
        ServerMain main = new ServerMain();
        commandLine(main).parseArgs("--node-name", "node2", "--connections-per-address", "500");
        ServerConfig config = main.config();
        assertEquals("node2", config.nodeName());
        assertEquals(500, config.maxConnectionsPerAddress());
    }

    @Test
    void drainingDefaultsToTwoSecondsNoticeWithinThirtySeconds() {
        ServerMain main = new ServerMain();
        commandLine(main).parseArgs();
        assertEquals(java.time.Duration.ofSeconds(2), main.drainNotice);
        assertEquals(java.time.Duration.ofSeconds(30), main.drainTimeout);
        assertEquals(null, main.config().nodeName());
    }

    @Test
    void aDrainNoticeLongerThanTheDrainTimeoutIsAUsageError() {
        int exit = commandLine(new ServerMain()).execute("--drain-notice", "10s", "--drain-timeout", "5s");
        assertEquals(CommandLine.ExitCode.USAGE, exit);
        assertTrue(err.toString().contains("--drain-notice PT10S is longer than --drain-timeout PT5S"), err.toString());
    }

    @Test
    void aNodeNameThatCannotBeAHeaderValueIsAUsageError() {
        int exit = commandLine(new ServerMain()).execute("--node-name", "node 1");
        assertEquals(CommandLine.ExitCode.USAGE, exit);
        assertTrue(err.toString().contains("node name must be"), err.toString());
    }

    @Test
    void anImpossiblePortIsAUsageErrorNotAStackTrace() {
        int exit = commandLine(new ServerMain()).execute("--port", "70000");
        assertEquals(CommandLine.ExitCode.USAGE, exit);
        assertTrue(err.toString().contains("port must be 0..65535"), err.toString());
    }

    @Test
    void anIceServerThatIsNotAStunOrTurnUrlIsAUsageError() {
        int exit = commandLine(new ServerMain()).execute("--ice-server", "http://example.org");
        assertEquals(CommandLine.ExitCode.USAGE, exit);
        assertTrue(err.toString().contains("--ice-server"), err.toString());
    }

    @Test
    void aPortThatIsTakenIsReportedAndExitsWithFailure() throws Exception {
        try (SignalingServer occupant = SignalingServer.start(ServerTestSupport.testConfig().build())) {
            int exit = commandLine(new ServerMain())
                    .execute("--host", "127.0.0.1", "--port", String.valueOf(occupant.port()));
            assertEquals(1, exit);
            assertTrue(err.toString().contains("cannot listen on 127.0.0.1:" + occupant.port()), err.toString());
        }
    }

    @Test
    void aKeystoreAndItsPasswordFileMakeATlsServer(@TempDir Path dir) throws Exception {
        SelfSignedCertificate made = SelfSignedCertificate.loadOrCreate(dir, List.of());
        Path passwordFile = dir.resolve("password.txt");
        Files.writeString(passwordFile, made.keystore().password() + "\n");
        ServerMain main = new ServerMain();
        commandLine(main).parseArgs("--tls-keystore", made.keystore().path().toString(),
                "--tls-password-file", passwordFile.toString());

        ServerConfig config = main.config();

        assertEquals(made.keystore(), config.tls());
    }

    @Test
    void aKeystoreWithoutAPasswordFileIsAUsageError(@TempDir Path dir) {
        int exit = commandLine(new ServerMain()).execute("--tls-keystore", dir.resolve("server.p12").toString());
        assertEquals(CommandLine.ExitCode.USAGE, exit);
        assertTrue(err.toString().contains("--tls-password-file"), err.toString());
    }

    @Test
    void selfSignedAndAKeystoreCannotBothBeGiven(@TempDir Path dir) {
        int exit = commandLine(new ServerMain()).execute("--self-signed", dir.toString(),
                "--tls-keystore", "a.p12", "--tls-password-file", "pw");
        assertEquals(CommandLine.ExitCode.USAGE, exit);
        assertTrue(err.toString().contains("mutually exclusive"), err.toString());
    }

    @Test
    void selfSignedServesHttpsAndPrintsTheFingerprintToCompare(@TempDir Path dir) throws Exception {
        ServerMain main = new ServerMain();
        commandLine(main).parseArgs("--host", "127.0.0.1", "--port", "0", "--self-signed", dir.toString());

        try (SignalingServer server = main.start()) {
            String fingerprint = SelfSignedCertificate.loadOrCreate(dir, List.of()).sha256Fingerprint();
            assertEquals("https", server.httpUri().getScheme());
            assertEquals("wss", server.uri().getScheme());
            assertTrue(out.toString().contains("SHA-256: " + fingerprint), out.toString());
            assertTrue(out.toString().contains("page:      https://127.0.0.1:" + server.port() + "/"), out.toString());
        }
    }

    @Test
    void allowedOriginsAndTheJoinLimitComeFromTheOptions() {
        ServerMain main = new ServerMain();
        commandLine(main).parseArgs("--allow-origin", "https://call.example.org", "--allow-origin", "*",
                "--join-limit", "30/60");
        ServerConfig config = main.config();
        assertEquals(List.of("https://call.example.org", "*"), config.allowedOrigins());
        assertEquals(30, config.joinsPerAddress());
        assertEquals(Duration.ofSeconds(60), config.joinWindow());
    }

    @Test
    void byDefaultOnlyTheServersOwnPagesAndTenJoinsPerTenSeconds() {
        ServerMain main = new ServerMain();
        commandLine(main).parseArgs();
        ServerConfig config = main.config();
        assertEquals(List.of(), config.allowedOrigins());
        assertEquals(10, config.joinsPerAddress());
        assertEquals(Duration.ofSeconds(10), config.joinWindow());
        assertEquals(null, config.tls());
    }

    @Test
    void aMalformedJoinLimitOrOriginIsAUsageError() {
        assertEquals(CommandLine.ExitCode.USAGE, commandLine(new ServerMain()).execute("--join-limit", "lots"));
        assertTrue(err.toString().contains("--join-limit"), err.toString());
        assertEquals(CommandLine.ExitCode.USAGE, commandLine(new ServerMain()).execute("--allow-origin", "example.org"));
        assertTrue(err.toString().contains("allowed origin"), err.toString());
    }
}
