package dev.roomcall.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** Choosing devices on an engine that has none of them: clear refusals, nothing changes. */
class DeviceSelectionTest {

    @Test
    void aCameraThatIsNotPluggedInIsRefusedAndThePictureStays() {
        MediaEngine engine = SharedEngine.get();
        MediaWarning refused = engine.selectCamera("/dev/video-that-is-not-there").orElseThrow();
        assertEquals(MediaWarning.DEVICE_NOT_FOUND, refused.code());
        assertEquals(CameraState.FAKE, engine.localMedia().camera());
        assertNull(engine.localMedia().cameraId());
    }

    @Test
    void withoutSoundDevicesThereIsNoMicrophoneOrSpeakerToSwitchTo() {
        MediaEngine engine = SharedEngine.get();
        MediaWarning microphone = engine.selectMicrophone("mic-1").orElseThrow();
        MediaWarning speaker = engine.selectSpeaker("speaker-1").orElseThrow();
        assertEquals(MediaWarning.DEVICE_SWITCH_FAILED, microphone.code());
        assertEquals(MediaWarning.DEVICE_SWITCH_FAILED, speaker.code());
        assertNull(engine.microphoneId(), "the choice is remembered only when it worked");
        assertNull(engine.speakerId());
    }
}
