package dev.roomcall.app.support;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

/** Runs a launch with crash handling: for the window, a handler for uncaught exceptions and failed starts. */
public final class CrashGuard {

    private CrashGuard() {}

    /**
     * @param reporter made only for window launches, so console launches never load the toolkit
     * @param launch   the launch itself; returns the exit code
     * @return the launch's exit code, or 1 when the window failed to start or ended on a fatal failure
     */
    public static int run(LaunchMode mode, Optional<Path> logFile, Supplier<? extends CrashReporter> reporter, IntSupplier launch) {
        return run(mode, logFile, reporter, launch, System.err);
    }

    static int run(LaunchMode mode, Optional<Path> logFile, Supplier<? extends CrashReporter> reporter, IntSupplier launch,
            PrintStream console) {
        if (mode == LaunchMode.CONSOLE) {
            return launch.getAsInt();
        }
        CrashReporter dialogs = reporter.get();
        CrashHandler handler = new CrashHandler(new CrashPolicy(), dialogs, logFile, console);
        Thread.setDefaultUncaughtExceptionHandler(handler);
        dialogs.prepare(handler);
        int code;
        try {
            code = launch.getAsInt();
        } catch (RuntimeException | Error e) {
            handler.startupFailed(e);
            return 1;
        }
        return handler.quitting() ? 1 : code;
    }
}
