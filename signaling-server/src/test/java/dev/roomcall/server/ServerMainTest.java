package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.signaling.IceServer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
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
                "--ice-server", "stun:stun.example.org:3478", "--ice-server", "turn:turn.example.org");
        ServerConfig config = main.config();
        assertEquals(8080, config.port());
        assertEquals("127.0.0.1", config.host());
        assertEquals(List.of(IceServer.stun("stun:stun.example.org:3478"), IceServer.stun("turn:turn.example.org")),
                config.iceServers());
    }

    @Test
    void helpDescribesTheOptionsAndSucceeds() {
        int exit = commandLine(new ServerMain()).execute("--help");
        assertEquals(0, exit);
        assertTrue(out.toString().contains("--port"), out.toString());
        assertTrue(out.toString().contains("--host"), out.toString());
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
        try (SignalingServer occupant = SignalingServer.start(ServerTestSupport.testConfig())) {
            int exit = commandLine(new ServerMain())
                    .execute("--host", "127.0.0.1", "--port", String.valueOf(occupant.port()));
            assertEquals(1, exit);
            assertTrue(err.toString().contains("cannot listen on 127.0.0.1:" + occupant.port()), err.toString());
        }
    }
}
