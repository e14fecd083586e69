package dev.roomcall.app.ui.crash;

import dev.roomcall.app.support.CrashHandler;
import javafx.application.Preloader;
import javafx.stage.Stage;

/**
 * Catches a failure in the window's start method while the toolkit is still running. JavaFX
 * reports such failures only to a preloader, and shuts the toolkit down right after; once
 * {@code Application.launch} has thrown, no dialog can be shown any more. Shows nothing itself:
 * the app's own window appears quickly enough to need no splash screen.
 */
public final class StartFailurePreloader extends Preloader {

    private static volatile CrashHandler handler;

    /** Makes the next {@code Application.launch} in this process use this preloader. */
    static void install(CrashHandler crashHandler) {
        handler = crashHandler;
        System.setProperty("javafx.preloader", StartFailurePreloader.class.getName());
    }

    @Override
    public void start(Stage stage) {
        // Nothing to show; the primary stage belongs to the app.
    }

    @Override
    public boolean handleErrorNotification(ErrorNotification info) {
        CrashHandler current = handler;
        if (current == null) {
            return false;
        }
        Throwable cause = info.getCause() != null ? info.getCause() : new IllegalStateException(info.getDetails());
        current.startupFailed(cause);
        return true;
    }
}
