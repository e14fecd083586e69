package dev.roomcall.app.ui.call;

import dev.roomcall.app.presentation.CallStatus;
import dev.roomcall.app.presentation.ShareModel;
import dev.roomcall.media.render.FrameSource;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * While the other person presents, their screen fills the stage and their camera sits small in the top left
 * corner, under a line saying who is presenting.
 */
final class PresenterInset extends VBox {

    private final VideoView camera;

    PresenterInset(Supplier<FrameSource> remoteCamera, ShareModel model) {
        super(6);
        camera = new VideoView(remoteCamera, false);
        camera.getStyleClass().add("remote-camera-inset");
        camera.setPrefSize(220, 124);
        camera.setMinSize(220, 124);
        camera.setMaxSize(220, 124);
        Label presenting = new Label(CallStatus.text("remote.presenting"));
        presenting.getStyleClass().add("presenting");
        getChildren().addAll(presenting, camera);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setPickOnBounds(false);
        StackPane.setAlignment(this, Pos.TOP_LEFT);
        StackPane.setMargin(this, new Insets(64, 16, 0, 16));
        model.remoteSharing().observe(this::setVisible);
    }

    void stop() {
        camera.stop();
    }
}
