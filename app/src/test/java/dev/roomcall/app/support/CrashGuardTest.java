package dev.roomcall.app.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The launch's exit code tells whether the window failed, and console launches are left alone. */
class CrashGuardTest {

    private final RecordingReporter reporter = new RecordingReporter();
    private final PrintStream console = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    private Thread.UncaughtExceptionHandler before;

    @BeforeEach
    void remember() {
        before = Thread.getDefaultUncaughtExceptionHandler();
    }

    @AfterEach
    void restore() {
        Thread.setDefaultUncaughtExceptionHandler(before);
    }

    @Test
    void aConsoleLaunchNeitherMakesAReporterNorInstallsAHandler() {
        AtomicBoolean made = new AtomicBoolean();
        int code = CrashGuard.run(LaunchMode.CONSOLE, Optional.empty(), () -> {
            made.set(true);
            return reporter;
        }, () -> 7, console);
        assertEquals(7, code);
        assertFalse(made.get(), "console launches never load the toolkit's dialog");
        assertSame(before, Thread.getDefaultUncaughtExceptionHandler());
    }

    @Test
    void aWindowLaunchHandlesUncaughtExceptionsAndPreparesForStartFailures() {
        int code = CrashGuard.run(LaunchMode.WINDOW, Optional.empty(), () -> reporter, () -> {
            Thread.getDefaultUncaughtExceptionHandler().uncaughtException(Thread.currentThread(), new IllegalStateException("x"));
            return 0;
        }, console);
        assertEquals(0, code, "a dialog the person dismissed does not make the launch fail");
        assertNotNull(reporter.prepared);
        assertEquals(1, reporter.shown.size());
    }

    @Test
    void aLaunchThatThrowsIsReportedAndExitsNonZero() {
        int code = CrashGuard.run(LaunchMode.WINDOW, Optional.empty(), () -> reporter, () -> {
            throw new UnsupportedOperationException("Unable to open DISPLAY");
        }, console);
        assertEquals(1, code);
        assertTrue(reporter.shown.get(0).quits());
    }

    @Test
    void aStartFailureReportedDuringTheLaunchExitsNonZero() {
        int code = CrashGuard.run(LaunchMode.WINDOW, Optional.empty(), () -> reporter, () -> {
            reporter.prepared.startupFailed(new IllegalStateException("start failed"));
            return 0;
        }, console);
        assertEquals(1, code);
    }
}
