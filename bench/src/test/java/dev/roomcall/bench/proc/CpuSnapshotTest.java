package dev.roomcall.bench.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class CpuSnapshotTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void ticksUsedOverWallTimeIsPercentOfOneCore() {
        CpuSnapshot start = CpuSnapshot.of(0, List.of(stat(10, 100, 1000), stat(11, 100, 50)));
        // 10 s later: +300 ticks in 10, +200 in 11 = 5 s of CPU in 10 s
        CpuSnapshot end = CpuSnapshot.of(10 * SECOND, List.of(stat(10, 100, 1300), stat(11, 100, 250)));
        assertEquals(50.0, start.percentOfOneCoreUntil(end), 1e-9);
    }

    @Test
    void aBusyTreeCanUseMoreThanOneCore() {
        CpuSnapshot start = CpuSnapshot.of(0, List.of(stat(10, 1, 0), stat(11, 1, 0)));
        CpuSnapshot end = CpuSnapshot.of(SECOND, List.of(stat(10, 1, 100), stat(11, 1, 80)));
        assertEquals(180.0, start.percentOfOneCoreUntil(end), 1e-9);
    }

    @Test
    void aProcessBornInTheWindowCountsInFullAndAReusedPidIsANewProcess() {
        CpuSnapshot start = CpuSnapshot.of(0, List.of(stat(10, 1, 500), stat(12, 7, 900)));
        CpuSnapshot end = CpuSnapshot.of(2 * SECOND, List.of(
                stat(10, 1, 520),   // +20
                stat(11, 50, 30),   // new: +30
                stat(12, 60, 10))); // pid 12 reused by a new process: +10, not -890
        assertEquals(30.0, start.percentOfOneCoreUntil(end), 1e-9);
    }

    @Test
    void aLaterSnapshotMustBeLater() {
        CpuSnapshot s = CpuSnapshot.of(5, List.of());
        assertThrows(IllegalArgumentException.class, () -> s.percentOfOneCoreUntil(s));
    }

    private static ProcStat stat(int pid, long start, long ticks) {
        return new ProcStat(pid, "x", 1, ticks, 0, start);
    }
}
