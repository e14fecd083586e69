package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.server.sfu.SfuSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** The standalone server's Janus options: where large rooms go, from which size, and what is refused. */
class ServerMainSfuOptionsTest {

    @TempDir
    Path dir;

    private final StringWriter err = new StringWriter();

    private CommandLine commandLine(ServerMain main) {
        return new CommandLine(main).setOut(new PrintWriter(new StringWriter())).setErr(new PrintWriter(err));
    }

    private ServerConfig configFrom(String... args) {
        ServerMain main = new ServerMain();
        commandLine(main).parseArgs(args);
        return main.config();
    }

    @Test
    void withoutJanusEveryRoomIsAMesh() {
        assertNull(configFrom().sfu());
    }

    @Test
    void janusWithAKeyFileMovesRoomsPastTheMeshSizeByDefault() throws IOException {
        Path key = Files.writeString(dir.resolve("videoroom.key"), "  s3cret-admin-key \nignored\n");

        SfuSettings sfu = configFrom("--room-size", "3", "--janus", "ws://127.0.0.1:8188", "--janus-public-url",
                "wss://sfu.example.org/janus", "--janus-admin-key-file", key.toString()).sfu();

        assertEquals(URI.create("ws://127.0.0.1:8188"), sfu.janus());
        assertEquals(URI.create("wss://sfu.example.org/janus"), sfu.publicUrl());
        assertEquals("s3cret-admin-key", sfu.adminKey());
        assertEquals(3, sfu.sfuFrom(), "rooms move once they outgrow the mesh");
        assertEquals(SfuSettings.DEFAULT_ROOM_SIZE, sfu.roomSize());
        assertEquals(2 * SfuSettings.DEFAULT_ROOM_SIZE, sfu.publishers(), "room on Janus for everyone's camera and screen");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            --sfu-from without --janus  | --sfu-from=0                                    | need --janus
            not a WebSocket address     | --janus=http://127.0.0.1:8188                   | ws:// or wss://
            sfu-from at the room size   | --janus=ws://j:8188,--sfu-room-size=6,--sfu-from=6 | --sfu-from must be 0..5
            an SFU room of one          | --janus=ws://j:8188,--sfu-room-size=1,--sfu-from=0 | 2..50
            a missing key file          | --janus=ws://j:8188,--janus-admin-key-file=/nonexistent/key | cannot read --janus-admin-key-file
            """)
    void nonsenseIsAUsageErrorThatSaysWhy(String what, String args, String why) {
        int exit = commandLine(new ServerMain()).execute(args.split(","));
        assertEquals(CommandLine.ExitCode.USAGE, exit, what + ": " + err);
        assertTrue(err.toString().contains(why), what + ": " + err);
    }
}
