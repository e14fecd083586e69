package dev.roomcall.media.synthetic;

import java.nio.ByteBuffer;

/**
 * Draws into the three planes of an I420 image (full-resolution luma, half-resolution chroma), the layout
 * libwebrtc encodes from. Colours are given as BT.601 limited-range Y, U, V.
 */
final class I420Canvas {
    final ByteBuffer y;
    final int strideY;
    final ByteBuffer u;
    final int strideU;
    final ByteBuffer v;
    final int strideV;
    final int width;
    final int height;

    I420Canvas(ByteBuffer y, int strideY, ByteBuffer u, int strideU, ByteBuffer v, int strideV, int width, int height) {
        this.y = y;
        this.strideY = strideY;
        this.u = u;
        this.strideU = strideU;
        this.v = v;
        this.strideV = strideV;
        this.width = width;
        this.height = height;
    }

    /** A canvas over freshly allocated heap planes with tight strides: for tests and previews. */
    static I420Canvas allocate(int width, int height) {
        int chromaWidth = chromaWidth(width);
        int chromaHeight = chromaHeight(height);
        return new I420Canvas(ByteBuffer.allocate(width * height), width,
                ByteBuffer.allocate(chromaWidth * chromaHeight), chromaWidth,
                ByteBuffer.allocate(chromaWidth * chromaHeight), chromaWidth, width, height);
    }

    static int chromaWidth(int width) {
        return (width + 1) / 2;
    }

    static int chromaHeight(int height) {
        return (height + 1) / 2;
    }

    int chromaWidth() {
        return chromaWidth(width);
    }

    int chromaHeight() {
        return chromaHeight(height);
    }

    /** Copies the same luma row into every row, and the same chroma rows into every chroma row. */
    void fillRows(byte[] yRow, byte[] uRow, byte[] vRow) {
        for (int row = 0; row < height; row++) {
            y.put(row * strideY, yRow, 0, width);
        }
        int chromaWidth = chromaWidth();
        for (int row = 0; row < chromaHeight(); row++) {
            u.put(row * strideU, uRow, 0, chromaWidth);
            v.put(row * strideV, vRow, 0, chromaWidth);
        }
    }

    /** Fills a rectangle (clipped to the image) with one colour. */
    void fillRect(int x, int top, int w, int h, int luma, int cb, int cr) {
        int x0 = Math.max(0, x);
        int y0 = Math.max(0, top);
        int x1 = Math.min(width, x + w);
        int y1 = Math.min(height, top + h);
        if (x0 >= x1 || y0 >= y1) {
            return;
        }
        byte lumaByte = (byte) luma;
        for (int row = y0; row < y1; row++) {
            int base = row * strideY;
            for (int col = x0; col < x1; col++) {
                y.put(base + col, lumaByte);
            }
        }
        byte cbByte = (byte) cb;
        byte crByte = (byte) cr;
        for (int row = y0 / 2; row < (y1 + 1) / 2; row++) {
            for (int col = x0 / 2; col < (x1 + 1) / 2; col++) {
                u.put(row * strideU + col, cbByte);
                v.put(row * strideV + col, crByte);
            }
        }
    }

    int lumaAt(int x, int row) {
        return y.get(row * strideY + x) & 0xFF;
    }
}
