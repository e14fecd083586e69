package dev.roomcall.app.ui.call;

import dev.roomcall.media.render.Frame;
import dev.roomcall.media.render.FrameSource;
import java.nio.ByteBuffer;

/**
 * A synthetic camera: one still 16:9 frame of a head and shoulders in front of a wall of the given colour, so a
 * test or a screenshot can tell people apart by colour without a peer connection.
 */
final class PaintedPerson implements FrameSource {

    static final int WIDTH = 320;
    static final int HEIGHT = 180;

    private final Frame frame;

    /** @param wall the background colour, 0xRRGGBB */
    PaintedPerson(int wall) {
        ByteBuffer bgra = ByteBuffer.allocateDirect(WIDTH * HEIGHT * 4);
        for (int y = 0; y < HEIGHT; y++) {
            for (int x = 0; x < WIDTH; x++) {
                int rgb = wall;
                double dx = x - WIDTH / 2.0;
                double head = Math.hypot(dx, (y - 72) * 1.1);
                double shoulders = Math.hypot(dx / 2.2, y - 190);
                if (head < 34) {
                    rgb = 0xe0ac8a; // skin
                } else if (shoulders < 62) {
                    rgb = 0x34495e; // shirt
                } else {
                    // A soft vertical gradient keeps the wall from looking like a flat test colour.
                    double shade = 0.75 + 0.25 * (1 - y / (double) HEIGHT);
                    rgb = scale(wall, shade);
                }
                int at = (y * WIDTH + x) * 4;
                bgra.put(at, (byte) (rgb & 0xff));
                bgra.put(at + 1, (byte) ((rgb >> 8) & 0xff));
                bgra.put(at + 2, (byte) ((rgb >> 16) & 0xff));
                bgra.put(at + 3, (byte) 0xff);
            }
        }
        frame = new Frame(WIDTH, HEIGHT, 0, bgra, 1);
    }

    private static int scale(int rgb, double k) {
        int r = (int) (((rgb >> 16) & 0xff) * k);
        int g = (int) (((rgb >> 8) & 0xff) * k);
        int b = (int) ((rgb & 0xff) * k);
        return (r << 16) | (g << 8) | b;
    }

    /** The one frame is always there, so watching starts nothing. */
    @Override
    public Watch watch() {
        return () -> { };
    }

    @Override
    public Frame latest() {
        return frame;
    }

    @Override
    public long framesReceived() {
        return 1;
    }

    @Override
    public void addFrameListener(Runnable onNewFrame) {
    }

    @Override
    public void removeFrameListener(Runnable onNewFrame) {
    }
}
