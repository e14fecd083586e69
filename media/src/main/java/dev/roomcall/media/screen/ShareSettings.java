package dev.roomcall.media.screen;

/**
 * How a share is captured and sent: the largest picture (larger sources are scaled down keeping their shape), the
 * capture rate and the sender's bit rate cap.
 */
public record ShareSettings(int maxWidth, int maxHeight, int fps, int maxBitrateBps) {
    public static final int MIN_FPS = 5;
    public static final int MAX_FPS = 15;
    public static final ShareSettings DEFAULT = new ShareSettings(1920, 1080, 10, 2_500_000);

    public ShareSettings {
        if (maxWidth < 16 || maxHeight < 16) {
            throw new IllegalArgumentException("share size cap must be at least 16x16, got " + maxWidth + "x" + maxHeight);
        }
        if (fps < MIN_FPS || fps > MAX_FPS) {
            throw new IllegalArgumentException("share frame rate must be " + MIN_FPS + " to " + MAX_FPS + ", got " + fps);
        }
        if (maxBitrateBps < 100_000) {
            throw new IllegalArgumentException("share bit rate must be at least 100 kbit/s, got " + maxBitrateBps);
        }
    }

    /** The size a {@code width}x{@code height} source is sent at: itself, or scaled into the cap; always even. */
    public int[] sentSize(int width, int height) {
        double scale = Math.min(1.0, Math.min((double) maxWidth / width, (double) maxHeight / height));
        int w = Math.max(2, (int) Math.round(width * scale) & ~1);
        int h = Math.max(2, (int) Math.round(height * scale) & ~1);
        return new int[] {w, h};
    }
}
