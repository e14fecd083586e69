package dev.roomcall.app.ui;

import dev.roomcall.app.CallRuntime;
import dev.roomcall.app.LaunchOptions;
import dev.roomcall.app.StartException;
import dev.roomcall.app.settings.SettingsStore;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javafx.application.Application;

/**
 * Hands the parsed options to the JavaFX application, which the toolkit instantiates itself, and starts the call
 * runtime (server, engine) at once, beside the toolkit's own start ({@link ToolkitStart}), so that it is ready about
 * when the window is.
 */
public final class RoomcallWindowLauncher {

    private static volatile LaunchOptions options;
    private static volatile SettingsStore store;
    private static volatile CompletableFuture<CallRuntime> runtime;

    private RoomcallWindowLauncher() {}

    /** A runtime start that knows its options and settings already. */
    interface Start {
        CallRuntime start() throws StartException;
    }

    public static int launch(LaunchOptions launch) {
        options = launch;
        store = SettingsStore.forUser();
        runtime = startEarly(() -> CallRuntime.begin(launch, store::settings, CallRuntime.OWN_ENGINE));
        // Begun by Main; a toolkit that could not start fails the launch here, before anything is handed to it.
        ToolkitStart.awaitRunning();
        Application.launch(RoomcallApp.class);
        return 0;
    }

    /** Starts the runtime on a daemon thread of its own (a hung start must never keep the process alive). */
    static CompletableFuture<CallRuntime> startEarly(Start starter) {
        CompletableFuture<CallRuntime> started = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                started.complete(starter.start());
            } catch (StartException | RuntimeException e) {
                started.completeExceptionally(e);
            } catch (Error e) {
                // The window must not wait for ever; the crash handler still hears of it.
                started.completeExceptionally(e);
                throw e;
            }
        }, "roomcall-runtime-start");
        thread.setDaemon(true);
        thread.start();
        return started;
    }

    /** The runtime started early, for the window's {@link Shell}: waits for it, failing as it failed. */
    static Shell.RuntimeStarter earlyRuntime() {
        return waitingFor(runtime);
    }

    static Shell.RuntimeStarter waitingFor(CompletableFuture<CallRuntime> started) {
        return settings -> {
            try {
                return started.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof StartException start) {
                    throw start;
                }
                throw e;
            }
        };
    }

    static LaunchOptions options() {
        return options;
    }

    static SettingsStore store() {
        return store;
    }
}
