package dev.roomcall.app.ui.call;

import dev.roomcall.app.presentation.CallViewModel;
import javafx.scene.control.Label;

/** A line over the picture while this side's own media has a problem the person can act on (their microphone). */
final class MediaNotice extends Label {

    MediaNotice(CallViewModel model) {
        getStyleClass().add("media-notice");
        setWrapText(true);
        setMaxWidth(560);
        setMouseTransparent(true);
        setGraphic(Icons.off(16, Icons.MICROPHONE));
        model.mediaNotice().observe(text -> {
            setText(text);
            setVisible(!text.isEmpty());
            setManaged(!text.isEmpty());
        });
    }
}
