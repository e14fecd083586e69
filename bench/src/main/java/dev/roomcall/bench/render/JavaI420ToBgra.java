package dev.roomcall.bench.render;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.IntBuffer;

/**
 * A plain-Java I420 → BGRA converter (BT.601, limited range, as libyuv's I420ToARGB), the fallback the render-path
 * benchmark compares libyuv with. Bound to one picture size and one destination buffer so that converting a frame
 * allocates nothing: rows are copied into reused arrays with bulk gets, converted with lookup tables, and written
 * back with one bulk put per row.
 */
public final class JavaI420ToBgra {

    /** 298·(Y−16), 409·(V−128), −100·(U−128), −208·(V−128), 516·(U−128): BT.601 in 8.8 fixed point. */
    private static final int[] LUMA = new int[256];
    private static final int[] RED_V = new int[256];
    private static final int[] GREEN_U = new int[256];
    private static final int[] GREEN_V = new int[256];
    private static final int[] BLUE_U = new int[256];

    static {
        for (int i = 0; i < 256; i++) {
            LUMA[i] = 298 * (i - 16) + 128; // + 128: round the >> 8 below
            RED_V[i] = 409 * (i - 128);
            GREEN_U[i] = -100 * (i - 128);
            GREEN_V[i] = -208 * (i - 128);
            BLUE_U[i] = 516 * (i - 128);
        }
    }

    private final int width;
    private final int height;
    private final IntBuffer destination;
    private final byte[] yRow;
    private final byte[] uRow;
    private final byte[] vRow;
    private final int[] out;

    /**
     * @param bgra where frames go: at least {@code width*height*4} bytes, written from index 0, rows tightly packed
     */
    public JavaI420ToBgra(int width, int height, ByteBuffer bgra) {
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("bad size " + width + "x" + height);
        }
        if (bgra.capacity() < width * height * 4) {
            throw new IllegalArgumentException("destination holds " + bgra.capacity() + " bytes, a frame needs " + width * height * 4);
        }
        this.width = width;
        this.height = height;
        // B, G, R, A in memory is one little-endian int 0xAARRGGBB.
        this.destination = bgra.duplicate().order(ByteOrder.LITTLE_ENDIAN).asIntBuffer();
        this.yRow = new byte[width];
        this.uRow = new byte[(width + 1) / 2];
        this.vRow = new byte[(width + 1) / 2];
        this.out = new int[width];
    }

    /** Converts one frame given as three planes with their strides (absolute reads; the buffers are not moved). */
    public void convert(ByteBuffer y, int strideY, ByteBuffer u, int strideU, ByteBuffer v, int strideV) {
        int chromaWidth = uRow.length;
        for (int row = 0; row < height; row++) {
            y.get(row * strideY, yRow, 0, width);
            if ((row & 1) == 0) {
                int chromaRow = row >> 1;
                u.get(chromaRow * strideU, uRow, 0, chromaWidth);
                v.get(chromaRow * strideV, vRow, 0, chromaWidth);
            }
            for (int x = 0; x < width; x++) {
                int c = x >> 1;
                int vIndex = vRow[c] & 0xFF;
                int uIndex = uRow[c] & 0xFF;
                int l = LUMA[yRow[x] & 0xFF];
                int r = clamp((l + RED_V[vIndex]) >> 8);
                int g = clamp((l + GREEN_U[uIndex] + GREEN_V[vIndex]) >> 8);
                int b = clamp((l + BLUE_U[uIndex]) >> 8);
                out[x] = 0xFF000000 | (r << 16) | (g << 8) | b;
            }
            destination.put(row * width, out, 0, width);
        }
    }

    private static int clamp(int value) {
        return value < 0 ? 0 : Math.min(value, 255);
    }
}
