package dev.roomcall.app.ui.call;

import dev.roomcall.app.presentation.CallStatus;
import dev.roomcall.app.presentation.group.Slot;
import dev.roomcall.app.presentation.group.Tile;
import dev.roomcall.app.presentation.group.TileText;
import dev.roomcall.media.render.FrameSource;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.AccessibleAction;
import javafx.scene.AccessibleRole;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Rectangle;

/**
 * One picture in a group call: a person's camera or shared screen, with their name, a microphone-off and a
 * camera-off sign, their connection quality, and a thick border with a sound icon while they speak (a change of
 * shape, not of colour alone). A click, Enter or Space asks to pin it ({@code onActivate}). A screen reader hears
 * it as a button that says who it is and what goes on ("Ana, speaking, microphone off").
 */
final class ParticipantTile extends StackPane {

    private static final PseudoClass SPEAKING = PseudoClass.getPseudoClass("speaking");
    private static final PseudoClass PINNED = PseudoClass.getPseudoClass("pinned");
    private static final PseudoClass SMALL = PseudoClass.getPseudoClass("small");
    static final String SOUND = "M3 9h4l5-4.5v15L7 15H3z M15 8.5a4.5 4.5 0 0 1 0 7l-1.2-1.6a2.5 2.5 0 0 0 0-3.8z"
            + "M17.5 5a8.5 8.5 0 0 1 0 14l-1.2-1.6a6.5 6.5 0 0 0 0-10.8z";
    static final String PIN = "M15 2.5 21.5 9l-2 1-3.7 3.7.7 4.8-1.9 1.9-4.2-4.2L5 21.5 3.5 20l5.3-5.4L4.6 10.4l1.9-1.9"
            + " 4.8.7L15 5.5z";

    private final Slot slot;
    private final Runnable onActivate;
    private final VideoView video;
    private final Label name = new Label();
    private final Node speakingIcon = Icons.of(16, SOUND);
    private final Node pinIcon = Icons.of(16, PIN);
    private final Node micOff = Icons.off(16, Icons.MICROPHONE);
    private final Node cameraOffIcon = Icons.off(16, Icons.CAMERA);
    private final QualityIcon quality = new QualityIcon();
    private final Label cameraOff = new Label();
    private FrameSource source;

    ParticipantTile(Slot slot, Runnable onActivate) {
        this.slot = slot;
        this.onActivate = onActivate;
        video = new VideoView(() -> source, false);
        video.getStyleClass().add(slot.content() == Slot.Content.SCREEN ? "remote-screen" : "remote-video");
        getStyleClass().add("participant-tile");
        cameraOff.getStyleClass().add("tile-camera-off");
        cameraOff.setGraphic(Icons.off(28, Icons.CAMERA));
        cameraOff.setContentDisplay(javafx.scene.control.ContentDisplay.TOP);
        cameraOff.setMouseTransparent(true);

        speakingIcon.getStyleClass().add("tile-speaking-icon");
        micOff.getStyleClass().add("tile-mic-off");
        cameraOffIcon.getStyleClass().add("tile-cam-off");
        pinIcon.getStyleClass().add("tile-pin");
        name.getStyleClass().add("tile-name");
        name.setMinWidth(0);
        HBox nameBar = new HBox(6, speakingIcon, pinIcon, micOff, cameraOffIcon, name);
        nameBar.getStyleClass().add("tile-name-bar");
        nameBar.setAlignment(Pos.CENTER_LEFT);
        nameBar.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        nameBar.setMouseTransparent(true);
        StackPane.setAlignment(nameBar, Pos.BOTTOM_LEFT);
        StackPane.setMargin(nameBar, new Insets(0, 8, 8, 8));
        StackPane.setAlignment(quality, Pos.TOP_RIGHT);
        StackPane.setMargin(quality, new Insets(10, 10, 0, 0));
        quality.setMouseTransparent(true);
        quality.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        for (Node hidden : new Node[] {speakingIcon, pinIcon, micOff, cameraOffIcon}) {
            hidden.managedProperty().bind(hidden.visibleProperty());
        }
        getChildren().addAll(video, cameraOff, nameBar, quality);
        setMinSize(0, 0);

        Rectangle rounded = new Rectangle();
        rounded.setArcWidth(20);
        rounded.setArcHeight(20);
        rounded.widthProperty().bind(widthProperty());
        rounded.heightProperty().bind(heightProperty());
        setClip(rounded);

        setFocusTraversable(true);
        setAccessibleRole(AccessibleRole.BUTTON);
        setAccessibleHelp(CallStatus.text("group.a11y.pinHelp"));
        Tooltip.install(this, new Tooltip(CallStatus.text("group.pin.tooltip")));
        setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY) {
                requestFocus();
                onActivate.run();
                e.consume();
            }
        });
        addEventHandler(KeyEvent.KEY_PRESSED, e -> {
            if (e.getCode() == KeyCode.ENTER || e.getCode() == KeyCode.SPACE) {
                onActivate.run();
                e.consume();
            }
        });
    }

    @Override
    public void executeAccessibleAction(AccessibleAction action, Object... parameters) {
        if (action == AccessibleAction.FIRE) {
            onActivate.run();
        } else {
            super.executeAccessibleAction(action, parameters);
        }
    }

    Slot slot() {
        return slot;
    }

    /** Shows {@code tile}'s state; {@code small} for a tile in the strip beside a focused picture. */
    void show(Tile tile, boolean small) {
        boolean screen = slot.content() == Slot.Content.SCREEN;
        source = screen ? tile.screen() : tile.camera();
        name.setText(screen ? TileText.describeScreen(tile) : tile.name());
        boolean speaking = tile.speaking() && !screen;
        speakingIcon.setVisible(speaking);
        pinIcon.setVisible(tile.pinned() && !small);
        micOff.setVisible(!tile.microphoneOn() && !screen);
        cameraOffIcon.setVisible(!tile.cameraOn() && !screen && small);
        cameraOff.setText(CallStatus.text("group.cameraOff"));
        cameraOff.setVisible(!tile.cameraOn() && !screen && !small);
        quality.show(tile.quality());
        quality.setVisible(!screen && tile.quality() != dev.roomcall.app.presentation.NetworkQuality.UNKNOWN);
        pseudoClassStateChanged(SPEAKING, speaking);
        pseudoClassStateChanged(PINNED, tile.pinned());
        pseudoClassStateChanged(SMALL, small);
        setAccessibleText(screen ? TileText.describeScreen(tile) : TileText.describe(tile));
    }

    /** The picture; for tests. */
    VideoView video() {
        return video;
    }

    void stop() {
        video.stop();
    }
}
