package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.signaling.IceServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The standalone server's STUN/TURN options: static servers with credentials, a shared-secret relay, relay-only. */
class ServerMainIceOptionsTest {

    private static final String SECRET = "5f0c1d2e3a4b5c6d7e8f90a1b2c3d4e5";

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private CommandLine commandLine(ServerMain main) {
        return new CommandLine(main).setOut(new PrintWriter(out)).setErr(new PrintWriter(err));
    }

    private ServerConfig configFrom(String... args) {
        ServerMain main = new ServerMain();
        commandLine(main).parseArgs(args);
        return main.config();
    }

    /** Runs the command as {@code main} would and expects a usage error (exit 2) that says {@code why}. */
    private void assertUsageError(String why, String... args) {
        int exit = commandLine(new ServerMain()).execute(args);
        assertEquals(CommandLine.ExitCode.USAGE, exit, err.toString());
        assertTrue(err.toString().contains(why), err.toString());
    }

    private Path file(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content);
        return file;
    }

    @Test
    void eachIceServerTakesTheCredentialsThatFollowIt() throws IOException {
        Path credentialFile = file("turn-password", "from-a-file\n");

        ServerConfig config = configFrom(
                "--ice-server", "stun:stun.example.org:3478",
                "--ice-server", "turn:a.example.org:3478", "--ice-username", "alice", "--ice-credential", "on-the-line",
                "--ice-server", "turns:b.example.org:5349", "--ice-username", "bob", "--ice-credential-file", credentialFile.toString());

        assertEquals(List.of(IceServer.stun("stun:stun.example.org:3478"),
                new IceServer(List.of("turn:a.example.org:3478"), "alice", "on-the-line"),
                new IceServer(List.of("turns:b.example.org:5349"), "bob", "from-a-file")), config.iceServers());
    }

    @Test
    void aTurnServerWithoutCredentialsIsRefusedBecauseBrowsersWouldRefuseTheWholeList() {
        assertUsageError("a TURN server needs --ice-username", "--ice-server", "turn:turn.example.org");
    }

    @Test
    void theServerRefusesWhatTheAppRefusesInTheSameWords() throws IOException {
        assertUsageError("--ice-server 'stuns:stun.example.org:5349': stuns: (STUN over TLS) is not supported",
                "--ice-server", "stuns:stun.example.org:5349");
        assertUsageError("--ice-server 'stun:stun.example.org?transport=udp': needs a host and a port",
                "--ice-server", "stun:stun.example.org?transport=udp");
        assertUsageError("TURN URL 'turn:ann@turn.example.org' needs a host and a port", "--turn-url",
                "turn:ann@turn.example.org", "--turn-secret-file", file("turn-secret", SECRET).toString());
    }

    @Test
    void aUsernameWithoutACredentialIsAUsageError() {
        assertUsageError("give both --ice-username and --ice-credential",
                "--ice-server", "turn:turn.example.org", "--ice-username", "alice");
    }

    @Test
    void aCredentialGivenTwoWaysIsAUsageError() throws IOException {
        Path credentialFile = file("turn-password", "x\n");
        // picocli reads the second credential as the start of another --ice-server group, which lacks its URL.
        assertUsageError("Missing required argument(s): --ice-server", "--ice-server", "turn:turn.example.org", "--ice-username", "alice",
                "--ice-credential", "y", "--ice-credential-file", credentialFile.toString());
    }

    @Test
    void aSharedSecretRelayTakesItsUrlsTheSecretFileAndALifetime() throws IOException {
        Path secretFile = file("turn-secret", SECRET + "\n");

        ServerConfig config = configFrom("--turn-url", "turn:turn.example.org:3478?transport=udp",
                "--turn-url", "turns:turn.example.org:5349?transport=tcp",
                "--turn-secret-file", secretFile.toString(), "--turn-ttl", "30m");

        assertEquals(new TurnCredentials(List.of("turn:turn.example.org:3478?transport=udp",
                "turns:turn.example.org:5349?transport=tcp"), SECRET, Duration.ofMinutes(30)), config.turn());
        assertFalse(config.relayOnly());
    }

    @Test
    void credentialsLastTwelveHoursUnlessToldOtherwise() throws IOException {
        Path secretFile = file("turnserver.conf", "use-auth-secret\nstatic-auth-secret=" + SECRET + "\n");

        ServerConfig config = configFrom("--turn-url", "turn:turn.example.org", "--turn-secret-file", secretFile.toString());

        assertEquals(Duration.ofHours(12), config.turn().ttl());
        assertEquals(SECRET, config.turn().secret(), "coturn's own configuration file works as the secret file");
        assertEquals(Duration.ofDays(1), configFrom("--turn-url", "turn:t", "--turn-secret-file", secretFile.toString(),
                "--turn-ttl", "1d").turn().ttl());
        assertEquals(Duration.ofMinutes(90), configFrom("--turn-url", "turn:t", "--turn-secret-file", secretFile.toString(),
                "--turn-ttl", "PT1H30M").turn().ttl());
    }

    @Test
    void withoutTurnOptionsThereIsNoRelay() {
        assertNull(configFrom().turn());
    }

    @Test
    void aRelayNeedsBothItsUrlAndItsSecretFile() throws IOException {
        assertUsageError("--turn-secret-file", "--turn-url", "turn:turn.example.org");
        Path secretFile = file("turn-secret", SECRET);
        assertUsageError("--turn-url", "--turn-secret-file", secretFile.toString());
    }

    @Test
    void anUnreadableOrWeakSecretIsAUsageErrorThatNeverShowsTheSecret() throws IOException {
        assertUsageError("cannot read --turn-secret-file", "--turn-url", "turn:t",
                "--turn-secret-file", dir.resolve("missing").toString());

        String weak = "tooshort";
        assertUsageError("at least 16 characters", "--turn-url", "turn:t",
                "--turn-secret-file", file("weak", weak + "\n").toString());
        assertFalse(err.toString().contains(weak), err.toString());
    }

    @Test
    void aStunUrlIsNoRelayAndANonsenseLifetimeIsAUsageError() throws IOException {
        Path secretFile = file("turn-secret", SECRET);
        assertUsageError("turn: or turns:", "--turn-url", "stun:stun.example.org", "--turn-secret-file", secretFile.toString());
        assertUsageError("not a duration", "--turn-url", "turn:t", "--turn-secret-file", secretFile.toString(),
                "--turn-ttl", "soon");
        assertUsageError("at least 1 minute", "--turn-url", "turn:t", "--turn-secret-file", secretFile.toString(),
                "--turn-ttl", "10s");
    }

    @Test
    void relayOnlyIsAnnouncedWhenThereIsARelayToUse() throws IOException {
        Path secretFile = file("turn-secret", SECRET);

        assertTrue(configFrom("--relay-only", "--turn-url", "turn:t", "--turn-secret-file", secretFile.toString()).relayOnly());
        assertTrue(configFrom("--relay-only", "--ice-server", "turn:t", "--ice-username", "u", "--ice-credential", "c")
                .relayOnly());
    }

    @Test
    void relayOnlyWithoutAnyTurnServerIsAUsageErrorRatherThanCallsThatNeverConnect() {
        assertUsageError("--relay-only needs a TURN server", "--relay-only", "--ice-server", "stun:stun.example.org");
    }

    @Test
    void helpWarnsThatCommandLinesAreVisibleAndOffersFiles() {
        assertEquals(0, commandLine(new ServerMain()).execute("--help"));
        String help = out.toString().replaceAll("\\s+", " ");
        for (String option : List.of("--ice-username", "--ice-credential-file", "--turn-url", "--turn-secret-file",
                "--turn-ttl", "--relay-only")) {
            assertTrue(help.contains(option), option + " missing from:\n" + help);
        }
        assertTrue(help.contains("Other users of this machine can read a command line"), help);
    }

    @Test
    void printsOneSetOfCredentialsForCheckingTheRelayAndServesNothing() throws IOException {
        Path secretFile = file("turn-secret", SECRET);

        int exit = commandLine(new ServerMain()).execute("--port", "1", "--turn-url", "turn:turn.example.org:3478",
                "--turn-secret-file", secretFile.toString(), "--print-turn-credentials");

        assertEquals(0, exit, err.toString());
        List<String> lines = out.toString().lines().toList();
        assertEquals("urls: turn:turn.example.org:3478", lines.get(0));
        String username = lines.get(1).substring("username: ".length());
        assertEquals("credential: " + TurnCredentials.credential(SECRET, username), lines.get(2));
        assertTrue(lines.get(3).startsWith("valid until: "), lines.get(3));
        assertFalse(out.toString().contains(SECRET), out.toString());
        assertFalse(out.toString().contains("listening"), "it must not start serving:\n" + out);
    }

    @Test
    void printingCredentialsWithoutARelayIsAUsageError() {
        assertUsageError("--print-turn-credentials needs --turn-url", "--print-turn-credentials");
    }

    @Test
    void theStartupMessageNamesTheRelayAndPolicyButNotTheSecret() throws IOException {
        Path secretFile = file("turn-secret", SECRET);
        ServerMain main = new ServerMain();
        commandLine(main).parseArgs("--host", "127.0.0.1", "--port", "0", "--relay-only",
                "--turn-url", "turn:turn.example.org:3478", "--turn-secret-file", secretFile.toString());

        try (SignalingServer server = main.start()) {
            assertTrue(out.toString().contains("TURN relay: turn:turn.example.org:3478 (credentials per join, valid 12h)"),
                    out.toString());
            assertTrue(out.toString().contains("ICE policy: relay only"), out.toString());
            assertFalse(out.toString().contains(SECRET), out.toString());
            assertTrue(server.config().relayOnly());
        }
    }
}
