package dev.roomcall.app.ui.call;

import dev.roomcall.app.presentation.group.GridLayout;
import java.util.ArrayList;
import java.util.List;

/**
 * Where each picture of a {@link GridLayout} goes in a pane of a given size. Toolkit-free geometry: one other
 * person fills the whole pane (as a two-person call always looked); several get equal 16:9 tiles between the room
 * bar and the control bar, centred as a block, filled row by row so that with three the free cell is the bottom
 * right, where the self-view sits; two side by side stay above the self-view; a focused picture takes the pane
 * left of a column of small tiles, which stops above the self-view.
 */
final class GridGeometry {

    /** A rectangle in the pane. */
    record Box(double x, double y, double width, double height) {}

    /** The pictures' places: {@code main} in the order of {@link GridLayout#main()}, {@code strip} likewise. */
    record Placement(List<Box> main, List<Box> strip) {}

    static final double MARGIN = 16;
    static final double GAP = 12;
    static final double ASPECT = 16.0 / 9.0;
    /** The self-view's tallest shape (a 4:3 camera), to keep clear of it. */
    static final double SELF_ASPECT = 4.0 / 3.0;

    private GridGeometry() {}

    static Placement place(GridLayout layout, double width, double height) {
        switch (layout.kind()) {
            case WAITING:
                return new Placement(List.of(), List.of());
            case SINGLE:
                return new Placement(List.of(new Box(0, 0, width, height)), List.of());
            case FOCUS:
                return focus(layout.strip().size(), width, height);
            case SIDE_BY_SIDE:
                return new Placement(grid(2, 2, 1, width, height, selfHeight(width) + GAP), List.of());
            case GRID:
            default:
                return new Placement(grid(layout.main().size(), layout.columns(), layout.rows(), width, height, 0),
                        List.of());
        }
    }

    /** @param keepFree height kept free above the control bar (for the self-view) */
    private static List<Box> grid(int count, int columns, int rows, double width, double height, double keepFree) {
        double areaX = MARGIN;
        double areaY = SelfView.TOP_RESERVE;
        double areaW = Math.max(0, width - 2 * MARGIN);
        double areaH = Math.max(0, height - SelfView.TOP_RESERVE - SelfView.BOTTOM_RESERVE - keepFree);
        double cellW = Math.max(0, (areaW - GAP * (columns - 1)) / columns);
        double cellH = Math.max(0, (areaH - GAP * (rows - 1)) / rows);
        double tileW = Math.min(cellW, cellH * ASPECT);
        double tileH = tileW / ASPECT;
        double blockW = columns * tileW + (columns - 1) * GAP;
        double blockH = rows * tileH + (rows - 1) * GAP;
        double left = areaX + (areaW - blockW) / 2;
        double top = areaY + (areaH - blockH) / 2;
        List<Box> boxes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int row = i / columns;
            int column = i % columns;
            boxes.add(new Box(left + column * (tileW + GAP), top + row * (tileH + GAP), tileW, tileH));
        }
        return boxes;
    }

    private static Placement focus(int small, double width, double height) {
        double areaY = SelfView.TOP_RESERVE;
        double areaH = Math.max(0, height - SelfView.TOP_RESERVE - SelfView.BOTTOM_RESERVE);
        if (small == 0) {
            return new Placement(List.of(new Box(MARGIN, areaY, Math.max(0, width - 2 * MARGIN), areaH)), List.of());
        }
        double stripW = clamp(width * 0.2, 140, 260);
        // The column stops above the self-view in the bottom-right corner.
        double stripH = Math.max(0, areaH - selfHeight(width) - GAP);
        double tileH = Math.min(stripW / ASPECT, Math.max(0, (stripH - GAP * (small - 1)) / small));
        double tileW = tileH * ASPECT;
        double stripX = width - MARGIN - stripW;
        List<Box> strip = new ArrayList<>();
        for (int i = 0; i < small; i++) {
            strip.add(new Box(stripX + (stripW - tileW) / 2, areaY + i * (tileH + GAP), tileW, tileH));
        }
        Box large = new Box(MARGIN, areaY, Math.max(0, stripX - GAP - MARGIN), areaH);
        return new Placement(List.of(large), strip);
    }

    private static double selfHeight(double width) {
        return SelfView.tileWidth(width) / SELF_ASPECT;
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }
}
