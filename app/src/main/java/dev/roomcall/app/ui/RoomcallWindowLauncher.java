package dev.roomcall.app.ui;

import dev.roomcall.app.cli.CommandLine;
import javafx.application.Application;

/** Hands the parsed options to the JavaFX application, which the toolkit instantiates itself. */
public final class RoomcallWindowLauncher {

    private static volatile CommandLine options;

    private RoomcallWindowLauncher() {}

    public static int launch(CommandLine commandLine) {
        options = commandLine;
        Application.launch(RoomcallApp.class);
        return 0;
    }

    static CommandLine options() {
        return options;
    }
}
