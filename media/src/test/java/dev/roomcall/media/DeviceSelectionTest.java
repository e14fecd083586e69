package dev.roomcall.media;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Choosing devices on an engine that has none of them: clear refusals, nothing changes. */
class DeviceSelectionTest {

    @Test
    void aCameraThatIsNotPluggedInIsRefusedAndThePictureStays() {
        MediaEngine engine = SharedEngine.get();
        MediaWarning refused = engine.select(DeviceKind.CAMERA, "/dev/video-that-is-not-there").orElseThrow();
        assertEquals(MediaWarning.DEVICE_NOT_FOUND, refused.code());
        assertEquals(CameraState.FAKE, engine.localMedia().camera());
        assertEquals(Optional.empty(), engine.selected(DeviceKind.CAMERA));
    }

    @Test
    void withoutSoundDevicesThereIsNoMicrophoneOrSpeakerToSwitchTo() {
        MediaEngine engine = SharedEngine.get();
        MediaWarning microphone = engine.select(DeviceKind.MICROPHONE, "mic-1").orElseThrow();
        MediaWarning speaker = engine.select(DeviceKind.SPEAKER, "speaker-1").orElseThrow();
        assertEquals(MediaWarning.DEVICE_SWITCH_FAILED, microphone.code());
        assertEquals(MediaWarning.DEVICE_SWITCH_FAILED, speaker.code());
        assertEquals(Optional.empty(), engine.selected(DeviceKind.MICROPHONE), "the choice is remembered only when it worked");
        assertEquals(Optional.empty(), engine.selected(DeviceKind.SPEAKER));
    }
}
