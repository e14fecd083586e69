package dev.roomcall.app.ui.call;

import dev.roomcall.app.presentation.CallStatus;
import dev.roomcall.app.presentation.CallViewModel;
import dev.roomcall.media.render.FrameSource;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Pane;
import javafx.scene.layout.StackPane;

/**
 * The person's own camera as a small picture over the call (picture-in-picture), mirrored while it shows a camera. It can be dragged
 * anywhere and settles into the nearest corner when let go ({@link PipCorner}); when the camera is off it says so.
 * Lives on a transparent {@link Pane} layer over the remote video that does the positioning.
 */
final class SelfView extends Pane {

    static final double MARGIN = 16;
    /** Room kept free at the bottom for the control bar, so the self-view never covers the buttons. */
    static final double BOTTOM_RESERVE = 88;
    /** Room kept free at the top for the room bar. */
    static final double TOP_RESERVE = 64;

    private final StackPane tile = new StackPane();
    private final VideoView video;
    private PipCorner corner = PipCorner.BOTTOM_RIGHT;
    private double dragDx;
    private double dragDy;
    private boolean dragging;

    SelfView(Supplier<FrameSource> preview, BooleanSupplier mirrored, CallViewModel model) {
        video = new VideoView(preview, mirrored);
        Label off = new Label(CallStatus.text("self.cameraOff"));
        off.getStyleClass().add("self-off");
        off.setMaxSize(Double.MAX_VALUE, Double.MAX_VALUE);
        off.setAlignment(Pos.CENTER);
        model.cameraOn().observe(on -> {
            off.setVisible(!on);
            tile.setAccessibleText(CallStatus.text(on ? "a11y.selfVideo" : "a11y.selfVideo.off"));
        });
        tile.setAccessibleRole(javafx.scene.AccessibleRole.IMAGE_VIEW);
        Label you = new Label(CallStatus.text("self.you"));
        you.getStyleClass().add("self-name");
        StackPane.setAlignment(you, Pos.BOTTOM_LEFT);
        tile.getChildren().addAll(video, off, you);
        tile.getStyleClass().add("call-self-view");
        tile.setCursor(Cursor.OPEN_HAND);
        Tooltip.install(tile, new Tooltip(CallStatus.text("self.tooltip")));
        getChildren().add(tile);
        setPickOnBounds(false);
        javafx.scene.shape.Rectangle rounded = new javafx.scene.shape.Rectangle();
        rounded.setArcWidth(24);
        rounded.setArcHeight(24);
        rounded.widthProperty().bind(tile.widthProperty());
        rounded.heightProperty().bind(tile.heightProperty());
        tile.setClip(rounded);

        tile.setOnMousePressed(e -> {
            dragging = true;
            dragDx = e.getSceneX() - tile.getLayoutX();
            dragDy = e.getSceneY() - tile.getLayoutY();
            tile.setCursor(Cursor.CLOSED_HAND);
            e.consume();
        });
        tile.setOnMouseDragged(e -> {
            double x = clamp(e.getSceneX() - dragDx, 0, getWidth() - tile.getWidth());
            double y = clamp(e.getSceneY() - dragDy, 0, getHeight() - tile.getHeight());
            tile.relocate(x, y);
            e.consume();
        });
        tile.setOnMouseReleased(e -> {
            dragging = false;
            tile.setCursor(Cursor.OPEN_HAND);
            corner = PipCorner.nearest(tile.getLayoutX() + tile.getWidth() / 2, tile.getLayoutY() + tile.getHeight() / 2,
                    getWidth(), getHeight());
            requestLayout();
            e.consume();
        });
        video.aspectProperty().addListener((obs, was, now) -> requestLayout());
    }

    /** Moves the picture into a corner, as letting go of a drag there would. */
    void snapTo(PipCorner target) {
        corner = target;
        requestLayout();
    }

    void stop() {
        video.stop();
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        double h = getHeight();
        double tileWidth = tileWidth(w);
        double tileHeight = tileWidth / video.aspectProperty().get();
        tile.resize(tileWidth, tileHeight);
        if (dragging) {
            return;
        }
        double[] at = corner.position(w, h, tileWidth, tileHeight, MARGIN, TOP_RESERVE, BOTTOM_RESERVE);
        tile.relocate(at[0], at[1]);
    }

    /** How wide the picture is in a pane {@code paneWidth} wide. */
    static double tileWidth(double paneWidth) {
        return clamp(paneWidth * 0.22, 140, 300);
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }
}
