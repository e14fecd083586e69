package dev.roomcall.media.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roomcall.media.Await;
import dev.roomcall.media.CameraEncoding;
import dev.roomcall.media.SharedEngine;
import dev.roomcall.media.render.Frame;
import dev.roomcall.media.render.FrameSource;
import org.junit.jupiter.api.Test;

/** A session's camera limits reach the encoder: the peer decodes the smaller picture, and the full one again after. */
class CameraLimitsCallTest {

    @Test
    void theCameraIsSentAtHalfSizeWhileLimitedAndAtFullSizeAfter() {
        try (TestCall call = new TestCall(SharedEngine.get())) {
            // Set before start, as a call does for a session that joins a group: it holds from the first frame.
            call.a.limitCamera(new CameraEncoding(2, 300_000, 15));
            call.connect();

            FrameSource atB = call.b.remoteVideo();
            awaitSize(atB, SharedEngine.WIDTH / 2, SharedEngine.HEIGHT / 2);
            // Not just the encoder's cautious start: two seconds later it is still half the size.
            long seen = atB.framesReceived();
            Await.until("30 more frames", () -> atB.framesReceived() >= seen + 30, () -> "got " + atB.framesReceived());
            Frame later = atB.latest();
            assertEquals(SharedEngine.WIDTH / 2, later.width(), later.toString());
            assertEquals(SharedEngine.HEIGHT / 2, later.height(), later.toString());

            call.a.limitCamera(CameraEncoding.FULL);
            awaitSize(atB, SharedEngine.WIDTH, SharedEngine.HEIGHT);
        }
    }

    private static void awaitSize(FrameSource remote, int width, int height) {
        Await.until("a " + width + "x" + height + " remote frame", () -> {
            Frame frame = remote.latest();
            return frame != null && frame.width() == width && frame.height() == height;
        }, () -> "latest " + remote.latest());
    }
}
