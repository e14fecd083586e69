package dev.roomcall.media.screen;

/**
 * A small picture of a screen or window for a picker: BGRA, 4 bytes per pixel, rows packed, premultiplied alpha
 * (opaque).
 */
public record Thumbnail(int width, int height, byte[] bgra) {
    public Thumbnail {
        if (width < 1 || height < 1 || bgra.length != width * height * 4) {
            throw new IllegalArgumentException("a " + width + "x" + height + " thumbnail needs " + (width * height * 4)
                    + " bytes, got " + bgra.length);
        }
    }

    /**
     * Scales a BGRA picture down into {@code maxWidth}x{@code maxHeight}, keeping its shape (nearest pixel: enough
     * for a thumbnail and cheap); never scales up.
     */
    public static Thumbnail scaled(java.nio.ByteBuffer bgra, int width, int height, int maxWidth, int maxHeight) {
        double scale = Math.min(1.0, Math.min((double) maxWidth / width, (double) maxHeight / height));
        int w = Math.max(1, (int) Math.round(width * scale));
        int h = Math.max(1, (int) Math.round(height * scale));
        byte[] out = new byte[w * h * 4];
        for (int y = 0; y < h; y++) {
            int sy = Math.min(height - 1, (int) ((long) y * height / h));
            for (int x = 0; x < w; x++) {
                int sx = Math.min(width - 1, (int) ((long) x * width / w));
                int from = (sy * width + sx) * 4;
                int to = (y * w + x) * 4;
                out[to] = bgra.get(from);
                out[to + 1] = bgra.get(from + 1);
                out[to + 2] = bgra.get(from + 2);
                out[to + 3] = (byte) 0xff;
            }
        }
        return new Thumbnail(w, h, out);
    }
}
