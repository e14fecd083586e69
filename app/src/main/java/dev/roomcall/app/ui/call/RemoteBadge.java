package dev.roomcall.app.ui.call;

import dev.roomcall.app.presentation.CallStatus;
import dev.roomcall.app.presentation.CallViewModel;
import dev.roomcall.app.presentation.RemoteAudio;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * What the other person's picture cannot say by itself: that they are muted or send no sound (top right of
 * their picture), and that their camera is off (in the middle, for browsers that send black instead of a slate).
 */
final class RemoteBadge extends StackPane {

    private final Label audio = new Label();
    private final Label cameraOff = new Label(CallStatus.text("remote.cameraOff"));

    RemoteBadge(CallViewModel model) {
        setPickOnBounds(false);
        audio.getStyleClass().add("remote-audio");
        audio.setGraphic(Icons.off(16, Icons.MICROPHONE));
        StackPane.setAlignment(audio, Pos.TOP_RIGHT);
        StackPane.setMargin(audio, new javafx.geometry.Insets(16, 16, 0, 0));
        cameraOff.getStyleClass().add("remote-camera-off");
        cameraOff.setGraphic(Icons.off(28, Icons.CAMERA));
        cameraOff.setContentDisplay(javafx.scene.control.ContentDisplay.TOP);
        VBox middle = new VBox(cameraOff);
        middle.setAlignment(Pos.CENTER);
        middle.setMouseTransparent(true);
        getChildren().addAll(middle, audio);

        model.remoteAudio().observe(state -> refresh(model));
        model.remoteVideo().observe(v -> refresh(model));
        model.remoteCameraOn().observe(v -> refresh(model));
    }

    private void refresh(CallViewModel model) {
        boolean picture = model.remoteVideo().get();
        RemoteAudio state = model.remoteAudio().get();
        boolean quiet = state == RemoteAudio.MUTED || state == RemoteAudio.SILENT || state == RemoteAudio.NONE;
        audio.setVisible(picture && quiet);
        if (quiet) {
            String key = "remote.audio." + state.name();
            audio.setText(CallStatus.text(key));
            audio.setTooltip(new Tooltip(CallStatus.text(key + ".tooltip")));
        }
        cameraOff.setVisible(picture && !model.remoteCameraOn().get());
    }

}
