package dev.roomcall.media.synthetic;

import dev.roomcall.media.render.Frame;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** Synthetic video for tests elsewhere: the test pattern, and a flat blue told apart from it by its pixels. */
public final class TestSources {
    /** A flat saturated blue (BT.601 limited range), nothing like the test pattern's bars. */
    private static final I420Painter BLUE = (canvas, frame) -> {
        byte[] y = new byte[canvas.width];
        byte[] u = new byte[canvas.chromaWidth()];
        byte[] v = new byte[canvas.chromaWidth()];
        Arrays.fill(y, (byte) 41);
        Arrays.fill(u, (byte) 240);
        Arrays.fill(v, (byte) 110);
        canvas.fillRows(y, u, v);
    };

    private TestSources() {}

    public static SyntheticVideo blue(String name, int width, int height, int fps) {
        return new SyntheticVideo(name, BLUE, width, height, fps, true);
    }

    public static SyntheticVideo pattern(String name, int width, int height, int fps) {
        return SyntheticVideo.testPattern(name, width, height, fps);
    }

    /** BGRA: blue channel well above red and green in most sampled pixels. */
    public static boolean mostlyBlue(Frame frame) {
        if (frame == null) {
            return false;
        }
        ByteBuffer bgra = frame.bgra();
        int blue = 0;
        int samples = 0;
        for (int i = 0; i + 3 < bgra.capacity(); i += 4 * 97) {
            int b = bgra.get(i) & 0xff;
            int g = bgra.get(i + 1) & 0xff;
            int r = bgra.get(i + 2) & 0xff;
            samples++;
            if (b > 150 && r < 100 && g < 100) {
                blue++;
            }
        }
        return blue > samples * 0.9;
    }

    /** Paints the whole buffer one colour, given as {Y, U, V}. */
    public static void fill(dev.onvoid.webrtc.media.video.NativeI420Buffer buffer, int width, int height, int[] yuv) {
        SyntheticVideo.canvasOf(buffer).fillRect(0, 0, width, height, yuv[0], yuv[1], yuv[2]);
    }
}
