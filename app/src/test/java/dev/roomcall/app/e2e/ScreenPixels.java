package dev.roomcall.app.e2e;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Colour statistics of a screenshot: what share of the screen has a colour, and where. Enough to tell "the
 * peer's picture is on screen" from "a dark, empty pane" without looking.
 */
final class ScreenPixels {

    /** A colour class: does this pixel belong? */
    interface Colour {
        boolean matches(int r, int g, int b);
    }

    /** The portrait's skin tone after encoding, decoding and scaling: warm, clearly red over green over blue. */
    static final Colour SKIN = (r, g, b) -> r >= 165 && r <= 250 && g >= 100 && g <= 180 && b >= 70 && b <= 150
            && r - g >= 35 && g - b >= 15;
    /** The portrait's green shirt (not the test pattern's pure green bar, which has no red or blue). */
    static final Colour SHIRT = (r, g, b) -> g >= 120 && g <= 190 && r >= 90 && r <= 165 && b >= 70 && b <= 140
            && g - r >= 12 && g - b >= 25;
    /** The blue bar of the app's own test pattern, in its self-view: the call view is on screen. */
    static final Colour PATTERN_BLUE = (r, g, b) -> r < 40 && g < 40 && b >= 150 && b <= 235;
    /** The statistics charts' accent green line and fill. */
    static final Colour ACCENT = (r, g, b) -> Math.abs(r - 92) < 30 && Math.abs(g - 200) < 30 && Math.abs(b - 168) < 30;

    /**
     * How a colour lies on the screen: how many pixels, their centre of mass, and their extent (which a few
     * coloured fringes of anti-aliased text can stretch, so judge position by the centre).
     */
    record Region(int count, double share, double centreX, double centreY, int minX, int minY, int maxX, int maxY) {}

    private final BufferedImage image;
    private final Path file;

    private ScreenPixels(BufferedImage image, Path file) {
        this.image = image;
        this.file = file;
    }

    static ScreenPixels read(Path png) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        if (image == null) {
            throw new IOException("not an image: " + png);
        }
        return new ScreenPixels(image, png);
    }

    Region find(Colour colour) {
        int count = 0;
        long sumX = 0;
        long sumY = 0;
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                if (colour.matches((p >> 16) & 0xff, (p >> 8) & 0xff, p & 0xff)) {
                    count++;
                    sumX += x;
                    sumY += y;
                    minX = Math.min(minX, x);
                    minY = Math.min(minY, y);
                    maxX = Math.max(maxX, x);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        double share = (double) count / (image.getWidth() * image.getHeight());
        return count == 0 ? new Region(0, 0, 0, 0, 0, 0, 0, 0)
                : new Region(count, share, (double) sumX / count, (double) sumY / count, minX, minY, maxX, maxY);
    }

    /** Mean brightness (0..255) and standard deviation of the brightness over a rectangle. */
    double[] brightness(int x0, int y0, int x1, int y1) {
        double sum = 0;
        double squares = 0;
        int n = 0;
        for (int y = Math.max(0, y0); y < Math.min(image.getHeight(), y1); y++) {
            for (int x = Math.max(0, x0); x < Math.min(image.getWidth(), x1); x++) {
                int p = image.getRGB(x, y);
                double v = (((p >> 16) & 0xff) + ((p >> 8) & 0xff) + (p & 0xff)) / 3.0;
                sum += v;
                squares += v * v;
                n++;
            }
        }
        double mean = n == 0 ? 0 : sum / n;
        return new double[] {mean, n == 0 ? 0 : Math.sqrt(Math.max(0, squares / n - mean * mean))};
    }

    /** The part of the screenshot from (x0, y0) up to but excluding (x1, y1), clipped to the picture. */
    ScreenPixels region(int x0, int y0, int x1, int y1) {
        int left = Math.max(0, x0);
        int top = Math.max(0, y0);
        int right = Math.min(image.getWidth(), x1);
        int bottom = Math.min(image.getHeight(), y1);
        return new ScreenPixels(image.getSubimage(left, top, Math.max(1, right - left), Math.max(1, bottom - top)), file);
    }

    int width() {
        return image.getWidth();
    }

    int height() {
        return image.getHeight();
    }

    @Override
    public String toString() {
        return file.getFileName() + " skin " + find(SKIN) + " shirt " + find(SHIRT);
    }
}
