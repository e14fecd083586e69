package dev.roomcall.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.app.call.CallOptions;
import dev.roomcall.app.call.Role;
import dev.roomcall.app.cli.CommandLine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The command line a person (or a script) types: help, and clear words for mistakes. */
class MainTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpListsEveryOption() {
        assertEquals(0, run("--help"));
        String usage = out.toString(StandardCharsets.UTF_8);
        for (String option : new String[] {"--server", "--room", "--role", "--fake-media", "--headless", "--exit-after", "--host", "--name", "--help"}) {
            assertTrue(usage.contains(option), "usage mentions " + option + ":\n" + usage);
        }
    }

    @Test
    void anUnknownRoleIsRefusedWithTheChoices() {
        assertEquals(2, run("--headless", "--role", "boss"));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("'boss' is not a role; use auto, caller or callee"), message);
    }

    @Test
    void theNameIsTheOneOthersSeeBoundedAsEveryNameIs() {
        CommandLine options = new CommandLine();
        new picocli.CommandLine(options).parseArgs("--name", "  Ann\u202E  ", "--fake-media");
        LaunchOptions launch = Main.launchOptions(options);
        assertEquals("  Ann\u202E  ", launch.name(), "the command line keeps what was typed");
        CallOptions call = new CallOptions(URI.create("ws://h/"),
                "abcd-efgh-jkmnp", Role.AUTO, List.of(), false, null, launch.name());
        assertEquals("Ann", call.displayName(), "the call says it trimmed, one line, without direction overrides");
        assertEquals(64, call.withDisplayName("x".repeat(100)).displayName().length());
        assertEquals("", new CallOptions(URI.create("ws://h/"), "abcd-efgh-jkmnp",
                Role.AUTO, List.of(), false, null).displayName(), "no name: none said");
    }

    @Test
    void anUnknownOptionIsRefused() {
        assertEquals(2, run("--frobnicate"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--frobnicate"));
    }

    @Test
    void aRoomThatIsNotARoomEndsHeadlessModeWithAnErrorEvent() {
        assertEquals(1, run("--headless", "--fake-media", "--room", "no spaces or / allowed!", "--host", "0"));
        String events = out.toString(StandardCharsets.UTF_8);
        assertTrue(events.startsWith("{\"event\":\"error\",\"code\":\"bad-room\""), events);
        assertTrue(events.contains("{\"event\":\"ended\",\"reason\":\"start-failed\"}"), events);
    }
}
