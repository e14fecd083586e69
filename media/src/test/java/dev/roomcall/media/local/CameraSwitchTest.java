package dev.roomcall.media.local;

import static dev.roomcall.media.synthetic.TestSources.mostlyBlue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roomcall.media.Await;
import dev.roomcall.media.CameraState;
import dev.roomcall.media.MediaEngine;
import dev.roomcall.media.SharedEngine;
import dev.roomcall.media.render.FrameSource;
import dev.roomcall.media.session.TestCall;
import dev.roomcall.media.synthetic.SyntheticVideo;
import dev.roomcall.media.synthetic.TestSources;
import dev.roomcall.signaling.SignalMessage;
import org.junit.jupiter.api.Test;

/**
 * Choosing another camera during a call: the peer's picture changes without renegotiation and the preview
 * follows. Here the "other camera" is a synthetic source painted one flat colour, told apart by its pixels.
 */
class CameraSwitchTest {

    @Test
    void thePeerAndThePreviewShowTheNewCameraAndTheOfferIsNotRepeated() {
        MediaEngine engine = SharedEngine.get();
        LocalMedia media = engine.localMedia();
        try (TestCall call = new TestCall(engine); FrameSource.Watch selfView = media.preview().watch()) {
            call.connect();
            Await.until("the pattern at b", () -> call.b.remoteVideo().framesReceived() > 5);
            long offers = call.toB.sentCount(SignalMessage.Offer.class);

            SyntheticVideo blue = TestSources.blue("blue-camera", SharedEngine.WIDTH, SharedEngine.HEIGHT, 15);
            blue.start();
            media.replaceCamera(new LocalMedia.Input<>(blue.source(), blue::close), CameraState.DEVICE);
            try {
                Await.until("b sees the blue camera", () -> mostlyBlue(call.b.remoteVideo().latest()),
                        () -> "latest " + call.b.remoteVideo().latest());
                Await.until("the preview shows the blue camera", () -> mostlyBlue(media.preview().latest()));
                assertEquals(offers, call.toB.sentCount(SignalMessage.Offer.class), "replacing a track needs no new offer");
            } finally {
                // Leave the shared engine as other tests expect it: the moving test pattern.
                SyntheticVideo pattern = TestSources.pattern("fake-camera", SharedEngine.WIDTH, SharedEngine.HEIGHT, 15);
                pattern.start();
                media.replaceCamera(new LocalMedia.Input<>(pattern.source(), pattern::close), CameraState.FAKE);
            }
            Await.until("b sees the pattern again", () -> !mostlyBlue(call.b.remoteVideo().latest()));
        }
    }
}
