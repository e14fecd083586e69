package dev.roomcall.media.screen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A share is sent at its own size up to the cap, keeping its shape, at 5 to 15 frames a second. */
class ShareSettingsTest {

    @ParameterizedTest(name = "{0}x{1} -> {2}x{3}")
    @CsvSource({
            "1280, 720, 1280, 720",
            "1920, 1080, 1920, 1080",
            "3840, 2160, 1920, 1080",
            "2560, 1440, 1920, 1080",
            "1920, 1200, 1728, 1080",
            "801, 601, 800, 600",
            "5120, 1440, 1920, 540",
    })
    void sendsNativeSizeUpToTheCap(int width, int height, int sentWidth, int sentHeight) {
        assertArrayEquals(new int[] {sentWidth, sentHeight}, ShareSettings.DEFAULT.sentSize(width, height));
    }

    @Test
    void refusesRatesOutsideFiveToFifteenWithAClearMessage() {
        IllegalArgumentException tooFast = assertThrows(IllegalArgumentException.class,
                () -> new ShareSettings(1920, 1080, 30, 2_000_000));
        assertTrue(tooFast.getMessage().contains("5 to 15"), tooFast.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ShareSettings(1920, 1080, 4, 2_000_000));
        assertThrows(IllegalArgumentException.class, () -> new ShareSettings(8, 8, 10, 2_000_000));
        assertThrows(IllegalArgumentException.class, () -> new ShareSettings(1920, 1080, 10, 1000));
    }
}
