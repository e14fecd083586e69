package dev.roomcall.bench.call;

/**
 * The benchmark's camera picture, close in kind to Roomcall's own fake camera so both encoders get comparable
 * work: 75 % colour bars, a white box that moves every frame, and a band of fine stripes that scrolls (detail an
 * encoder cannot skip). The animation loops seamlessly after {@link #loopFrames()} frames, so a file of that many
 * frames plays as endless motion.
 */
public final class MovingPattern {

    /** BT.601 limited-range Y, U, V of white, yellow, cyan, green, magenta, red, blue at 75 %. */
    private static final int[][] BARS = {
            {180, 128, 128}, {162, 44, 142}, {131, 156, 44}, {112, 72, 58},
            {84, 184, 198}, {65, 100, 212}, {35, 212, 114}};

    private final int width;
    private final int height;
    private final int loopFrames;

    public MovingPattern(int width, int height, int loopFrames) {
        if (width < 16 || height < 16 || width % 2 != 0 || height % 2 != 0) {
            throw new IllegalArgumentException("need an even size of at least 16x16, got " + width + "x" + height);
        }
        if (loopFrames < 2) {
            throw new IllegalArgumentException("a loop needs at least 2 frames");
        }
        this.width = width;
        this.height = height;
        this.loopFrames = loopFrames;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public int loopFrames() {
        return loopFrames;
    }

    /** Paints frame {@code index} into {@code planes} (Y, U, V back to back, tightly packed). */
    public void paint(int index, byte[] planes) {
        int chromaWidth = width / 2;
        int chromaHeight = height / 2;
        int uOffset = width * height;
        int vOffset = uOffset + chromaWidth * chromaHeight;
        if (planes.length < vOffset + chromaWidth * chromaHeight) {
            throw new IllegalArgumentException("planes too small for " + width + "x" + height);
        }
        double phase = (double) (index % loopFrames) / loopFrames; // 0..1 over one loop
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                planes[y * width + x] = (byte) BARS[x * BARS.length / width][0];
            }
        }
        for (int y = 0; y < chromaHeight; y++) {
            for (int x = 0; x < chromaWidth; x++) {
                int[] bar = BARS[2 * x * BARS.length / width];
                planes[uOffset + y * chromaWidth + x] = (byte) bar[1];
                planes[vOffset + y * chromaWidth + x] = (byte) bar[2];
            }
        }
        // Scrolling stripes along the bottom eighth: 8-pixel period, shifted by a whole period per loop.
        int bandTop = height - height / 8;
        int shift = (int) Math.round(phase * width);
        for (int y = bandTop; y < height; y++) {
            for (int x = 0; x < width; x++) {
                planes[y * width + x] = (byte) ((((x + shift) >> 2) & 1) == 0 ? 40 : 200);
            }
        }
        // A white box travelling once around an ellipse per loop.
        int box = height / 6;
        double angle = 2 * Math.PI * phase;
        int left = (int) Math.round((width - box) / 2.0 * (1 + Math.cos(angle)));
        int top = (int) Math.round((bandTop - box) / 2.0 * (1 + Math.sin(angle)));
        for (int y = top; y < top + box; y++) {
            for (int x = left; x < left + box; x++) {
                planes[y * width + x] = (byte) 235;
            }
        }
        for (int y = top / 2; y < (top + box) / 2; y++) {
            for (int x = left / 2; x < (left + box) / 2; x++) {
                planes[uOffset + y * chromaWidth + x] = (byte) 128;
                planes[vOffset + y * chromaWidth + x] = (byte) 128;
            }
        }
    }
}
