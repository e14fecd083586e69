package dev.roomcall.media;

import dev.roomcall.media.local.LocalMedia;
import dev.roomcall.media.render.Frame;
import dev.roomcall.media.render.FrameSource;
import dev.roomcall.media.session.ConnectionState;
import dev.roomcall.media.session.RecordingListener;
import dev.roomcall.media.session.TestCall;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MediaEngineTest {

    @Test
    void onlyOneEngineMayBeOpenInAProcess() {
        SharedEngine.get();
        IllegalStateException refused =
                assertThrows(IllegalStateException.class, () -> MediaEngine.start(SharedEngine.OPTIONS));
        assertTrue(refused.getMessage().contains("already open"), refused.getMessage());
    }

    @Test
    void fakeMediaSendsATestPatternAndAToneWithoutAnyDevice() {
        MediaEngine engine = SharedEngine.get();
        LocalMedia local = engine.localMedia();

        assertEquals(CameraState.FAKE, local.camera());
        assertTrue(local.hasMicrophone());
        assertTrue(local.headlessAudio());
        assertEquals(List.of(), engine.warnings(), "fake media is asked for, not a fallback");

        FrameSource preview = local.preview();
        try (FrameSource.Watch selfView = preview.watch()) {
            Await.until("preview frames", () -> preview.latest() != null);
            Frame first = preview.latest();
            long firstSequence = first.sequence();
            int firstPixels = first.bgra().getInt(0) ^ first.bgra().getInt(first.bgra().limit() / 2);
            assertEquals(SharedEngine.WIDTH, first.width());
            assertEquals(SharedEngine.HEIGHT, first.height());
            Await.until("a newer preview frame", () -> preview.framesReceived() > firstSequence + 1);
            Frame later = preview.latest();
            assertTrue(later.sequence() > firstSequence);
            assertNotEquals(0, firstPixels, "a picture, not a blank");
        }
    }

    /** Each sink on the camera's track costs a native copy of every frame, so the preview has one only while shown. */
    @Test
    void thePreviewTakesFramesFromTheCameraOnlyWhileWatched() throws InterruptedException {
        FrameSource preview = SharedEngine.get().localMedia().preview();
        long unwatched = preview.framesReceived();
        Thread.sleep(300); // four frame intervals of the 15 fps pattern
        assertEquals(unwatched, preview.framesReceived(), "no frames reach the preview while nobody watches it");

        try (FrameSource.Watch selfView = preview.watch()) {
            Await.until("frames once watched", () -> preview.framesReceived() > unwatched + 2 && preview.latest() != null);
        }
        long closed = preview.framesReceived();
        Thread.sleep(300);
        assertEquals(closed, preview.framesReceived(), "none once the last watch is closed");
        assertNull(preview.latest(), "and no picture is kept");
    }

    @Test
    void closeEndsEverySessionAndANewEngineCanStartAfterwards() {
        MediaEngine engine = SharedEngine.get();
        TestCall call = new TestCall(engine);
        call.connect();

        engine.close();
        engine.close();

        assertFalse(engine.isOpen());
        assertTrue(engine.sessions().isEmpty());
        Await.until("both sides told CLOSED",
                () -> call.aEvents.reached(ConnectionState.CLOSED) && call.bEvents.reached(ConnectionState.CLOSED));
        assertThrows(IllegalStateException.class, () -> engine.createSession(
                new SessionConfig(true, List.of()), CallExecutors.A, message -> { }, new RecordingListener()));

        MediaEngine next = SharedEngine.get();
        assertNotEquals(engine, next);
        try (TestCall again = new TestCall(next)) {
            again.connect();
            Await.until("video on the new engine", () -> again.b.remoteVideo().framesReceived() > 0);
        }
    }

    @Test
    void switchingTheCameraOffShowsThePeerTheSlateAndBackAgain() {
        MediaEngine engine = SharedEngine.get();
        LocalMedia local = engine.localMedia();
        try (TestCall call = new TestCall(engine)) {
            call.connect();
            Await.until("the test pattern", () -> isColourful(call.b.remoteVideo().latest()),
                    () -> describe(call.b.remoteVideo()));

            local.setCameraEnabled(false);
            local.setMicrophoneEnabled(false);

            assertFalse(local.cameraEnabled());
            assertFalse(local.microphoneEnabled());
            Await.until("the camera-off slate at the peer", () -> isSlate(call.b.remoteVideo().latest()),
                    () -> describe(call.b.remoteVideo()));

            local.setCameraEnabled(true);
            Await.until("the test pattern again", () -> isColourful(call.b.remoteVideo().latest()),
                    () -> describe(call.b.remoteVideo()));
            assertTrue(call.aEvents.errors.isEmpty() && call.bEvents.errors.isEmpty(), call.aEvents + " " + call.bEvents);
        } finally {
            local.setCameraEnabled(true);
            local.setMicrophoneEnabled(true);
        }
    }

    /** The slate is grey: blue, green and red stay within a few steps of each other everywhere. */
    private static boolean isSlate(Frame frame) {
        if (frame == null) {
            return false;
        }
        for (int i = 0; i < frame.bgra().limit(); i += 4 * 13) {
            int b = frame.bgra().get(i) & 0xFF;
            int r = frame.bgra().get(i + 2) & 0xFF;
            if (Math.abs(b - r) > 24) {
                return false;
            }
        }
        return true;
    }

    private static boolean isColourful(Frame frame) {
        return frame != null && !isSlate(frame);
    }

    private static String describe(FrameSource source) {
        Frame frame = source.latest();
        return frame == null ? "no frame" : "frames " + source.framesReceived() + ", first pixel B,G,R="
                + (frame.bgra().get(0) & 0xFF) + "," + (frame.bgra().get(1) & 0xFF) + "," + (frame.bgra().get(2) & 0xFF)
                + " middle B=" + (frame.bgra().get(frame.bgra().limit() / 2) & 0xFF);
    }

}
