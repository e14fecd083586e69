package dev.roomcall.app.headless;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.app.call.CallEvent;
import dev.roomcall.app.call.ShareCounters;
import dev.roomcall.media.stats.CallStats;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The headless lines of screen sharing, which scripts and the sharing tests read. */
class ShareEventLinesTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final JsonLinesReporter reporter = new JsonLinesReporter(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void shareStartedNamesTheSourceItsKindAndTheSizeSent() {
        reporter.onEvent(new CallEvent.ShareStarted("Screen 1", false, 1920, 1080));
        reporter.onEvent(new CallEvent.ShareStarted("Notes \"draft\"", true, 640, 480));
        assertEquals("{\"event\":\"share-started\",\"source\":\"Screen 1\",\"kind\":\"screen\",\"width\":1920,\"height\":1080}\n"
                + "{\"event\":\"share-started\",\"source\":\"Notes \\\"draft\\\"\",\"kind\":\"window\",\"width\":640,"
                + "\"height\":480}\n", output());
    }

    @Test
    void shareStoppedSaysWhy() {
        reporter.onEvent(new CallEvent.ShareStopped("The shared window \"x\" was closed."));
        assertEquals("{\"event\":\"share-stopped\",\"reason\":\"The shared window \\\"x\\\" was closed.\"}\n", output());
    }

    @Test
    void remoteSharesStartWithTheirSizeAndStop() {
        reporter.onEvent(new CallEvent.RemoteShareStarted(1280, 720));
        reporter.onEvent(new CallEvent.RemoteShareStopped());
        assertEquals("{\"event\":\"remote-share-started\",\"peer\":\"other\",\"width\":1280,\"height\":720}\n"
                + "{\"event\":\"remote-share-stopped\",\"peer\":\"other\"}\n", output());
    }

    @Test
    void statsCarryTheRunningCallsShareCounters() {
        reporter.shareCounters(() -> new ShareCounters(42, 7));
        reporter.onEvent(new CallEvent.Stats(CallStats.EMPTY));
        assertTrue(output().endsWith(",\"screenFramesSent\":42,\"remoteScreenFramesDecoded\":7}\n"), output());
    }

    @Test
    void statsSayZeroWhenNothingIsShared() {
        reporter.onEvent(new CallEvent.Stats(CallStats.EMPTY));
        assertTrue(output().endsWith(",\"screenFramesSent\":0,\"remoteScreenFramesDecoded\":0}\n"), output());
    }
}
