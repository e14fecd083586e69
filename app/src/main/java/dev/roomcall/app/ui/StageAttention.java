package dev.roomcall.app.ui;

import dev.roomcall.app.notify.PresenceAlerts;
import javafx.application.Platform;
import javafx.stage.Stage;

/** The window as arrival alerts see it: whether it has the focus, and raising it (from any thread). */
final class StageAttention implements PresenceAlerts.Window {

    private final Stage stage;

    StageAttention(Stage stage) {
        this.stage = stage;
    }

    @Override
    public boolean focused() {
        return stage.isFocused();
    }

    @Override
    public void bringForward() {
        Platform.runLater(() -> {
            // Desktops that refuse to steal focus flash the taskbar entry instead.
            stage.setIconified(false);
            stage.toFront();
            stage.requestFocus();
        });
    }
}
