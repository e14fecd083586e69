package dev.roomcall.app.ui;

import dev.roomcall.app.settings.WindowPlacement;
import java.util.List;
import java.util.Optional;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * Puts the window where it was last time (fitted to today's screens) and follows where the person moves it. While
 * the window is maximized or full screen its size is the screen's, so the last ordinary size and position are kept
 * separately: un-maximizing after the next launch brings that size back.
 */
final class WindowPlacementTracker {

    static final double DEFAULT_WIDTH = 1040;
    static final double DEFAULT_HEIGHT = 720;

    private final Stage stage;
    private WindowPlacement normal;

    private WindowPlacementTracker(Stage stage, WindowPlacement start) {
        this.stage = stage;
        this.normal = start;
    }

    /** Places {@code stage} (before it is shown) and starts following it. */
    static WindowPlacementTracker place(Stage stage, Optional<WindowPlacement> saved) {
        List<WindowPlacement.Area> screens = screens();
        WindowPlacement start = saved.orElseGet(WindowPlacementTracker::centred).fitInto(screens);
        stage.setX(start.x());
        stage.setY(start.y());
        stage.setWidth(start.width());
        stage.setHeight(start.height());
        stage.setMaximized(start.maximized());
        WindowPlacementTracker tracker = new WindowPlacementTracker(stage, start);
        stage.xProperty().addListener(o -> tracker.follow());
        stage.yProperty().addListener(o -> tracker.follow());
        stage.widthProperty().addListener(o -> tracker.follow());
        stage.heightProperty().addListener(o -> tracker.follow());
        return tracker;
    }

    /** The placement to save: the last ordinary bounds, and whether the window is maximized now. */
    WindowPlacement current() {
        return new WindowPlacement(normal.x(), normal.y(), normal.width(), normal.height(), stage.isMaximized());
    }

    private void follow() {
        if (stage.isMaximized() || stage.isFullScreen() || stage.isIconified()
                || !(stage.getWidth() > 0) || !(stage.getHeight() > 0) || Double.isNaN(stage.getX())) {
            return;
        }
        normal = new WindowPlacement(stage.getX(), stage.getY(), stage.getWidth(), stage.getHeight(), false);
    }

    private static WindowPlacement centred() {
        Rectangle2D primary = Screen.getPrimary().getVisualBounds();
        double width = Math.min(DEFAULT_WIDTH, primary.getWidth());
        double height = Math.min(DEFAULT_HEIGHT, primary.getHeight());
        return new WindowPlacement(primary.getMinX() + (primary.getWidth() - width) / 2,
                primary.getMinY() + (primary.getHeight() - height) / 2, width, height, false);
    }

    /** Usable screen areas, the primary screen first (where a lost window goes). */
    private static List<WindowPlacement.Area> screens() {
        Screen primary = Screen.getPrimary();
        return Screen.getScreens().stream()
                .sorted((a, b) -> Boolean.compare(!a.equals(primary), !b.equals(primary)))
                .map(Screen::getVisualBounds)
                .map(r -> new WindowPlacement.Area(r.getMinX(), r.getMinY(), r.getWidth(), r.getHeight()))
                .toList();
    }
}
