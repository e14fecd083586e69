package dev.roomcall.app.support;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * Turns a crash in the window into a log entry and, when {@link CrashPolicy} says so, a dialog with
 * the message and the log's path: an app started from a desktop menu has no console, so without
 * this a failure looks like the window silently vanished.
 */
public final class CrashHandler implements Thread.UncaughtExceptionHandler {

    private final CrashPolicy policy;
    private final CrashReporter reporter;
    private final Optional<Path> logFile;
    private final PrintStream console;

    public CrashHandler(CrashPolicy policy, CrashReporter reporter, Optional<Path> logFile, PrintStream console) {
        this.policy = policy;
        this.reporter = reporter;
        this.logFile = logFile;
        this.console = console;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable error) {
        handle(thread.getName(), error, false);
    }

    /** The window could not start (its start method or the toolkit failed). */
    public void startupFailed(Throwable error) {
        handle("start-up", error, true);
    }

    /** Whether a fatal failure was reported; the launch should then exit non-zero. */
    public boolean quitting() {
        return policy.quitting();
    }

    private void handle(String where, Throwable error, boolean duringStartup) {
        CrashPolicy.Response response = policy.decide(error, duringStartup);
        // The logger is looked up here, not in a field: this class must not create one before LogSetup ran.
        LoggerFactory.getLogger(CrashHandler.class)
                .error("event=crash where={} response={}", where, response, error);
        if (response == CrashPolicy.Response.LOG_ONLY) {
            return;
        }
        CrashReport report = CrashReport.of(error, logFile, response == CrashPolicy.Response.SHOW_AND_QUIT);
        console.println(report.asText());
        Runnable closed = () -> {
            policy.dialogClosed();
            // A failed start ends by itself once the toolkit returns; a running window must be told.
            if (report.quits() && !duringStartup) {
                reporter.quit();
            }
        };
        boolean shown;
        try {
            shown = reporter.show(report, closed);
        } catch (RuntimeException | LinkageError e) {
            LoggerFactory.getLogger(CrashHandler.class).error("event=crash-dialog-failed", e);
            shown = false;
        }
        if (!shown) {
            closed.run();
        }
    }
}
