package dev.roomcall.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    @Test
    void doublesFromHalfASecondUpToTenSeconds() {
        List<Duration> expected = List.of(ms(500), ms(1000), ms(2000), ms(4000), ms(8000), ms(10_000), ms(10_000));
        for (int attempt = 0; attempt < expected.size(); attempt++) {
            assertEquals(expected.get(attempt), Backoff.DEFAULT.nominal(attempt), "attempt " + attempt);
            assertEquals(expected.get(attempt), Backoff.DEFAULT.delay(attempt, 0.0), "attempt " + attempt + " without jitter");
        }
    }

    @Test
    void staysAtTheCapHoweverManyAttemptsFailed() {
        assertEquals(ms(10_000), Backoff.DEFAULT.nominal(Integer.MAX_VALUE));
    }

    @Test
    void jitterOnlyShortensTheDelayByUpToItsShare() {
        Backoff backoff = new Backoff(ms(1000), ms(8000), 0.5);
        assertEquals(ms(1000), backoff.delay(0, 0.0));
        assertEquals(ms(750), backoff.delay(0, 0.5));
        assertEquals(ms(5000), backoff.delay(5, 0.75));
    }

    @Test
    void randomDelaysSpreadWithinTheJitterBand() {
        Set<Duration> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Duration d = Backoff.DEFAULT.delay(1);
            assertTrue(d.compareTo(ms(750)) >= 0 && d.compareTo(ms(1000)) <= 0, d::toString);
            seen.add(d);
        }
        assertTrue(seen.size() > 10, "jitter should vary the delay, saw " + seen.size() + " distinct values");
    }

    @Test
    void noJitterMeansExactDelays() {
        Backoff exact = new Backoff(ms(100), ms(400), 0);
        assertEquals(ms(400), exact.delay(2));
        assertEquals(ms(400), exact.delay(3));
    }

    @Test
    void rejectsNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, ms(1), 0));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(ms(10), ms(5), 0));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(ms(10), ms(50), 1.0));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(ms(10), ms(50), -0.1));
        assertThrows(IllegalArgumentException.class, () -> Backoff.DEFAULT.nominal(-1));
        assertThrows(IllegalArgumentException.class, () -> Backoff.DEFAULT.delay(0, 1.0));
    }
}
