package dev.roomcall.media.synthetic;

/**
 * The fake camera's picture: 75% colour bars, a white box sliding across them and a frame counter in the top-left
 * corner. Every frame differs (so a frozen stream is obvious) and the counter shows whether frames are dropped.
 */
final class TestPattern implements I420Painter {
    /** White, yellow, cyan, green, magenta, red, blue at 75%, BT.601 limited range. */
    private static final int[][] BARS = {
            {180, 128, 128}, {162, 44, 142}, {131, 156, 44}, {112, 72, 58},
            {84, 184, 198}, {65, 100, 212}, {35, 212, 114}};

    private byte[] yRow;
    private byte[] uRow;
    private byte[] vRow;
    private int rowsWidth = -1;

    @Override
    public void paint(I420Canvas canvas, long frameNumber) {
        prepareRows(canvas.width);
        canvas.fillRows(yRow, uRow, vRow);

        int box = Math.max(8, canvas.height / 6);
        int travelX = Math.max(1, canvas.width - box);
        int travelY = Math.max(1, canvas.height - box);
        long stepX = frameNumber * Math.max(2, canvas.width / 120);
        long stepY = frameNumber * Math.max(1, canvas.height / 160);
        canvas.fillRect(bounce(stepX, travelX), bounce(stepY, travelY), box, box, 235, 128, 128);

        int scale = Math.max(2, canvas.height / 90);
        String counter = Long.toString(frameNumber);
        int pad = scale * 2;
        canvas.fillRect(0, 0, GlyphFont.textWidth(counter, scale) + 2 * pad,
                GlyphFont.GLYPH_HEIGHT * scale + 2 * pad, 16, 128, 128);
        GlyphFont.draw(canvas, counter, pad, pad, scale, 235, 128, 128);
    }

    /** Position that moves back and forth between 0 and {@code travel}. */
    private static int bounce(long step, int travel) {
        long phase = step % (2L * travel);
        return (int) (phase < travel ? phase : 2L * travel - phase);
    }

    private void prepareRows(int width) {
        if (width == rowsWidth) {
            return;
        }
        int chromaWidth = I420Canvas.chromaWidth(width);
        yRow = new byte[width];
        uRow = new byte[chromaWidth];
        vRow = new byte[chromaWidth];
        for (int x = 0; x < width; x++) {
            yRow[x] = (byte) BARS[x * BARS.length / width][0];
        }
        for (int x = 0; x < chromaWidth; x++) {
            int[] bar = BARS[Math.min(BARS.length - 1, 2 * x * BARS.length / width)];
            uRow[x] = (byte) bar[1];
            vRow[x] = (byte) bar[2];
        }
        rowsWidth = width;
    }
}
