package dev.roomcall.app.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roomcall.media.CameraEncoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What each copy of the camera costs as the group grows (docs/architecture.md, "Group calls"). */
class GroupEncodingTest {

    @ParameterizedTest(name = "{0} others: 1/{1} size, {2} bit/s, {3} fps")
    @CsvSource({
        // others, scaleDownBy, maxBitrateBps (0: libwebrtc's own), maxFramerate (0: as captured)
        "0, 1, 0,       0",
        "1, 1, 0,       0",
        "2, 2, 350000, 24",
        "3, 2, 250000, 20",
        "7, 2, 250000, 20",
    })
    void eachCopyIsSmallerTheMoreCopiesThereAre(int others, double scale, int bitrate, int fps) {
        assertEquals(new CameraEncoding(scale, bitrate, fps), GroupEncoding.forOthers(others));
    }

    @Test
    void theUplinkNeverCarriesMoreForThreeThanForTwo() {
        CameraEncoding two = GroupEncoding.forOthers(2);
        CameraEncoding three = GroupEncoding.forOthers(3);
        assertEquals(true, 3L * three.maxBitrateBps() <= 2L * two.maxBitrateBps() + 100_000,
                "three copies at " + three + " against two at " + two);
    }

    @Test
    void aNegativeCountIsAMistake() {
        assertThrows(IllegalArgumentException.class, () -> GroupEncoding.forOthers(-1));
    }
}
