package dev.roomcall.media.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceCatalogTest {
    /** Hang guard only: list() must come back, however long the platform takes. */
    private static final Duration NEVER_HANGS = Duration.ofSeconds(15);

    @Test
    void aHangingAudioSystemCostsOnlyTheTimeout() {
        FakeDevices devices = new FakeDevices(true, List.of(FakeDevices.camera("cam")));
        DeviceCatalog catalog = new DeviceCatalog(devices, Duration.ofMillis(300), "hanging-audio-test");
        try {
            DeviceListing first = assertTimeoutPreemptively(NEVER_HANGS, catalog::list);
            DeviceListing second = assertTimeoutPreemptively(NEVER_HANGS, catalog::list);

            assertFalse(first.audioAnswered());
            assertTrue(first.microphones().isEmpty());
            assertTrue(first.speakers().isEmpty());
            assertTrue(first.videoAnswered(), "cameras are listed even though audio hangs");
            assertEquals(List.of(new DeviceInfo("cam", "/dev/fake-cam")), first.cameras());
            assertEquals(first, second);
            assertEquals(1, devices.microphoneQueries.get(), "a stuck query is waited on, not started again");
            assertFalse(catalog.audioSystemAnswers());
        } finally {
            devices.audioHangsUntil.countDown();
        }
    }

    @Test
    void anAnsweringAudioSystemIsListed() {
        DeviceCatalog catalog = new DeviceCatalog(new FakeDevices(false, List.of()), Duration.ofSeconds(5), "answering-test");

        DeviceListing listing = catalog.list();

        assertTrue(listing.audioAnswered());
        assertEquals(List.of(new DeviceInfo("Fake microphone", "mic-1")), listing.microphones());
        assertEquals(List.of(new DeviceInfo("Fake speaker", "speaker-1")), listing.speakers());
        assertTrue(listing.cameras().isEmpty());
        assertTrue(catalog.audioSystemAnswers());
    }

    @Test
    void thePlatformCatalogReturnsWhateverTheMachineHas() {
        // On this machine PulseAudio is not running by default, and libwebrtc's query then never returns.
        DeviceListing listing = assertTimeoutPreemptively(NEVER_HANGS,
                () -> new DeviceCatalog(Duration.ofSeconds(1)).list());

        assertNotNull(listing.cameras());
        assertTrue(listing.audioAnswered() || listing.microphones().isEmpty());
    }
}
