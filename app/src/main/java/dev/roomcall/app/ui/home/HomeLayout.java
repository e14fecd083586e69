package dev.roomcall.app.ui.home;

import dev.roomcall.app.i18n.I18n;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The home screen's building blocks: the top bar, the cards, error labels. */
final class HomeLayout {

    private HomeLayout() {}

    static HBox topBar(I18n.Bundle texts, LateTooltips tooltips, Runnable openSettings) {
        Label brand = new Label(texts.text("brand"));
        brand.getStyleClass().add("brand");
        brand.setGraphic(new javafx.scene.shape.Circle(5, javafx.scene.paint.Color.web("#5cc8a8")));
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Button settings = new Button(texts.text("settings.button"));
        settings.setId("settingsButton");
        settings.getStyleClass().add("quiet");
        tooltips.add(settings, texts.text("settings.tooltip"));
        settings.setOnAction(e -> openSettings.run());
        HBox bar = new HBox(12, brand, gap, settings);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("top-bar");
        return bar;
    }

    static Label tagline(I18n.Bundle texts) {
        Label tagline = new Label(texts.text("tagline"));
        tagline.getStyleClass().add("tagline");
        return tagline;
    }

    static VBox card(String title, String hint, javafx.scene.Node... content) {
        Label heading = new Label(title);
        heading.getStyleClass().add("card-title");
        Label explanation = new Label(hint);
        explanation.getStyleClass().add("hint");
        explanation.setWrapText(true);
        Region gap = new Region();
        VBox.setVgrow(gap, Priority.ALWAYS);
        VBox card = new VBox(10, heading, explanation, gap);
        card.getChildren().addAll(content);
        card.getStyleClass().add("card");
        card.setMinHeight(170);
        HBox.setHgrow(card, Priority.ALWAYS);
        card.setMaxWidth(Double.MAX_VALUE);
        card.setPrefWidth(400);
        return card;
    }

    static VBox centered(VBox content) {
        VBox outer = new VBox(content);
        outer.setAlignment(Pos.TOP_CENTER);
        outer.getStyleClass().add("home-body");
        return outer;
    }

    static Label errorLabel(String id) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("error");
        label.setWrapText(true);
        hide(label);
        return label;
    }

    static void hide(Label label) {
        label.setVisible(false);
        label.setManaged(false);
    }

    static void reveal(Label label) {
        label.setVisible(true);
        label.setManaged(true);
    }

    /** Runs {@code action} once, after the scene's next layout pulse; nothing when {@code scene} is null. */
    static void afterNextLayout(Scene scene, Runnable action) {
        if (scene == null) {
            return;
        }
        Runnable once = new Runnable() {
            @Override
            public void run() {
                Platform.runLater(() -> scene.removePostLayoutPulseListener(this));
                action.run();
            }
        };
        scene.addPostLayoutPulseListener(once);
        Platform.requestNextPulse();
    }

    /**
     * Runs {@code action} once the scene's next pulse is over, i.e. its frame has gone to the renderer (for a new
     * window: its first frame); nothing when {@code scene} is null. What it adds is drawn in a later frame.
     */
    static void afterNextFrame(Scene scene, Runnable action) {
        afterNextLayout(scene, () -> Platform.runLater(action));
    }
}
