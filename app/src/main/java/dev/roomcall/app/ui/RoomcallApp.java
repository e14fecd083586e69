package dev.roomcall.app.ui;

import dev.roomcall.app.LaunchOptions;
import dev.roomcall.media.screen.PlatformScreenSources;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/** The JavaFX application: a {@link Shell} with the person's settings and this launch's command line. */
public final class RoomcallApp extends Application {

    /** How long a logout or kill waits for the bye and the settings to go out. */
    private static final long SIGNAL_GRACE_SECONDS = 3;

    private final Thread onSignal = new Thread(this::closeFromSignal, "roomcall-window-shutdown");
    private volatile Shell shell;

    @Override
    public void start(Stage stage) {
        LaunchOptions options = RoomcallWindowLauncher.options();
        // --share applies to the call in the command line's room, as in a headless run.
        if (options.share() != null && options.room() == null) {
            org.slf4j.LoggerFactory.getLogger(RoomcallApp.class)
                    .warn("event=share-ignored reason=\"--share in the window needs --room\"");
        }
        LaunchShare share = options.share() == null || options.room() == null ? LaunchShare.NONE
                : new LaunchShare(options.share(), () -> PlatformScreenSources.forThisMachine().list());
        shell = new Shell(stage, RoomcallWindowLauncher.store(), RoomcallWindowLauncher.earlyRuntime(),
                options.room() != null, Shell.Services.platform(), share);
        shell.show();
        Runtime.getRuntime().addShutdownHook(onSignal);
    }

    @Override
    public void stop() {
        shell.close();
        try {
            Runtime.getRuntime().removeShutdownHook(onSignal);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or about to: it finds the shell closed
        }
    }

    /**
     * SIGTERM (logout, {@code kill}): the window never hears of it, so end the call and save the placement here,
     * on the FX thread, as closing the window would.
     */
    private void closeFromSignal() {
        CountDownLatch closed = new CountDownLatch(1);
        try {
            Platform.runLater(() -> {
                try {
                    shell.close();
                } finally {
                    closed.countDown();
                }
            });
            closed.await(SIGNAL_GRACE_SECONDS, TimeUnit.SECONDS);
        } catch (IllegalStateException toolkitGone) {
            // the toolkit has already shut down, and with it the window
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
