package dev.roomcall.app.ui.call;

/**
 * The four places a picture-in-picture settles in. Toolkit-free geometry: which corner is nearest to where the
 * picture was let go, and where the picture sits in that corner.
 */
enum PipCorner {
    TOP_LEFT, TOP_RIGHT, BOTTOM_LEFT, BOTTOM_RIGHT;

    /** The corner of the quadrant that holds the point (the picture's centre when it was let go). */
    static PipCorner nearest(double x, double y, double width, double height) {
        boolean left = x < width / 2;
        boolean top = y < height / 2;
        if (top) {
            return left ? TOP_LEFT : TOP_RIGHT;
        }
        return left ? BOTTOM_LEFT : BOTTOM_RIGHT;
    }

    /**
     * Top-left position of a {@code tileWidth}×{@code tileHeight} picture in this corner of a pane, {@code margin}
     * from the sides, below {@code topReserve} and above {@code bottomReserve} (where the bars are).
     */
    double[] position(double width, double height, double tileWidth, double tileHeight, double margin,
                      double topReserve, double bottomReserve) {
        boolean left = this == TOP_LEFT || this == BOTTOM_LEFT;
        boolean top = this == TOP_LEFT || this == TOP_RIGHT;
        double x = left ? margin : width - tileWidth - margin;
        double y = top ? Math.max(margin, topReserve) : height - tileHeight - Math.max(margin, bottomReserve);
        return new double[] {Math.max(0, x), Math.max(0, y)};
    }
}
