package dev.roomcall.app.ui.call;

import dev.roomcall.app.presentation.CallAction;
import dev.roomcall.app.presentation.CallStatus;
import dev.roomcall.app.presentation.CallViewModel;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/** The keyboard shortcuts, listed from {@link CallAction} so the list and the keys can never disagree. */
final class HelpOverlay extends VBox {

    private final GridPane keys = new GridPane();

    HelpOverlay(CallViewModel model) {
        super(12);
        getStyleClass().add("help-overlay");
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        StackPane.setAlignment(this, Pos.CENTER);
        Label heading = new Label(CallStatus.text("help.heading"));
        heading.getStyleClass().add("overlay-heading");
        keys.setHgap(18);
        keys.setVgap(8);
        int row = 0;
        for (CallAction action : CallAction.values()) {
            Label key = new Label(action.keys());
            key.getStyleClass().add("key-cap");
            Label what = new Label(action.description());
            what.getStyleClass().add("key-what");
            keys.addRow(row++, key, what);
        }
        Label close = new Label(CallStatus.text("help.close"));
        close.getStyleClass().add("stats-caption");
        getChildren().addAll(heading, keys, close);
        model.helpVisible().observe(this::setVisible);
        setOnMouseClicked(e -> model.toggleHelp());
    }

}
