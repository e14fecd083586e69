package dev.roomcall.app.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;

/**
 * The JavaFX toolkit, started on a thread of its own as a window launch's first act. Its start (GTK, the graphics
 * pipeline, the application thread) is the longest step before the first window, and the command line, the log and
 * the settings that come before {@code Application.launch} leave the second core idle meanwhile. The launcher then
 * finds the toolkit running and only schedules the application on it.
 *
 * <p>Also the one place that knows whether the toolkit could start at all: after a failed start nothing may be
 * handed to it ({@code Platform.runLater} would wait for ever for a start that never comes).
 */
public final class ToolkitStart {

    private static final AtomicBoolean begun = new AtomicBoolean();
    private static final CompletableFuture<Void> running = new CompletableFuture<>();

    private ToolkitStart() {}

    /** Starts the toolkit in the background; once per process, later calls do nothing. */
    public static void begin() {
        if (begun.getAndSet(true)) {
            return;
        }
        Thread thread = new Thread(ToolkitStart::start, "roomcall-toolkit-start");
        // A display that never answers must not keep the process alive once main has given up.
        thread.setDaemon(true);
        thread.start();
    }

    private static void start() {
        try {
            // Completed on the application thread: the toolkit is then really serving, not only initialised.
            Platform.startup(() -> running.complete(null));
        } catch (RuntimeException | Error e) {
            running.completeExceptionally(e);
        }
    }

    /**
     * Waits until the toolkit that {@link #begin()} started is running, and fails as it failed (e.g. {@code
     * UnsupportedOperationException: Unable to open DISPLAY}). Returns at once when nothing was begun.
     */
    static void awaitRunning() {
        if (!begun.get()) {
            return;
        }
        try {
            running.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /**
     * Whether the toolkit can take work: waits for a start {@link #begin()} made (a crash while it is still starting
     * must not hand a dialog to a start that then fails), false if it failed. True when nothing was begun here: the
     * toolkit, if any, is someone else's (a test's).
     */
    public static boolean usable() {
        if (!begun.get()) {
            return true;
        }
        try {
            running.join();
            return true;
        } catch (CompletionException failed) {
            return false;
        }
    }
}
