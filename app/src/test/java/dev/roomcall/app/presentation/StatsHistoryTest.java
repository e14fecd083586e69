package dev.roomcall.app.presentation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roomcall.media.stats.CallStats;
import org.junit.jupiter.api.Test;

class StatsHistoryTest {

    /** A snapshot with the counters that matter here; 1 s of 1 Mbit/s in is 125 000 bytes. */
    private static CallStats stats(long bytesIn, long bytesOut, double rttMs, long lost, long received) {
        return new CallStats(0, 0, bytesIn, bytesOut, 0, 640, 360, 30, rttMs, "VP8", lost, "host", received, 0, 0);
    }

    @Test
    void ratesComeFromTheDifferenceToTheSnapshotBefore() {
        StatsHistory history = new StatsHistory();
        history.add(stats(0, 0, 20, 0, 0), 0);
        StatsSummary second = history.add(stats(125_000, 62_500, 25, 10, 990), 1_000);

        assertEquals(1000, second.kbpsIn(), 1e-9);
        assertEquals(500, second.kbpsOut(), 1e-9);
        assertEquals(25, second.rttMs());
        assertEquals(1.0, second.lossPercent(), 1e-9, "10 lost of 1000 expected");
        assertEquals("VP8", second.codec());
        assertEquals(640, second.width());
    }

    @Test
    void onlyTheLastMinuteIsKept() {
        StatsHistory history = new StatsHistory();
        for (int second = 0; second <= 90; second++) {
            history.add(stats(second * 10_000L, 0, second, 0, 0), second * 1_000L);
        }
        assertEquals(61, history.size(), "60 s back from the newest, both ends included");
        double[] rtt = history.values(StatsHistory.Series.RTT_MS);
        assertEquals(30, rtt[0], "oldest kept: second 30");
        assertEquals(90, rtt[rtt.length - 1]);
        assertEquals(80, history.values(StatsHistory.Series.KBPS_IN)[5], 1e-9);
    }

    @Test
    void countersThatGoBackwardsStartTheRatesOverInsteadOfGoingNegative() {
        StatsHistory history = new StatsHistory();
        history.add(stats(1_000_000, 1_000_000, 10, 50, 5_000), 0);
        StatsSummary fresh = history.add(stats(2_000, 1_000, 12, 0, 20), 1_000);
        assertEquals(0, fresh.kbpsIn());
        assertEquals(0, fresh.kbpsOut());
        assertEquals(0, fresh.lossPercent());
    }

    @Test
    void qualityUsesTheNewestRoundTripAndTheRecentLoss() {
        StatsHistory history = new StatsHistory();
        assertEquals(NetworkQuality.UNKNOWN, history.quality(), "nothing measured yet");
        history.add(stats(0, 0, 30, 0, 0), 0);
        history.add(stats(0, 0, 30, 0, 1_000), 1_000);
        assertEquals(NetworkQuality.GOOD, history.quality());
        history.add(stats(0, 0, 30, 100, 1_900), 2_000); // 100 of 1000 lost in the last second
        assertEquals(NetworkQuality.FAIR, history.quality(), "one bad second among good ones");
        history.add(stats(0, 0, 30, 200, 2_800), 3_000);
        history.add(stats(0, 0, 30, 300, 3_700), 4_000);
        assertEquals(NetworkQuality.POOR, history.quality(), "10 % loss for three seconds");
        history.add(stats(0, 0, 500, 300, 4_700), 5_000);
        assertEquals(NetworkQuality.POOR, history.quality(), "half a second round trip");

        history.clear();
        assertEquals(0, history.size());
        assertEquals(NetworkQuality.UNKNOWN, history.quality());
        assertArrayEquals(new double[0], history.values(StatsHistory.Series.KBPS_OUT));
    }
}
