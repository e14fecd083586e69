package dev.roomcall.app.ui.home;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import javafx.scene.image.PixelWriter;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;

/**
 * A QR code of a link, for a phone to scan off the screen. ZXing computes the modules; they are painted here as
 * whole-pixel squares, dark on white with the four-module quiet zone scanners need, so the image stays sharp at
 * any module size.
 */
final class QrCode {

    /** Light margin around the symbol, in modules, as the QR specification asks. */
    static final int QUIET_ZONE = 4;

    private static final Color DARK = Color.rgb(13, 17, 23);
    private static final Color LIGHT = Color.WHITE;

    private QrCode() {}

    /** The modules of {@code text}: medium error correction, UTF-8, no margin (added when drawing). */
    static BitMatrix encode(String text) {
        try {
            return new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
                    EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
                    EncodeHintType.MARGIN, 0));
        } catch (WriterException e) {
            // Only text beyond a QR code's capacity (~2,300 characters at level M) gets here; links are far shorter.
            throw new IllegalArgumentException("cannot make a QR code of " + text.length() + " characters", e);
        }
    }

    /** {@code text} as an image whose modules are {@code moduleSize} pixels square, quiet zone included. */
    static WritableImage image(String text, int moduleSize) {
        if (moduleSize < 1) {
            throw new IllegalArgumentException("moduleSize must be at least 1, was " + moduleSize);
        }
        BitMatrix modules = encode(text);
        int side = (modules.getWidth() + 2 * QUIET_ZONE) * moduleSize;
        WritableImage image = new WritableImage(side, side);
        PixelWriter pixels = image.getPixelWriter();
        for (int y = 0; y < side; y++) {
            int row = y / moduleSize - QUIET_ZONE;
            for (int x = 0; x < side; x++) {
                int column = x / moduleSize - QUIET_ZONE;
                boolean dark = row >= 0 && column >= 0 && row < modules.getHeight() && column < modules.getWidth()
                        && modules.get(column, row);
                pixels.setColor(x, y, dark ? DARK : LIGHT);
            }
        }
        return image;
    }

    /** A module size that makes the image about {@code wanted} pixels wide, at least 2 so a camera can resolve it. */
    static int moduleSizeFor(String text, double wanted) {
        int modules = encode(text).getWidth() + 2 * QUIET_ZONE;
        return Math.max(2, (int) Math.floor(wanted / modules));
    }
}
