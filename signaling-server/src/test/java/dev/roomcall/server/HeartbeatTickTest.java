package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A sweep over all members is spread over the ping interval in ticks of a twentieth of it, 10 ms to 1 s long. */
class HeartbeatTickTest {

    @ParameterizedTest(name = "an interval of {0} ms is swept in ticks of {1} ms")
    @CsvSource({
            "20000, 1000", // the standalone default (60 s idle timeout): 20 slices, one a second
            "60000, 1000", // longer intervals: more slices, still one a second
            "10000,  500",
            "100,     10", // tests' short timeouts: ticks no shorter than 10 ms
            "30,      10",
    })
    void tickLength(long intervalMillis, long tickMillis) {
        assertEquals(tickMillis, Heartbeat.tickMillis(intervalMillis));
    }
}
