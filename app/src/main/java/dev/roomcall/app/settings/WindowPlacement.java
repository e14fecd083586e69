package dev.roomcall.app.settings;

import java.util.List;

/**
 * Where the window was and how big, so the next launch opens it there. Screens change between launches (a laptop
 * leaves its external monitor behind), so a placement is always {@link #fitInto fitted} to the screens there are.
 */
public record WindowPlacement(double x, double y, double width, double height, boolean maximized) {

    public static final double MIN_WIDTH = 720;
    public static final double MIN_HEIGHT = 480;

    public WindowPlacement {
        if (!Double.isFinite(x) || !Double.isFinite(y) || !(width > 0) || !(height > 0)
                || !Double.isFinite(width) || !Double.isFinite(height)) {
            throw new IllegalArgumentException("not a window placement: " + x + "," + y + " " + width + "x" + height);
        }
    }

    /** A screen's usable area (without task bars), in the same coordinates as the window. */
    public record Area(double x, double y, double width, double height) {
        double overlap(WindowPlacement w) {
            double across = Math.min(x + width, w.x + w.width) - Math.max(x, w.x);
            double down = Math.min(y + height, w.y + w.height) - Math.max(y, w.y);
            return across > 0 && down > 0 ? across * down : 0;
        }
    }

    /**
     * This placement moved and shrunk just enough to lie wholly on one screen: the one showing most of it, or the
     * first (primary) screen, centred, if none shows any of it. Never smaller than {@link #MIN_WIDTH} x
     * {@link #MIN_HEIGHT} unless the screen itself is.
     *
     * @param screens usable screen areas, the primary one first
     */
    public WindowPlacement fitInto(List<Area> screens) {
        if (screens.isEmpty()) {
            return this;
        }
        Area best = null;
        double bestOverlap = 0;
        for (Area screen : screens) {
            double overlap = screen.overlap(this);
            if (overlap > bestOverlap) {
                best = screen;
                bestOverlap = overlap;
            }
        }
        boolean lost = best == null;
        Area screen = lost ? screens.get(0) : best;
        double w = Math.min(Math.max(width, MIN_WIDTH), screen.width());
        double h = Math.min(Math.max(height, MIN_HEIGHT), screen.height());
        double left = lost ? screen.x() + (screen.width() - w) / 2 : clamp(x, screen.x(), screen.x() + screen.width() - w);
        double top = lost ? screen.y() + (screen.height() - h) / 2 : clamp(y, screen.y(), screen.y() + screen.height() - h);
        return new WindowPlacement(left, top, w, h, maximized);
    }

    private static double clamp(double value, double min, double max) {
        return Math.max(min, Math.min(value, max));
    }
}
