package dev.roomcall.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class MediaOptionsTest {

    @Test
    void defaultsAreRealDevicesAt720p30WithAutoAudioAndThreeSeconds() {
        assertEquals(new MediaOptions(false, 1280, 720, 30, AudioMode.AUTO, Duration.ofSeconds(3)),
                MediaOptions.defaults());
    }

    @Test
    void withersChangeOneThing() {
        MediaOptions options = MediaOptions.defaults().withFakeMedia(true).withResolution(640, 360).withFps(15)
                .withAudioMode(AudioMode.HEADLESS).withDeviceTimeout(Duration.ofMillis(500));
        assertEquals(new MediaOptions(true, 640, 360, 15, AudioMode.HEADLESS, Duration.ofMillis(500)), options);
        assertTrue(options.fakeMedia());
    }

    @Test
    void nonsenseIsRefused() {
        MediaOptions defaults = MediaOptions.defaults();
        assertThrows(IllegalArgumentException.class, () -> defaults.withResolution(0, 720));
        assertThrows(IllegalArgumentException.class, () -> defaults.withFps(0));
        assertThrows(IllegalArgumentException.class, () -> defaults.withDeviceTimeout(Duration.ZERO));
        assertThrows(NullPointerException.class, () -> defaults.withAudioMode(null));
    }
}
