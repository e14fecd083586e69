package dev.roomcall.bench.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LatencyTimelineTest {

    private static final long START = 1_000_000L; // 1970-01-01T00:16:40Z

    @Test
    void eachSlotKeepsItsWorstLatencyAndCountsItsArrivals() {
        LatencyTimeline timeline = new LatencyTimeline(START, 100, 3);
        timeline.record(START + 10, 90);
        timeline.record(START + 99, 250_000);
        timeline.record(START + 150, 120);
        assertEquals("""
                slot_start_utc,arrivals,max_latency_us
                1970-01-01T00:16:40Z,2,250000
                1970-01-01T00:16:40.100Z,1,120
                1970-01-01T00:16:40.200Z,0,0
                """, timeline.csv());
    }

    @Test
    void arrivalsBeforeTheStartOrAfterTheLastSlotAreLeftOut() {
        LatencyTimeline timeline = new LatencyTimeline(START, 100, 1);
        timeline.record(START - 1, 5);
        timeline.record(START + 100, 7);
        assertEquals("slot_start_utc,arrivals,max_latency_us\n1970-01-01T00:16:40Z,0,0\n", timeline.csv());
    }

    @Test
    void aTimelineNeedsSlots() {
        assertThrows(IllegalArgumentException.class, () -> new LatencyTimeline(START, 0, 10));
        assertThrows(IllegalArgumentException.class, () -> new LatencyTimeline(START, 100, 0));
    }
}
