package dev.roomcall.bench.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CapacityReportTest {

    /** 10,000 idle members and 500 pairs: 100 MiB of PSS and 90 MiB of live heap more than empty, 11,080 descriptors. */
    private static CapacityResult result(double heapBeforeMib, double heapIdleMib, double maxHeapMib) {
        double heapAfterMib = heapIdleMib + 1;
        List<CapacitySample> samples = List.of(
                new CapacitySample(10, 110, 49, 200, 11_080, 10_000, 50_000),
                new CapacitySample(20, 115, 49, 200, 11_080, 10_000, 50_000),
                new CapacitySample(30, 110, 49, 200, 11_080, 10_000, 50_000));
        return new CapacityResult("Roomcall", 10_000, 10_000, 10_000, null, 500, 5, 100, 60, 160,
                heapBeforeMib, heapIdleMib, heapAfterMib, maxHeapMib, 20_000, samples, new long[] {250, 1000, 2000, 5000},
                new SequenceChecker.Tally(500_000, 500_000, 0, 0, 0), 0, 25, 40);
    }

    @Test
    void perIdleMemberIsTheGrowthOverTheMembersStillOpen() {
        CapacityResult r = result(10, 100, 256);
        assertEquals(10.24, r.pssPerIdleKib(), 1e-9);
        assertEquals(9.216, r.heapPerIdleKib(), 1e-9);
    }

    @Test
    void theLimitsFollowFromDescriptorsHeapAndCpu() {
        String limits = CapacityReport.limits(result(10, 100, 256));
        // 20,000 descriptors, 80 not for members → 19,920 members; (256 − 10) MiB / 9.216 KiB → 27,333; 5,000 msgs/s at 25 %
        assertTrue(limits.contains("about 19,920 members"), limits);
        assertTrue(limits.contains("about 27,333 members"), limits);
        assertTrue(limits.contains("about 20,000 msgs/s"), limits);
    }

    @Test
    void nodeHasNoHeapLimitToReport() {
        String limits = CapacityReport.limits(result(Double.NaN, Double.NaN, Double.NaN));
        assertTrue(!limits.contains("the heap"), limits);
    }

    @Test
    void theTableShowsTheCountsThatMustBeZeroAndTheVerdicts() {
        String table = CapacityReport.table(List.of(result(10, 100, 256)));
        assertTrue(table.contains("| **lost / late or duplicate / misdelivered** | **0 / 0 / 0** of 500000 |"), table);
        assertTrue(table.contains("| threads min–max, growth, verdict | 49.0–49.0, +0.0 %, flat |"), table);
    }
}
