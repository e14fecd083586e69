package dev.roomcall.media.local;

import dev.roomcall.media.AudioMode;
import dev.roomcall.media.Await;
import dev.roomcall.media.CameraState;
import dev.roomcall.media.MediaOptions;
import dev.roomcall.media.MediaWarning;
import dev.roomcall.media.SharedEngine;
import dev.roomcall.media.render.Frame;
import dev.roomcall.media.render.FrameSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What real-device mode sends when the devices are not there. */
class LocalMediaOpenerTest {
    private static final MediaOptions REAL_HEADLESS = MediaOptions.defaults().withResolution(320, 180)
            .withAudioMode(AudioMode.HEADLESS).withDeviceTimeout(Duration.ofMillis(500));

    @Test
    void noCameraMeansTheCameraOffSlateAndAWarning() {
        List<MediaWarning> warnings = new ArrayList<>();
        LocalMedia local = open(new FakeDevices(false, List.of()), warnings, "no-camera");
        try {
            assertEquals(CameraState.NONE, local.camera());
            assertEquals(List.of(MediaWarning.NO_CAMERA), warnings.stream().map(MediaWarning::code).toList());
            assertFalse(local.hasMicrophone(), "headless audio: nothing to send");
            assertSlateShown(local);
        } finally {
            local.dispose();
        }
    }

    @Test
    void aCameraThatCannotStartMeansTheSlateAndAWarning() {
        List<MediaWarning> warnings = new ArrayList<>();
        LocalMedia local = open(new FakeDevices(false, List.of(FakeDevices.camera("ghost"))), warnings, "ghost-camera");
        try {
            assertEquals(CameraState.NONE, local.camera());
            assertEquals(List.of(MediaWarning.CAMERA_FAILED), warnings.stream().map(MediaWarning::code).toList());
            assertSlateShown(local);
        } finally {
            local.dispose();
        }
    }

    private static LocalMedia open(FakeDevices devices, List<MediaWarning> warnings, String key) {
        DeviceCatalog catalog = new DeviceCatalog(devices, REAL_HEADLESS.deviceTimeout(), key);
        AudioSetup audio = AudioSetup.choose(REAL_HEADLESS, catalog);
        audio.dispose(); // only its decision is needed; the shared engine's factory has its own module
        return LocalMediaOpener.open(SharedEngine.factory(), REAL_HEADLESS, catalog, audio, warnings::add).media();
    }

    private static void assertSlateShown(LocalMedia local) {
        Frame frame;
        try (FrameSource.Watch selfView = local.preview().watch()) {
            Await.until("a slate frame in the preview", () -> local.preview().latest() != null);
            frame = local.preview().latest();
        }
        assertEquals(320, frame.width());
        assertEquals(180, frame.height());
        int corner = frame.bgra().get(0) & 0xFF;
        assertTrue(corner > 5 && corner < 40, "dark but not black background, was " + corner);
        boolean brighterText = false;
        for (int i = 0; i < frame.bgra().limit(); i += 4) {
            brighterText |= (frame.bgra().get(i) & 0xFF) > 120;
        }
        assertTrue(brighterText, "the words are visible");
    }
}
