package dev.roomcall.bench.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProcStatTest {

    @Test
    void readsParentCpuTimesAndStartTimeFromAStatLine() {
        ProcStat stat = ProcStat.parse("24910 (cat) R 24396 24396 10109 0 -1 4194304 102 0 0 0 7 3 0 0 20 0 1 0 277763 "
                + "3133440 388 18446744073709551615 94079626809344 94079626829225 140722866134032 0 0 0 0 0 0 0 0 0 17 1 0 0");
        assertEquals(new ProcStat(24910, "cat", 24396, 7, 3, 277763), stat);
        assertEquals(10, stat.cpuTicks());
    }

    @Test
    void aCommandNameWithSpacesAndParenthesesDoesNotShiftTheFields() {
        ProcStat stat = ProcStat.parse("77 (Web Content (x)) S 1 77 77 0 -1 0 0 0 0 0 120 45 0 0 20 0 30 0 999 0 0");
        assertEquals("Web Content (x)", stat.command());
        assertEquals(1, stat.parent());
        assertEquals(165, stat.cpuTicks());
        assertEquals(999, stat.startTicks());
    }

    @Test
    void somethingElseIsRefusedWithTheLineInTheMessage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProcStat.parse("hello world"));
        assertEquals("not a /proc/<pid>/stat line: hello world", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ProcStat.parse("1 (x) S 0 1 2"));
    }
}
