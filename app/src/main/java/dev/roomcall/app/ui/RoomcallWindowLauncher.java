package dev.roomcall.app.ui;

import dev.roomcall.app.LaunchOptions;
import javafx.application.Application;

/** Hands the parsed options to the JavaFX application, which the toolkit instantiates itself. */
public final class RoomcallWindowLauncher {

    private static volatile LaunchOptions options;

    private RoomcallWindowLauncher() {}

    public static int launch(LaunchOptions launch) {
        options = launch;
        Application.launch(RoomcallApp.class);
        return 0;
    }

    static LaunchOptions options() {
        return options;
    }
}
