package dev.roomcall.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.media.screen.ShareSettings;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * {@code --share} on the command line: a request that is neither form is refused like any bad option, and a window
 * that is not there ends a headless run with an error event and exit code 2 before anything connects.
 */
class ShareCommandLineTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void helpNamesTheShareOption() {
        assertEquals(0, run("--help"));
        String usage = out.toString(StandardCharsets.UTF_8);
        assertTrue(usage.contains("--share") && usage.contains("window:TEXT"), usage);
    }

    @Test
    void somethingThatIsNeitherScreenNorWindowIsRefused() {
        assertEquals(2, run("--headless", "--share", "desktop"));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("'desktop' is not something to share; use screen or window:TEXT"), message);
    }

    @Test
    void aWindowThatIsNotOpenIsAnErrorEventAndExitCodeTwoBeforeConnecting() {
        // Whether or not this machine has an X display, no window carries this title.
        assertEquals(2, run("--headless", "--fake-media", "--host", "0", "--share", "window:no-such-window-5d1f"));
        String events = out.toString(StandardCharsets.UTF_8);
        assertTrue(events.startsWith("{\"event\":\"error\",\"code\":\"share-unavailable\",\"message\":\""), events);
        assertTrue(events.contains("no-such-window-5d1f"), events);
        assertTrue(events.contains("{\"event\":\"ended\",\"reason\":\"start-failed\"}"), events);
        assertTrue(!events.contains("server-started") && !events.contains("signaling-open"),
                "nothing started or connected: " + events);
    }

    @Test
    void theFrameRateGivenReplacesTheSettingsOnlyAndOnlyWhenGiven() {
        ShareSettings fromSettings = new ShareSettings(2560, 1440, 10, 4_000_000);
        LaunchOptions with = Main.launchOptions(parse("--share", "screen", "--share-fps", "15"));
        LaunchOptions without = Main.launchOptions(parse("--share", "screen"));

        assertEquals(new ShareSettings(2560, 1440, 15, 4_000_000), with.shareSettings(fromSettings),
                "headless and in the window: the runtime configures every call's share with this");
        assertEquals(fromSettings, without.shareSettings(fromSettings));
    }

    private static dev.roomcall.app.cli.CommandLine parse(String... args) {
        dev.roomcall.app.cli.CommandLine options = new dev.roomcall.app.cli.CommandLine();
        new picocli.CommandLine(options).parseArgs(args);
        return options;
    }

    @Test
    void aFrameRateOutsideFiveToFifteenIsRefused() {
        assertEquals(2, run("--headless", "--share", "screen", "--share-fps", "30"));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("--share-fps must be 5 to 15, not 30"), message);
    }
}
