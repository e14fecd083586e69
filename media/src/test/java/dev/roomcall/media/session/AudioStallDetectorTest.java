package dev.roomcall.media.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AudioStallDetectorTest {
    private static final long SECOND = 1_000_000_000L;
    private final AudioStallDetector detector = new AudioStallDetector(Duration.ofSeconds(3));

    @Test
    void soundThatStopsComingIsAStallOnceAndItsReturnIsSaidToo() {
        assertEquals(Optional.empty(), detector.sample(0, 10));
        assertEquals(Optional.empty(), detector.sample(SECOND, 60));
        assertEquals(Optional.empty(), detector.sample(3 * SECOND, 60), "two seconds without growth is not yet a stall");
        assertEquals(Optional.of(AudioStallDetector.Change.STALLED), detector.sample(4 * SECOND, 60));
        assertEquals(Optional.empty(), detector.sample(9 * SECOND, 60), "said once");
        assertEquals(Optional.of(AudioStallDetector.Change.RESUMED), detector.sample(10 * SECOND, 61));
        assertEquals(Optional.empty(), detector.sample(11 * SECOND, 62));
    }

    @Test
    void countersThatNeverMovedSayNothing() {
        detector.sample(0, 0);
        assertEquals(Optional.empty(), detector.sample(60 * SECOND, 0));
    }
}
