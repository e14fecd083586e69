package dev.roomcall.app.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/** Pictures of what a test shows, as PNGs under {@code target/screenshots/} for people to look at. */
public final class Screenshots {

    public static final Path DIRECTORY = Path.of("target", "screenshots");

    private Screenshots() {}

    /** The scene as drawn now; call on the FX thread. */
    public static WritableImage take(Scene scene) {
        return scene.snapshot(null);
    }

    /** ARGB pixels of an image, row by row. */
    public static int[] argb(WritableImage image) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] pixels = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), pixels, 0, width);
        return pixels;
    }

    /** Saves {@code image} as {@code target/screenshots/<name>.png} and returns the path. */
    public static Path save(WritableImage image, String name) {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BufferedImage png = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        png.setRGB(0, 0, width, height, argb(image), 0, width);
        try {
            Files.createDirectories(DIRECTORY);
            Path file = DIRECTORY.resolve(name + ".png");
            ImageIO.write(png, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
