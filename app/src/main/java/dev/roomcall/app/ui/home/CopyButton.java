package dev.roomcall.app.ui.home;

import java.util.function.Supplier;
import javafx.animation.PauseTransition;
import javafx.scene.control.Button;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.util.Duration;

/** A button that puts text on the clipboard and says "Copied" for a moment, so the person knows it worked. */
final class CopyButton extends Button {

    private static final Duration CONFIRMATION = Duration.seconds(1.6);

    CopyButton(String label, String copiedLabel, String tooltip, Supplier<String> text) {
        super(label);
        setTooltip(new Tooltip(tooltip));
        getStyleClass().add("copy-button");
        PauseTransition reset = new PauseTransition(CONFIRMATION);
        reset.setOnFinished(e -> {
            setText(label);
            getStyleClass().remove("copied");
        });
        setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(text.get());
            Clipboard.getSystemClipboard().setContent(content);
            setText(copiedLabel);
            if (!getStyleClass().contains("copied")) {
                getStyleClass().add("copied");
            }
            reset.playFromStart();
        });
    }
}
