package dev.roomcall.app.ui.call;

import dev.roomcall.app.presentation.CallStatus;
import dev.roomcall.app.presentation.ShareModel;
import java.util.Objects;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * Stays in view at the top of the call while this side shares: "You are sharing <name>" and a Stop button. Under
 * it, when a share ended by itself (the window closed) or could not start, the reason in words until dismissed.
 */
final class SharingBar extends VBox {

    private static final double GAP = 8;

    private final Label what = new Label();
    private final Button stop = new Button(CallStatus.text("share.stop"));
    private final Label notice = new Label();

    SharingBar(ShareModel model) {
        super(8);
        setAlignment(Pos.TOP_CENTER);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        setPickOnBounds(false);
        StackPane.setAlignment(this, Pos.TOP_CENTER);
        what.getStyleClass().add("sharing-what");
        stop.getStyleClass().add("sharing-stop");
        stop.setOnAction(e -> model.stop());
        HBox bar = new HBox(12, what, stop);
        bar.setAlignment(Pos.CENTER);
        bar.getStyleClass().add("sharing-bar");
        bar.managedProperty().bind(bar.visibleProperty());
        bar.setAccessibleRole(javafx.scene.AccessibleRole.TOOL_BAR);

        notice.getStyleClass().add("share-ended");
        notice.setWrapText(true);
        notice.setMaxWidth(520);
        Button dismiss = new Button(CallStatus.text("share.dismiss"));
        dismiss.getStyleClass().add("share-dismiss");
        dismiss.setOnAction(e -> model.dismissNotice());
        HBox ended = new HBox(10, notice, dismiss);
        ended.setAlignment(Pos.CENTER);
        ended.getStyleClass().add("share-ended-bar");
        ended.managedProperty().bind(ended.visibleProperty());

        getChildren().addAll(bar, ended);
        model.sharing().observe(name -> {
            bar.setVisible(!name.isEmpty());
            what.setText(name.isEmpty() ? "" : CallStatus.text("share.sharing", name));
            bar.setAccessibleText(what.getText());
        });
        model.notice().observe(text -> {
            notice.setText(text);
            ended.setVisible(!text.isEmpty());
        });
    }

    /**
     * Moves {@code overlay} (placed at the same top of the same stack) down while this bar shows, so the bar's Stop
     * stays in reach when the statistics open.
     */
    void keepBelow(Node overlay) {
        Insets base = Objects.requireNonNullElse(StackPane.getMargin(overlay), Insets.EMPTY);
        heightProperty().addListener((obs, was, height) -> StackPane.setMargin(overlay, new Insets(
                base.getTop() + (height.doubleValue() > 0 ? height.doubleValue() + GAP : 0),
                base.getRight(), base.getBottom(), base.getLeft())));
    }

    /** The "You are sharing …" words; for tests. */
    Label what() {
        return what;
    }

    Button stopButton() {
        return stop;
    }

    Label notice() {
        return notice;
    }
}
