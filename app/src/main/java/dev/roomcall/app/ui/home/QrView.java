package dev.roomcall.app.ui.home;

import javafx.beans.value.ChangeListener;
import javafx.scene.Scene;
import javafx.scene.image.ImageView;
import javafx.stage.Window;

/**
 * A QR code that stays sharp on high-density screens: its image is drawn with whole device pixels per module
 * for the window's current output scale (2 at 200 %), shown at its logical size, and never smoothed, so module
 * edges are hard black-to-white steps at every scale a phone camera might meet.
 */
final class QrView extends ImageView {

    private final String text;
    private final int logicalModule;
    private final ChangeListener<Number> rescale = (o, was, now) -> render();
    private Window watched;

    QrView(String text, double wantedSize) {
        this.text = text;
        this.logicalModule = QrCode.moduleSizeFor(text, wantedSize);
        setSmooth(false);
        setPreserveRatio(true);
        render();
        sceneProperty().addListener((o, was, scene) -> watch(scene));
    }

    private void watch(Scene scene) {
        if (watched != null) {
            watched.outputScaleXProperty().removeListener(rescale);
            watched = null;
        }
        if (scene != null) {
            scene.windowProperty().addListener((o, was, window) -> watch(window));
            watch(scene.getWindow());
        }
    }

    private void watch(Window window) {
        if (watched != null) {
            watched.outputScaleXProperty().removeListener(rescale);
        }
        watched = window;
        if (window != null) {
            window.outputScaleXProperty().addListener(rescale);
        }
        render();
    }

    private void render() {
        double scale = watched == null ? 1 : Math.max(1, watched.getOutputScaleX());
        int devicePixelsPerModule = (int) Math.max(1, Math.round(logicalModule * scale));
        var image = QrCode.image(text, devicePixelsPerModule);
        double logicalSide = image.getWidth() * logicalModule / devicePixelsPerModule;
        if (getImage() == null || getImage().getWidth() != image.getWidth()) {
            setImage(image);
        }
        setFitWidth(logicalSide);
    }

    /** Device pixels per module in the current image; for tests. */
    int devicePixelsPerModule() {
        return (int) Math.round(getImage().getWidth() * logicalModule / getFitWidth());
    }
}
