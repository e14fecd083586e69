package dev.roomcall.app.ui.call;

import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.util.Duration;

/**
 * A short line at the top of a group call saying who came or went ("Bo joined the call"), for a few seconds: the
 * chime says something happened, this says what. Screen readers hear the same through the {@link Announcer}.
 */
final class PresenceNotice extends Label {

    static final Duration SHOWN = Duration.seconds(4);

    private final PauseTransition timer = new PauseTransition(SHOWN);

    PresenceNotice() {
        getStyleClass().add("presence-notice");
        setMouseTransparent(true);
        setFocusTraversable(false);
        setVisible(false);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        StackPane.setAlignment(this, Pos.TOP_CENTER);
        StackPane.setMargin(this, new Insets(16, 16, 0, 16));
        timer.setOnFinished(e -> setVisible(false));
    }

    /** Shows {@code text}; a newer line replaces an older one and gets its own few seconds. */
    void show(String text) {
        setText(text);
        setVisible(true);
        timer.playFromStart();
    }
}
