package dev.roomcall.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/**
 * The real window at 100 % and at 200 % (GTK's scale, {@code -Dglass.gtk.uiScale=2}, on a virtual display twice
 * as large), a new room opened from the keyboard: at 200 % the whole window is twice as large (nothing cut off),
 * the QR code is drawn with whole device pixels per module, so its edges are hard steps with no blurred,
 * in-between grey from upscaling, and in the call that follows the controls are twice as large and inside the window. The screenshots stay under target/screenshots (docs/screenshots has copies).
 */
class HiDpiScreenshotIT {

    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;
    private static final Duration WAIT = Duration.ofSeconds(60);

    record Shot(Box window, Box qr, double qrBlurredShare, Box hangUp) {}

    record Box(int minX, int minY, int maxX, int maxY) {
        int width() {
            return maxX - minX + 1;
        }

        int height() {
            return maxY - minY + 1;
        }
    }

    @Test
    void atTwiceTheScaleTheWindowIsTwiceAsLargeAndTheQrCodeStaysSharp() throws Exception {
        Shot one = newRoomAt(1);
        Shot two = newRoomAt(2);

        assertEquals(2.0, (double) two.window().width() / one.window().width(), 0.03, "window width: " + one + " " + two);
        assertEquals(2.0, (double) two.window().height() / one.window().height(), 0.03, "window height: " + one + " " + two);
        assertEquals(2.0, (double) two.qr().width() / one.qr().width(), 0.05, "QR code size: " + one + " " + two);
        assertEquals(2.0, (double) two.hangUp().width() / one.hangUp().width(), 0.05, "hang-up button: " + one + " " + two);
        assertTrue(two.hangUp().maxY() < two.window().maxY() && two.hangUp().maxX() < two.window().maxX(),
                "the control bar is inside the window at 200 %: " + two);
        assertTrue(one.qrBlurredShare() < 0.005, "sharp at 100 %: " + one);
        assertTrue(two.qrBlurredShare() < 0.005, "sharp at 200 %, not an upscaled blur: " + two);
    }

    private static Shot newRoomAt(int scale) throws Exception {
        Path shots = E2eDirs.target().resolve("screenshots");
        Files.createDirectories(shots);
        Path png = shots.resolve("hidpi-new-room-" + scale + "x.png");
        try (VirtualDisplay screen = pointerInTheMiddle(VirtualDisplay.start(WIDTH * scale, HEIGHT * scale), scale);
                CallWindowScreenshotIT.WindowApp app = CallWindowScreenshotIT.WindowApp.start(screen.display(),
                        List.of("-Dglass.gtk.uiScale=" + scale))) {
            // The home screen, settled (the runtime has started and "New room", enabled, has the focus).
            int[] previous = {0};
            await(screen, app, png, image -> {
                int lit = count(image, (r, g, b) -> r + g + b > 300);
                boolean settled = count(image, HiDpiScreenshotIT::accent) > 40 * scale * scale && lit == previous[0];
                previous[0] = lit;
                return settled;
            }, "the home screen, settled");
            // Keyboard only: Enter on the focused "New room" button.
            X11Keyboard.send(screen.display(), "key:ENTER");
            BufferedImage image = await(screen, app, png,
                    shown -> count(shown, HiDpiScreenshotIT::white) > 20_000 * scale * scale, "the new room's QR code");
            Box qr = box(image, HiDpiScreenshotIT::white);
            Box window = box(image, (r, g, b) -> r + g + b > 0);

            // Enter again: "Start call" has the focus. The call view, waiting, with its control bar.
            X11Keyboard.send(screen.display(), "key:ENTER");
            BufferedImage call = await(screen, app, shots.resolve("hidpi-call-" + scale + "x.png"),
                    shown -> count(shown, HiDpiScreenshotIT::hangUpRed) > 1_500 * scale * scale, "the call's controls");
            return new Shot(window, qr, blurredShare(image, qr), box(call, HiDpiScreenshotIT::hangUpRed));
        }
    }

    /**
     * Without a window manager the keyboard goes to the window under the pointer; with the pointer there before
     * the window opens, the window has the keyboard from its first moment, as on a desktop.
     */
    private static VirtualDisplay pointerInTheMiddle(VirtualDisplay screen, int scale) throws Exception {
        X11Keyboard.send(screen.display(), "move:" + WIDTH * scale / 2 + "," + HEIGHT * scale / 2);
        return screen;
    }

    interface Colour {
        boolean test(int r, int g, int b);
    }

    private static boolean white(int r, int g, int b) {
        return r >= 250 && g >= 250 && b >= 250;
    }

    /** The hang-up button's red (#e5484d). */
    private static boolean hangUpRed(int r, int g, int b) {
        return Math.abs(r - 229) < 20 && Math.abs(g - 72) < 20 && Math.abs(b - 77) < 20;
    }

    private static boolean accent(int r, int g, int b) {
        return Math.abs(r - 92) < 30 && Math.abs(g - 200) < 30 && Math.abs(b - 168) < 30;
    }

    /** Pixels in the QR code's box that are neither its dark nor its light colour: what smoothing makes. */
    private static double blurredShare(BufferedImage image, Box qr) {
        int between = 0;
        for (int y = qr.minY(); y <= qr.maxY(); y++) {
            for (int x = qr.minX(); x <= qr.maxX(); x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xff;
                int g = (rgb >> 8) & 0xff;
                int b = rgb & 0xff;
                boolean dark = r < 40 && g < 40 && b < 45;
                if (!dark && !white(r, g, b)) {
                    between++;
                }
            }
        }
        return (double) between / (qr.width() * qr.height());
    }

    private static int count(BufferedImage image, Colour colour) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (colour.test((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff)) {
                    n++;
                }
            }
        }
        return n;
    }

    private static Box box(BufferedImage image, Colour colour) {
        int minX = Integer.MAX_VALUE;
        int minY = Integer.MAX_VALUE;
        int maxX = -1;
        int maxY = -1;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (colour.test((rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff)) {
                    minX = Math.min(minX, x);
                    minY = Math.min(minY, y);
                    maxX = Math.max(maxX, x);
                    maxY = Math.max(maxY, y);
                }
            }
        }
        assertTrue(maxX >= 0, "colour not on screen");
        return new Box(minX, minY, maxX, maxY);
    }

    private static BufferedImage await(VirtualDisplay screen, CallWindowScreenshotIT.WindowApp app, Path png,
                                       java.util.function.Predicate<BufferedImage> shown, String what)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(WAIT);
        while (Instant.now().isBefore(deadline)) {
            app.assertAlive();
            screen.screenshot(png);
            BufferedImage image = ImageIO.read(png.toFile());
            if (image != null && shown.test(image)) {
                return image;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("never saw " + what + " on screen; last screenshot " + png + "\n" + app.logTail());
    }
}
