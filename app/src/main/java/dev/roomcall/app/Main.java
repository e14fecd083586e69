package dev.roomcall.app;

import dev.roomcall.app.cli.CommandLine;
import dev.roomcall.app.headless.HeadlessRun;
import dev.roomcall.app.support.CrashGuard;
import dev.roomcall.app.support.LaunchMode;
import dev.roomcall.app.support.LogSetup;
import dev.roomcall.app.support.ProcessExit;
import dev.roomcall.app.ui.ToolkitStart;
import dev.roomcall.app.ui.crash.CrashDialog;
import java.io.PrintStream;

/**
 * Entry point. Deliberately not a JavaFX {@code Application}: from a plain jar the JavaFX launcher
 * refuses to start an Application main class, and headless mode must never touch the toolkit.
 */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        LaunchMode mode = LaunchMode.of(args);
        if (mode == LaunchMode.WINDOW) {
            // First, so that the toolkit starts on the other core while the command line, log and settings are read.
            ToolkitStart.begin();
        }
        // Before anything creates a logger: the window logs to the OS's log directory, not a console.
        var logFile = LogSetup.install(mode);
        NativeLibraryCache.useUsersCache();
        int code = CrashGuard.run(mode, logFile, CrashDialog::new, () -> run(args, System.out, System.err));
        ProcessExit.now(code);
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        CommandLine options = new CommandLine();
        picocli.CommandLine parser = new picocli.CommandLine(options);
        try {
            parser.parseArgs(args);
        } catch (picocli.CommandLine.ParameterException e) {
            err.println("roomcall: " + e.getMessage());
            err.println("Try 'roomcall --help'.");
            return 2;
        }
        if (parser.isUsageHelpRequested()) {
            parser.usage(out);
            return 0;
        }
        if (parser.isVersionHelpRequested()) {
            parser.printVersionHelp(out);
            return 0;
        }
        LaunchOptions launch;
        try {
            launch = launchOptions(options);
        } catch (IllegalArgumentException e) {
            err.println("roomcall: " + e.getMessage());
            err.println("Try 'roomcall --help'.");
            return 2;
        }
        if (options.headless()) {
            return new HeadlessRun(launch, out).call();
        }
        return dev.roomcall.app.ui.RoomcallWindowLauncher.launch(launch);
    }

    /** What the parsed command line asks for, in the app's own terms. */
    public static LaunchOptions launchOptions(CommandLine options) {
        return new LaunchOptions(options.room(), options.server(), options.hostPort(), options::iceServers,
                options.relayOnly(), options.fakeMedia(), options.role(), options.exitAfterSeconds(), options.name(),
                options.share(), options.shareFps());
    }
}
