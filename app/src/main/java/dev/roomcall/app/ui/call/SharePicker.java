package dev.roomcall.app.ui.call;

import dev.roomcall.app.presentation.CallStatus;
import dev.roomcall.app.presentation.ShareChoices;
import dev.roomcall.app.presentation.ShareModel;
import dev.roomcall.media.screen.ScreenSource;
import dev.roomcall.media.screen.Thumbnail;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.ImageView;
import javafx.scene.image.PixelBuffer;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The share picker over the call: every screen and window that can be shared, each with a live thumbnail (grabbed
 * about once a second on a background thread while the picker is open) and its title; Roomcall's own windows are
 * left out by the model. On a Wayland desktop it says in plain words what can and cannot be shared.
 */
final class SharePicker extends VBox {

    static final int THUMB_WIDTH = 200;
    static final int THUMB_HEIGHT = 120;
    /** A tile's height: thumbnail, title, kind and padding. */
    private static final int TILE_HEIGHT = THUMB_HEIGHT + 70;
    private static final int TILES_PER_ROW = 3;

    private final ShareModel model;
    private final FlowPane tiles = new FlowPane(14, 14);
    private final Label notice = new Label();
    private final ScrollPane scroll = new ScrollPane();
    private final List<Tile> shown = new ArrayList<>();
    private ScheduledExecutorService grabber;
    private ScheduledFuture<?> refreshing;

    SharePicker(ShareModel model) {
        super(12);
        this.model = model;
        getStyleClass().add("share-picker");
        setMaxSize(760, USE_PREF_SIZE);
        StackPane.setAlignment(this, Pos.CENTER);
        Label heading = new Label(CallStatus.text("share.title"));
        heading.getStyleClass().add("overlay-heading");
        Label subtitle = new Label(CallStatus.text("share.subtitle"));
        subtitle.getStyleClass().add("stats-caption");
        subtitle.setWrapText(true);
        notice.getStyleClass().add("share-notice");
        notice.setWrapText(true);
        notice.managedProperty().bind(notice.visibleProperty());
        tiles.getStyleClass().add("share-tiles");
        tiles.setPrefWrapLength(700);
        scroll.setContent(tiles);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("share-scroll");
        scroll.setMinViewportHeight(TILE_HEIGHT + 8);
        Button cancel = new Button(CallStatus.text("share.cancel"));
        cancel.getStyleClass().add("share-cancel");
        cancel.setCancelButton(false);
        cancel.setOnAction(e -> model.closePicker());
        Button refresh = new Button(CallStatus.text("share.refresh"));
        refresh.getStyleClass().add("share-refresh");
        refresh.setOnAction(e -> model.refresh());
        HBox buttons = new HBox(10, refresh, cancel);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        getChildren().addAll(heading, subtitle, notice, scroll, buttons);
        setAccessibleRole(javafx.scene.AccessibleRole.DIALOG);
        setAccessibleText(CallStatus.text("share.title"));

        model.choices().observe(this::show);
        model.pickerOpen().observe(open -> {
            setVisible(open);
            if (open) {
                startThumbnails();
                focusFirst();
            } else {
                stopThumbnails();
            }
        });
    }

    /** The tiles shown now; for tests. */
    List<Button> tiles() {
        return shown.stream().map(Tile::button).toList();
    }

    void stop() {
        stopThumbnails();
        if (grabber != null) {
            grabber.shutdownNow();
        }
    }

    private void show(ShareChoices choices) {
        notice.setText(choices.notice());
        notice.setVisible(!choices.notice().isEmpty());
        shown.clear();
        tiles.getChildren().clear();
        for (ScreenSource source : choices.sources()) {
            Tile tile = new Tile(source, new ImageView(), new Button());
            tile.image.setFitWidth(THUMB_WIDTH);
            tile.image.setFitHeight(THUMB_HEIGHT);
            tile.image.setPreserveRatio(true);
            StackPane frame = new StackPane(tile.image);
            frame.getStyleClass().add("share-thumbnail");
            frame.setMinSize(THUMB_WIDTH, THUMB_HEIGHT);
            frame.setMaxSize(THUMB_WIDTH, THUMB_HEIGHT);
            Label title = new Label(source.name());
            title.getStyleClass().add("share-tile-title");
            title.setMaxWidth(THUMB_WIDTH);
            Label kind = new Label(CallStatus.text(source.kind() == ScreenSource.Kind.SCREEN ? "share.screen" : "share.window"));
            kind.getStyleClass().add("stats-caption");
            VBox content = new VBox(6, frame, title, kind);
            tile.button.setGraphic(content);
            tile.button.getStyleClass().add("share-tile");
            tile.button.setAccessibleText(kind.getText() + ": " + source.name());
            tile.button.setOnAction(e -> model.choose(source));
            shown.add(tile);
            tiles.getChildren().add(tile.button);
        }
        // As many rows as there are, up to two before it scrolls.
        int rows = Math.max(1, Math.min(2, (choices.sources().size() + TILES_PER_ROW - 1) / TILES_PER_ROW));
        scroll.setPrefViewportHeight(rows * (TILE_HEIGHT + 14) + 8);
        if (isVisible()) {
            startThumbnails();
            focusFirst();
        }
    }

    /** The keyboard starts on the first choice, so S then Space shares the first screen. */
    private void focusFirst() {
        if (!shown.isEmpty()) {
            Platform.runLater(() -> shown.get(0).button().requestFocus());
        }
    }

    private void startThumbnails() {
        if (grabber == null) {
            grabber = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "roomcall-share-thumbnails");
                t.setDaemon(true);
                return t;
            });
        }
        if (refreshing != null) {
            refreshing.cancel(false);
        }
        List<Tile> now = List.copyOf(shown);
        refreshing = grabber.scheduleWithFixedDelay(() -> grab(now), 0, 1, TimeUnit.SECONDS);
    }

    private void stopThumbnails() {
        if (refreshing != null) {
            refreshing.cancel(false);
            refreshing = null;
        }
    }

    /** On the thumbnail thread: one grab per tile, handed to the FX thread. */
    private void grab(List<Tile> now) {
        for (Tile tile : now) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            model.controls().thumbnail(tile.source, THUMB_WIDTH, THUMB_HEIGHT)
                    .ifPresent(picture -> Platform.runLater(() -> tile.image.setImage(image(picture))));
        }
    }

    private static WritableImage image(Thumbnail picture) {
        ByteBuffer pixels = ByteBuffer.allocateDirect(picture.bgra().length);
        pixels.put(picture.bgra()).flip();
        return new WritableImage(new PixelBuffer<>(picture.width(), picture.height(), pixels,
                PixelFormat.getByteBgraPreInstance()));
    }

    private record Tile(ScreenSource source, ImageView image, Button button) {}
}
