package dev.roomcall.app.ui.home;

import dev.roomcall.app.i18n.I18n;
import dev.roomcall.app.settings.RecentRoom;
import dev.roomcall.app.settings.RecentRooms;
import java.time.Clock;
import java.util.function.Consumer;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** The last rooms, newest first; a click joins one again, "Clear" forgets them all. */
final class RecentRoomsView extends VBox {

    private final VBox rows = new VBox(4);
    private final Button clear;
    private final Clock clock;
    private final Consumer<RecentRoom> onJoin;
    private final LateTooltips tooltips;

    RecentRoomsView(Clock clock, LateTooltips tooltips, Consumer<RecentRoom> onJoin, Runnable onClear) {
        this.clock = clock;
        this.tooltips = tooltips;
        this.onJoin = onJoin;
        I18n.Bundle texts = I18n.bundle(HomeScreen.BUNDLE);
        getStyleClass().add("recent");
        setSpacing(8);
        Label title = new Label(texts.text("recent.title"));
        title.getStyleClass().add("section-title");
        clear = new Button(texts.text("recent.clear"));
        clear.setId("clearRecent");
        clear.getStyleClass().add("quiet");
        tooltips.add(clear, texts.text("recent.clear.tooltip"));
        clear.setOnAction(e -> onClear.run());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox header = new HBox(10, title, gap, clear);
        header.setAlignment(Pos.CENTER_LEFT);
        rows.setId("recentList");
        getChildren().addAll(header, rows);
    }

    void show(RecentRooms recent) {
        I18n.Bundle texts = I18n.bundle(HomeScreen.BUNDLE);
        rows.getChildren().clear();
        clear.setVisible(!recent.isEmpty());
        if (recent.isEmpty()) {
            Label empty = new Label(texts.text("recent.empty"));
            empty.getStyleClass().add("hint");
            rows.getChildren().add(empty);
            return;
        }
        for (RecentRoom room : recent.list()) {
            rows.getChildren().add(row(room, texts));
        }
    }

    /** Recent rows can be clicked only while the app is ready to start a call. */
    void setJoinable(boolean joinable) {
        rows.getChildren().forEach(row -> row.setDisable(!joinable && row instanceof Button));
    }

    private Button row(RecentRoom room, I18n.Bundle texts) {
        Label code = new Label(room.room());
        code.getStyleClass().add("recent-code");
        Label server = new Label(room.server().isEmpty() ? texts.text("recent.builtIn") : room.server());
        server.getStyleClass().add("recent-server");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label when = new Label(WhenText.of(room.lastUsed(), clock.instant(), clock.getZone()));
        when.getStyleClass().add("recent-when");
        HBox content = new HBox(14, code, server, gap, when);
        content.setAlignment(Pos.CENTER_LEFT);
        Button button = new Button();
        button.setGraphic(content);
        button.setMaxWidth(Double.MAX_VALUE);
        content.prefWidthProperty().bind(button.widthProperty().subtract(28));
        button.getStyleClass().add("recent-row");
        tooltips.add(button, texts.text("recent.tooltip", room.room()));
        button.setUserData(room);
        button.setOnAction(e -> onJoin.accept(room));
        return button;
    }
}
