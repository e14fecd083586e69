package dev.roomcall.app.ui.call;

import dev.roomcall.app.presentation.CallStatus;
import dev.roomcall.app.presentation.CallViewModel;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/**
 * The quiet strip at the top left: network quality, the room code, a button to copy the browser link and the
 * verification code of the encryption.
 */
final class RoomBar extends HBox {

    private final QualityIcon quality = new QualityIcon();
    private final VerificationBadge verification;

    RoomBar(CallViewModel model, String browserLink) {
        super(10);
        getStyleClass().add("room-bar");
        setAlignment(Pos.CENTER_LEFT);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        StackPane.setAlignment(this, Pos.TOP_LEFT);

        Label room = new Label(model.room());
        room.getStyleClass().add("call-room-code");
        room.setTooltip(new Tooltip(CallStatus.text("tooltip.room")));
        room.setAccessibleText(CallStatus.text("a11y.room", model.room()));
        Button copy = new Button(null, Icons.of(16, Icons.COPY));
        copy.getStyleClass().add("flat-button");
        copy.setAccessibleText(CallStatus.text("button.copyLink"));
        copy.setAccessibleHelp(CallStatus.text("tooltip.copyLink"));
        copy.setTooltip(new Tooltip(CallStatus.text("tooltip.copyLink") + "\n" + browserLink));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(browserLink);
            Clipboard.getSystemClipboard().setContent(content);
        });
        verification = new VerificationBadge(model);
        getChildren().addAll(quality, room, copy, verification);
        model.quality().observe(quality::show);
    }

    VerificationBadge verification() {
        return verification;
    }
}
