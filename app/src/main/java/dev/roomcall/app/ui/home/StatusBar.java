package dev.roomcall.app.ui.home;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

/**
 * The line at the bottom of the home screen: what the app is doing, with a spinner while it works. The spinner (an
 * animated control with a skin of its own) is made only once the window's first frame is drawn ({@link #addSpinner}),
 * so that the window appears sooner; until then an empty box of its size holds its place, and the text stays where
 * it will be.
 */
final class StatusBar extends HBox {

    private static final double SPINNER_SIZE = 16;

    private final Label status = new Label();
    private final StackPane spinnerSlot = new StackPane();

    StatusBar() {
        super(10);
        spinnerSlot.setPrefSize(SPINNER_SIZE, SPINNER_SIZE);
        spinnerSlot.setMinSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);
        spinnerSlot.setMaxSize(SPINNER_SIZE, SPINNER_SIZE);
        status.setId("homeStatus");
        status.setWrapText(true);
        status.getStyleClass().add("status-line");
        getChildren().addAll(spinnerSlot, status);
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("status-bar");
    }

    /** Says {@code text}; {@code working} shows the spinner beside it, {@code error} marks it as a problem. */
    void show(String text, boolean working, boolean error) {
        status.setText(text);
        spinnerSlot.setVisible(working);
        spinnerSlot.setManaged(working);
        status.getStyleClass().remove("error");
        if (error) {
            status.getStyleClass().add("error");
        }
    }

    /** Puts the spinner into its place; once (later calls change nothing). */
    void addSpinner() {
        if (spinnerSlot.getChildren().isEmpty()) {
            ProgressIndicator spinner = new ProgressIndicator();
            spinner.setId("homeSpinner");
            spinner.setPrefSize(SPINNER_SIZE, SPINNER_SIZE);
            spinner.setMaxSize(SPINNER_SIZE, SPINNER_SIZE);
            spinnerSlot.getChildren().add(spinner);
        }
    }
}
