package dev.roomcall.bench.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class JavaI420ToBgraTest {

    /** Converts a 2x2 picture of one BT.601 colour and returns the first pixel's B, G, R, A. */
    private static int[] convertSolid(int y, int u, int v) {
        ByteBuffer bgra = ByteBuffer.allocateDirect(2 * 2 * 4);
        new JavaI420ToBgra(2, 2, bgra).convert(filled(4, y), 2, filled(1, u), 1, filled(1, v), 1);
        return new int[] {bgra.get(0) & 0xFF, bgra.get(1) & 0xFF, bgra.get(2) & 0xFF, bgra.get(3) & 0xFF};
    }

    private static ByteBuffer filled(int size, int value) {
        ByteBuffer b = ByteBuffer.allocate(size);
        for (int i = 0; i < size; i++) {
            b.put(i, (byte) value);
        }
        return b;
    }

    private static void assertBgra(int[] expected, int[] actual) {
        for (int i = 0; i < 4; i++) {
            assertEquals(expected[i], actual[i], 2, "channel " + "BGRA".charAt(i));
        }
    }

    @Test
    void limitedRangeBlackAndWhiteBecomeFullRange() {
        assertBgra(new int[] {0, 0, 0, 255}, convertSolid(16, 128, 128));
        assertBgra(new int[] {255, 255, 255, 255}, convertSolid(235, 128, 128));
    }

    @Test
    void bt601PrimariesComeOutInBgrOrder() {
        assertBgra(new int[] {0, 0, 255, 255}, convertSolid(81, 90, 240));   // red
        assertBgra(new int[] {0, 255, 0, 255}, convertSolid(145, 54, 34));   // green
        assertBgra(new int[] {255, 0, 0, 255}, convertSolid(41, 240, 110));  // blue
    }

    @Test
    void eachPixelHasItsOwnLumaAndSharesChromaWithItsTwoByTwoBlockAndStridesAreHonoured() {
        // 4x2 picture, Y stride 6 (2 padding bytes), chroma 2x1 with stride 3: left block grey, right block red.
        ByteBuffer y = ByteBuffer.wrap(new byte[] {16, (byte) 235, 81, 81, 0, 0, 16, (byte) 235, 81, 81, 0, 0});
        ByteBuffer u = ByteBuffer.wrap(new byte[] {(byte) 128, 90, 0});
        ByteBuffer v = ByteBuffer.wrap(new byte[] {(byte) 128, (byte) 240, 0});
        ByteBuffer bgra = ByteBuffer.allocate(4 * 2 * 4);
        new JavaI420ToBgra(4, 2, bgra).convert(y, 6, u, 3, v, 3);
        int[] expectedRow = {0, 255, 0xFF0000, 0xFF0000}; // black, white, red, red as RGB
        for (int row = 0; row < 2; row++) {
            for (int x = 0; x < 4; x++) {
                int at = (row * 4 + x) * 4;
                int rgb = ((bgra.get(at + 2) & 0xFF) << 16) | ((bgra.get(at + 1) & 0xFF) << 8) | (bgra.get(at) & 0xFF);
                int want = expectedRow[x] == 255 ? 0xFFFFFF : expectedRow[x];
                assertEquals(want >> 16, rgb >> 16, 2, "red of pixel " + x + "," + row);
                assertEquals((want >> 8) & 0xFF, (rgb >> 8) & 0xFF, 2, "green of pixel " + x + "," + row);
                assertEquals(want & 0xFF, rgb & 0xFF, 2, "blue of pixel " + x + "," + row);
            }
        }
    }

    @Test
    void convertingAFrameAllocatesNothing() {
        int w = 64;
        int h = 48;
        ByteBuffer y = ByteBuffer.allocateDirect(w * h);
        ByteBuffer u = ByteBuffer.allocateDirect(w * h / 4);
        ByteBuffer v = ByteBuffer.allocateDirect(w * h / 4);
        JavaI420ToBgra converter = new JavaI420ToBgra(w, h, ByteBuffer.allocateDirect(w * h * 4));
        for (int i = 0; i < 50; i++) {
            converter.convert(y, w, u, w / 2, v, w / 2); // first calls may load classes
        }
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        for (int i = 0; i < 20; i++) {
            converter.convert(y, w, u, w / 2, v, w / 2);
        }
        long after = threads.getThreadAllocatedBytes(id);
        long calibration = threads.getThreadAllocatedBytes(id) - after; // what asking costs, if anything
        assertEquals(0, after - before - calibration, "bytes allocated by 20 conversions");
    }

    @Test
    void aDestinationTooSmallForTheFrameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new JavaI420ToBgra(4, 4, ByteBuffer.allocate(63)));
    }
}
