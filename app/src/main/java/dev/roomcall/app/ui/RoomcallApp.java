package dev.roomcall.app.ui;

import dev.roomcall.app.CallRuntime;
import dev.roomcall.app.cli.CommandLine;
import dev.roomcall.app.settings.SettingsStore;
import javafx.application.Application;
import javafx.stage.Stage;

/** The JavaFX application: a {@link Shell} with the person's settings and this launch's command line. */
public final class RoomcallApp extends Application {

    private Shell shell;

    @Override
    public void start(Stage stage) {
        CommandLine options = RoomcallWindowLauncher.options();
        shell = new Shell(stage, SettingsStore.forUser(),
                settings -> CallRuntime.start(options, settings, CallRuntime.OWN_ENGINE),
                options.room() != null, Shell.Services.platform());
        shell.show();
    }

    @Override
    public void stop() {
        if (shell != null) {
            shell.close();
        }
    }
}
