package dev.roomcall.app.ui.home;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.Result;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import dev.roomcall.app.ui.Screenshots;
import javafx.scene.image.WritableImage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

class QrCodeTest {

    private static final String LINK = "http://192.168.1.20:3000/#abcd-efgh-jkmnp";

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    /** Reads a QR code back from pixels, as a phone camera would; public so screen tests can scan whole windows. */
    static String scan(WritableImage image) throws Exception {
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(
                new RGBLuminanceSource(width, height, Screenshots.argb(image))));
        Result result = new QRCodeReader().decode(bitmap);
        return result.getText();
    }

    @Test
    void theDrawnImageScansBackToTheLink() throws Exception {
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> QrCode.image(LINK, 4)).get();
        assertEquals(LINK, scan(image));
    }

    @Test
    void modulesAreWholePixelSquaresWithAQuietZone() throws Exception {
        int modules = QrCode.encode(LINK).getWidth();
        WritableImage image = WaitForAsyncUtils.asyncFx(() -> QrCode.image(LINK, 3)).get();

        assertEquals((modules + 2 * QrCode.QUIET_ZONE) * 3, (int) image.getWidth());
        int[] pixels = Screenshots.argb(image);
        int side = (int) image.getWidth();
        for (int i = 0; i < QrCode.QUIET_ZONE * 3; i++) {
            assertEquals(0xffffffff, pixels[i * side + i], "the margin is white");
        }
        int corner = QrCode.QUIET_ZONE * 3;
        assertEquals(pixels[corner * side + corner], pixels[(corner + 2) * side + corner + 2],
                "a module is one colour throughout");
        assertEquals(0xff0d1117, pixels[corner * side + corner], "a finder pattern starts dark");
    }

    @Test
    void aModuleSizeIsChosenForTheWantedWidthButNeverBelowTwoPixels() {
        int modules = QrCode.encode(LINK).getWidth() + 2 * QrCode.QUIET_ZONE;
        assertEquals(196 / modules, QrCode.moduleSizeFor(LINK, 196));
        assertEquals(2, QrCode.moduleSizeFor(LINK, 10));
    }

    @Test
    void anEmptyPictureIsNotMistakenForACode() throws Exception {
        WritableImage blank = WaitForAsyncUtils.asyncFx(() -> new WritableImage(120, 120)).get();
        assertThrows(NotFoundException.class, () -> scan(blank));
    }
}
