package dev.roomcall.app.ui.call;

/**
 * Where a video frame goes in a pane: as large as fits without cropping or stretching (letterboxed), turned
 * upright by the frame's rotation, optionally mirrored. Plain geometry, free of the toolkit, so it can be tested
 * on its own; {@link VideoView} applies it to an image view that scales and rotates about its centre.
 *
 * @param imageWidth  the unrotated image's drawn width
 * @param imageHeight the unrotated image's drawn height
 * @param x           left edge of the unrotated image in the pane (rotation then turns it about its centre)
 * @param y           top edge of the unrotated image in the pane
 * @param rotate      degrees to rotate the image view by (clockwise on screen)
 * @param mirrored    whether the view is flipped left to right after turning upright
 */
public record VideoFit(double imageWidth, double imageHeight, double x, double y, double rotate, boolean mirrored) {

    /** The size the person sees, after rotation: the box the picture fills. */
    public double shownWidth() {
        return sideways() ? imageHeight : imageWidth;
    }

    public double shownHeight() {
        return sideways() ? imageWidth : imageHeight;
    }

    private boolean sideways() {
        return Math.abs(rotate) % 180 == 90;
    }

    /**
     * @param frameWidth  decoded frame width in pixels
     * @param frameHeight decoded frame height in pixels
     * @param rotation    clockwise degrees the frame must be turned to be upright (0, 90, 180, 270)
     * @param mirrored    flip left to right as a mirror would (the self-view)
     */
    public static VideoFit of(int frameWidth, int frameHeight, int rotation, boolean mirrored,
                              double paneWidth, double paneHeight) {
        int turn = Math.floorMod(rotation, 360);
        if (frameWidth <= 0 || frameHeight <= 0 || paneWidth <= 0 || paneHeight <= 0) {
            return new VideoFit(0, 0, 0, 0, 0, mirrored);
        }
        boolean sideways = turn == 90 || turn == 270;
        double uprightWidth = sideways ? frameHeight : frameWidth;
        double uprightHeight = sideways ? frameWidth : frameHeight;
        double scale = Math.min(paneWidth / uprightWidth, paneHeight / uprightHeight);
        double w = frameWidth * scale;
        double h = frameHeight * scale;
        // A node scales (mirrors) before it rotates; mirroring after turning upright by r equals mirroring
        // first and turning by -r.
        double rotate = turn == 0 ? 0 : mirrored ? -turn : turn;
        return new VideoFit(w, h, (paneWidth - w) / 2, (paneHeight - h) / 2, rotate, mirrored);
    }

    /** Width divided by height of the picture as seen; 16:9 before any frame arrived. */
    public static double aspect(int frameWidth, int frameHeight, int rotation) {
        if (frameWidth <= 0 || frameHeight <= 0) {
            return 16.0 / 9.0;
        }
        int turn = Math.floorMod(rotation, 360);
        boolean sideways = turn == 90 || turn == 270;
        return sideways ? (double) frameHeight / frameWidth : (double) frameWidth / frameHeight;
    }
}
