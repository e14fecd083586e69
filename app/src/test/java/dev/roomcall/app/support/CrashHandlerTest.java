package dev.roomcall.app.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A crash in the window becomes a dialog naming the log file, or at least a console line. */
class CrashHandlerTest {

    private static final Optional<Path> LOG = Optional.of(Path.of("/home/ana/.local/state/roomcall/logs/roomcall-1.log"));

    private final RecordingReporter reporter = new RecordingReporter();
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final CrashHandler handler =
            new CrashHandler(new CrashPolicy(), reporter, LOG, new PrintStream(console, true, StandardCharsets.UTF_8));

    @Test
    void anUncaughtExceptionShowsItsMessageAndTheLogPath() {
        handler.uncaughtException(new Thread("JavaFX Application Thread"), new IllegalStateException("camera went away"));

        CrashReport report = reporter.shown.get(0);
        assertEquals("IllegalStateException: camera went away", report.summary());
        assertEquals(LOG, report.logFile());
        assertFalse(report.quits());
        assertTrue(report.details().contains("camera went away"), "the stack trace is there for the curious");
        assertTrue(console.toString(StandardCharsets.UTF_8).contains(LOG.get().toString()));
    }

    @Test
    void aFailedStartNamesTheRootCauseAndQuits() {
        handler.startupFailed(new RuntimeException("Exception in Application start method",
                new NullPointerException("stylesheet missing")));

        CrashReport report = reporter.shown.get(0);
        assertEquals("NullPointerException: stylesheet missing", report.summary());
        assertTrue(report.quits());
        assertTrue(handler.quitting());
        reporter.dismiss();
        assertEquals(0, reporter.quits, "a failed start ends by itself when the toolkit returns");
    }

    @Test
    void aFatalFailureWhileRunningEndsTheAppWhenTheDialogIsDismissed() {
        handler.uncaughtException(new Thread("webrtc"), new OutOfMemoryError("Java heap space"));
        assertEquals(0, reporter.quits, "the person reads the dialog first");
        reporter.dismiss();
        assertEquals(1, reporter.quits);
    }

    @Test
    void aSecondFailureWhileTheFirstDialogIsOpenIsOnlyLogged() {
        handler.uncaughtException(new Thread("a"), new IllegalStateException("one"));
        handler.uncaughtException(new Thread("b"), new IllegalArgumentException("two"));
        assertEquals(1, reporter.shown.size());
        reporter.dismiss();
        handler.uncaughtException(new Thread("c"), new UnsupportedOperationException("three"));
        assertEquals(2, reporter.shown.size());
    }

    @Test
    void withoutAToolkitTheReportGoesToTheConsoleAndTheNextFailureStillGetsOne() {
        reporter.toolkitRunning = false;
        handler.uncaughtException(new Thread("a"), new IllegalStateException("no display"));
        String text = console.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("IllegalStateException: no display"), text);
        assertTrue(text.contains(LOG.get().toString()), text);

        reporter.toolkitRunning = true;
        handler.uncaughtException(new Thread("b"), new IllegalArgumentException("later"));
        assertEquals(1, reporter.shown.size(), "the unshown dialog does not count as open");
    }

    @Test
    void aReporterThatFailsItselfDoesNotHideTheCrash() {
        reporter.showFails = new IllegalStateException("dialog broke");
        CrashHandler withBrokenDialogs = new CrashHandler(new CrashPolicy(), reporter, Optional.empty(),
                new PrintStream(console, true, StandardCharsets.UTF_8));
        withBrokenDialogs.uncaughtException(new Thread("a"), new IllegalStateException("original"));
        assertTrue(console.toString(StandardCharsets.UTF_8).contains("original"));
    }
}
