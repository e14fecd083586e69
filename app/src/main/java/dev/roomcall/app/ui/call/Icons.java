package dev.roomcall.app.ui.call;

import javafx.scene.Node;
import javafx.scene.shape.SVGPath;

/**
 * The call screen's icons, drawn as vector paths on a 24-unit grid so they stay sharp at any size and take
 * their colour from CSS ({@code -fx-fill} on {@code .icon}). Simple shapes of our own; no icon font to ship.
 */
final class Icons {

    static final String MICROPHONE = "M12 2.5a3.5 3.5 0 0 0-3.5 3.5v6a3.5 3.5 0 0 0 7 0V6A3.5 3.5 0 0 0 12 2.5z"
            + "M5.5 11h2a4.5 4.5 0 0 0 9 0h2a6.5 6.5 0 0 1-5.5 6.42V20h3v2h-8v-2h3v-2.58A6.5 6.5 0 0 1 5.5 11z";
    static final String CAMERA = "M2.5 7.5a2 2 0 0 1 2-2h10a2 2 0 0 1 2 2v2.3l5-3.05v10.5l-5-3.05v2.3a2 2 0 0 1-2 2h-10"
            + "a2 2 0 0 1-2-2z";
    /** A diagonal bar laid over an icon to say "off". */
    static final String SLASH = "M3.4 2 22 20.6 20.6 22 2 3.4z";
    static final String HANG_UP = "M2 14.2c5.5-5.6 14.5-5.6 20 0l-2.6 2.7-3.6-1.7v-2.8a10.6 10.6 0 0 0-7.6 0v2.8"
            + "l-3.6 1.7z";
    static final String CHAT = "M4 3.5h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H10l-5 4v-4H4a2 2 0 0 1-2-2v-10a2 2 0 0 1 2-2z";
    static final String STATS = "M3.5 20.5v-9h3.5v9z M10.25 20.5V3.5h3.5v17z M17 20.5v-12.5h3.5v12.5z";
    static final String FULLSCREEN = "M3 3h7v2.5H5.5V10H3z M14 3h7v7h-2.5V5.5H14z M3 14h2.5v4.5H10V21H3z"
            + "M18.5 14H21v7h-7v-2.5h4.5z";
    /** A gear: the devices menu (camera, microphone, speaker). */
    static final String DEVICES = "M19.75 10.01 L22.37 10.36 L22.37 13.64 L19.75 13.99 L18.89 16.07 L20.49 18.17"
            + " L18.17 20.49 L16.07 18.89 L13.99 19.75 L13.64 22.37 L10.36 22.37 L10.01 19.75 L7.93 18.89 L5.83 20.49"
            + " L3.51 18.17 L5.11 16.07 L4.25 13.99 L1.63 13.64 L1.63 10.36 L4.25 10.01 L5.11 7.93 L3.51 5.83"
            + " L5.83 3.51 L7.93 5.11 L10.01 4.25 L10.36 1.63 L13.64 1.63 L13.99 4.25 L16.07 5.11 L18.17 3.51"
            + " L20.49 5.83 L18.89 7.93z M8.7 12a3.3 3.3 0 1 0 6.6 0a3.3 3.3 0 1 0 -6.6 0z";
    /** A monitor with an arrow out of it: share the screen. */
    static final String SHARE = "M2 4.5a1.5 1.5 0 0 1 1.5-1.5h17A1.5 1.5 0 0 1 22 4.5v11a1.5 1.5 0 0 1-1.5 1.5H14v2.5h3V21H7v-1.5h3V17H3.5"
            + "A1.5 1.5 0 0 1 2 15.5z M12 6l-4 4h2.6v3.5h2.8V10H16z";
    static final String COPY = "M8.5 8.5h12v13h-12z M3.5 2.5h12v4h-9v10h-3z";
    static final String HELP = "M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20zm-1.2 15.5v-2.4h2.4v2.4zm3.7-7.6c-.5.8-1.3"
            + " 1.2-1.7 1.6-.4.4-.5.7-.5 1.6h-2.3c0-1.6.4-2.3 1.2-3 .7-.6 1.4-1 1.4-1.9 0-.8-.6-1.3-1.5-1.3-.9 0"
            + "-1.5.6-1.6 1.5l-2.3-.2C9.2 6.4 10.5 5.3 12.5 5.3c2 0 3.5 1.1 3.5 2.9 0 .6-.2 1.2-.5 1.7z";

    private Icons() {}

    /** An icon of {@code size} pixels from one or more paths drawn on top of each other. */
    static Node of(double size, String path) {
        SVGPath shape = new SVGPath();
        shape.setContent(path);
        // Even-odd: where a slash crosses a shape it cuts it, and the "?" of help is a hole in its disc.
        shape.setFillRule(javafx.scene.shape.FillRule.EVEN_ODD);
        shape.getStyleClass().add("icon");
        double scale = size / 24.0;
        shape.setScaleX(scale);
        shape.setScaleY(scale);
        javafx.scene.Group group = new javafx.scene.Group(shape);
        javafx.scene.layout.StackPane box = new javafx.scene.layout.StackPane(group);
        box.setMinSize(size, size);
        box.setPrefSize(size, size);
        box.setMaxSize(size, size);
        box.getStyleClass().add("icon-box");
        return box;
    }

    /** The icon with the "off" bar across it. */
    static Node off(double size, String path) {
        return of(size, path + " " + SLASH);
    }
}
