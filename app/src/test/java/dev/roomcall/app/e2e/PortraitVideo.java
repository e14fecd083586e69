package dev.roomcall.app.e2e;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A short looping .y4m "camera" for Chromium's fake capture device: a drawn person (skin-toned face, dark hair,
 * green shirt) in front of a warm brown wall with a lamp, nodding slightly. Its colours are what a screenshot
 * test looks for: skin and shirt pixels can only come from this picture, never from the app's dark background or
 * its own test-pattern bars. Written in BT.601 limited range, which is how libyuv turns it back into RGB.
 */
final class PortraitVideo {

    static final int WIDTH = 640;
    static final int HEIGHT = 360;
    static final int FPS = 15;
    static final int FRAMES = 30;

    /** Skin, as drawn: the colour the face has in RGB. */
    static final int[] SKIN = {212, 146, 112};
    /** The shirt. */
    static final int[] SHIRT = {126, 152, 104};

    private PortraitVideo() {}

    static Path write(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
                out.write(("YUV4MPEG2 W" + WIDTH + " H" + HEIGHT + " F" + FPS + ":1 Ip A1:1 C420jpeg\n")
                        .getBytes(StandardCharsets.US_ASCII));
                int[] rgb = new int[WIDTH * HEIGHT];
                for (int frame = 0; frame < FRAMES; frame++) {
                    paint(rgb, frame);
                    out.write("FRAME\n".getBytes(StandardCharsets.US_ASCII));
                    writeI420(out, rgb);
                }
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the fake camera video " + file, e);
        }
    }

    private static void paint(int[] rgb, int frame) {
        double bob = Math.sin(2 * Math.PI * frame / FRAMES) * HEIGHT * 0.012;
        for (int y = 0; y < HEIGHT; y++) {
            double t = (double) y / HEIGHT;
            int wall = pack(mix(92, 38, t), mix(74, 29, t), mix(60, 24, t));
            for (int x = 0; x < WIDTH; x++) {
                int colour = wall;
                double lamp = distance(x, y, WIDTH * 0.8, HEIGHT * 0.2) / (HEIGHT * 0.17);
                if (lamp < 1) {
                    colour = pack(152, 124, 88);
                } else if (lamp < 1.7) {
                    colour = blend(colour, pack(130, 104, 76), (1.7 - lamp) / 0.7 * 0.6);
                }
                if (inEllipse(x, y, WIDTH * 0.5, HEIGHT * 1.06, WIDTH * 0.3, HEIGHT * 0.3)) {
                    colour = pack(SHIRT[0], SHIRT[1], SHIRT[2]);
                }
                if (x > WIDTH * 0.465 && x < WIDTH * 0.535 && y > HEIGHT * 0.6 + bob && y < HEIGHT * 0.8) {
                    colour = pack(196, 132, 100);
                }
                if (inEllipse(x, y, WIDTH * 0.5, HEIGHT * 0.44 + bob, WIDTH * 0.125, HEIGHT * 0.27)) {
                    colour = pack(42, 30, 24);
                }
                if (inEllipse(x, y, WIDTH * 0.5, HEIGHT * 0.5 + bob, WIDTH * 0.1, HEIGHT * 0.21)) {
                    colour = pack(SKIN[0], SKIN[1], SKIN[2]);
                }
                rgb[y * WIDTH + x] = colour;
            }
        }
    }

    /** Planar 4:2:0, BT.601 limited range; chroma from the mean of each 2x2 block. */
    private static void writeI420(OutputStream out, int[] rgb) throws IOException {
        byte[] yPlane = new byte[WIDTH * HEIGHT];
        byte[] uPlane = new byte[(WIDTH / 2) * (HEIGHT / 2)];
        byte[] vPlane = new byte[uPlane.length];
        for (int i = 0; i < rgb.length; i++) {
            double r = ((rgb[i] >> 16) & 0xff) / 255.0;
            double g = ((rgb[i] >> 8) & 0xff) / 255.0;
            double b = (rgb[i] & 0xff) / 255.0;
            yPlane[i] = (byte) clamp(16 + 65.481 * r + 128.553 * g + 24.966 * b);
        }
        for (int y = 0; y < HEIGHT / 2; y++) {
            for (int x = 0; x < WIDTH / 2; x++) {
                double r = 0;
                double g = 0;
                double b = 0;
                for (int dy = 0; dy < 2; dy++) {
                    for (int dx = 0; dx < 2; dx++) {
                        int p = rgb[(2 * y + dy) * WIDTH + 2 * x + dx];
                        r += ((p >> 16) & 0xff) / 255.0 / 4;
                        g += ((p >> 8) & 0xff) / 255.0 / 4;
                        b += (p & 0xff) / 255.0 / 4;
                    }
                }
                uPlane[y * (WIDTH / 2) + x] = (byte) clamp(128 - 37.797 * r - 74.203 * g + 112.0 * b);
                vPlane[y * (WIDTH / 2) + x] = (byte) clamp(128 + 112.0 * r - 93.786 * g - 18.214 * b);
            }
        }
        out.write(yPlane);
        out.write(uPlane);
        out.write(vPlane);
    }

    private static boolean inEllipse(double x, double y, double cx, double cy, double rx, double ry) {
        double dx = (x - cx) / rx;
        double dy = (y - cy) / ry;
        return dx * dx + dy * dy <= 1;
    }

    private static double distance(double x, double y, double cx, double cy) {
        return Math.hypot(x - cx, y - cy);
    }

    private static int mix(int a, int b, double t) {
        return (int) Math.round(a + (b - a) * t);
    }

    private static int blend(int base, int over, double amount) {
        int r = mix((base >> 16) & 0xff, (over >> 16) & 0xff, amount);
        int g = mix((base >> 8) & 0xff, (over >> 8) & 0xff, amount);
        int b = mix(base & 0xff, over & 0xff, amount);
        return pack(r, g, b);
    }

    private static int pack(int r, int g, int b) {
        return (r << 16) | (g << 8) | b;
    }

    private static int clamp(double v) {
        return (int) Math.max(0, Math.min(255, Math.round(v)));
    }
}
