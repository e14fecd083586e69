package dev.roomcall.media;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Choosing another camera during a call: the peer's picture changes without renegotiation and the preview
 * follows. Here the "other camera" is a synthetic source painted one flat colour, told apart by its pixels.
 */
class CameraSwitchTest {

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

    @Test
    void thePeerAndThePreviewShowTheNewCameraAndTheOfferIsNotRepeated() {
        MediaEngine engine = SharedEngine.get();
        LocalMedia media = engine.localMedia();
        try (TestCall call = new TestCall(engine)) {
            call.a.start(true);
            call.b.start(false);
            call.awaitConnected();
            Await.until("the pattern at b", () -> call.b.remoteVideo().framesReceived() > 5);
            long offers = call.toB.sentCount(dev.roomcall.signaling.SignalMessage.Offer.class);

            SyntheticVideo blue = new SyntheticVideo("blue-camera", BLUE, SharedEngine.WIDTH, SharedEngine.HEIGHT, 15, true);
            blue.start();
            media.replaceCamera(new LocalMedia.Input<>(blue.source(), blue::close), CameraState.DEVICE, "blue");
            try {
                Await.until("b sees the blue camera", () -> mostlyBlue(call.b.remoteVideo().latest()),
                        () -> "latest " + call.b.remoteVideo().latest());
                Await.until("the preview shows the blue camera", () -> mostlyBlue(media.preview().latest()));
                assertTrue(call.toB.sentCount(dev.roomcall.signaling.SignalMessage.Offer.class) == offers,
                        "replacing a track needs no new offer");
                assertTrue("blue".equals(media.cameraId()));
            } finally {
                // Leave the shared engine as other tests expect it: the moving test pattern.
                SyntheticVideo pattern = new SyntheticVideo("fake-camera", new TestPattern(), SharedEngine.WIDTH,
                        SharedEngine.HEIGHT, 15, true);
                pattern.start();
                media.replaceCamera(new LocalMedia.Input<>(pattern.source(), pattern::close), CameraState.FAKE, null);
            }
            Await.until("b sees the pattern again", () -> !mostlyBlue(call.b.remoteVideo().latest()));
        }
    }

    /** BGRA: blue channel well above red and green in most sampled pixels. */
    private static boolean mostlyBlue(Frame frame) {
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
}
