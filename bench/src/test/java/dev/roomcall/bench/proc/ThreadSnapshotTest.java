package dev.roomcall.bench.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ThreadSnapshotTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void eachThreadsTicksOverTheWindowArePercentOfOneCore() {
        ThreadSnapshot start = new ThreadSnapshot(0, List.of(process(10, 1, "java", 1000,
                thread(10, 1, "java", 400), thread(11, 2, "EncoderQueue", 600))));
        // 10 s later: EncoderQueue +800 ticks (80 % of a core), main +0
        ThreadSnapshot end = new ThreadSnapshot(10 * SECOND, List.of(process(10, 1, "java", 1800,
                thread(10, 1, "java", 400), thread(11, 2, "EncoderQueue", 1400))));

        CpuProfile profile = start.until(end);

        assertEquals(List.of(new ThreadCpu("java", "java", 10, 0.0), new ThreadCpu("java", "EncoderQueue", 11, 80.0)),
                profile.threads());
        assertEquals(80.0, profile.total(), 1e-9);
        assertEquals(10.0, profile.seconds(), 1e-9);
    }

    @Test
    void aThreadBornInTheWindowCountsInFullAndAReusedTidIsANewThread() {
        ThreadSnapshot start = new ThreadSnapshot(0, List.of(process(10, 1, "java", 900,
                thread(10, 1, "java", 100), thread(12, 5, "old", 800))));
        ThreadSnapshot end = new ThreadSnapshot(SECOND, List.of(process(10, 1, "java", 960,
                thread(10, 1, "java", 110),   // +10
                thread(12, 90, "new", 50))));  // tid 12 reused: +50, not -750

        assertEquals(Map.of("java", 10.0, "new", 50.0),
                start.until(end).byGroup(ThreadCpu::thread));
    }

    @Test
    void timeOfThreadsThatEndedInTheWindowIsItsOwnRow() {
        ThreadSnapshot start = new ThreadSnapshot(0, List.of(process(10, 1, "java", 500,
                thread(10, 1, "java", 100), thread(11, 2, "short-lived", 400))));
        // The process grew by 300 ticks, its one live thread by 100: 200 belonged to threads that have ended.
        ThreadSnapshot end = new ThreadSnapshot(10 * SECOND, List.of(process(10, 1, "java", 800,
                thread(10, 1, "java", 200))));

        assertEquals(List.of(new ThreadCpu("java", "java", 10, 10.0), new ThreadCpu("java", ThreadCpu.ENDED, 0, 20.0)),
                start.until(end).threads());
    }

    @Test
    void aTickOfRoundingPerThreadIsNotAnEndedThread() {
        ThreadSnapshot start = new ThreadSnapshot(0, List.of(process(10, 1, "java", 100,
                thread(10, 1, "a", 50), thread(11, 1, "b", 50))));
        ThreadSnapshot end = new ThreadSnapshot(SECOND, List.of(process(10, 1, "java", 302,
                thread(10, 1, "a", 150), thread(11, 1, "b", 150))));
        assertEquals(2, start.until(end).threads().size());
    }

    @Test
    void aProcessBornInTheWindowCountsInFull() {
        ThreadSnapshot start = new ThreadSnapshot(0, List.of(process(10, 1, "browser", 0, thread(10, 1, "chromium", 0))));
        ThreadSnapshot end = new ThreadSnapshot(SECOND, List.of(
                process(10, 1, "browser", 5, thread(10, 1, "chromium", 5)),
                process(20, 40, "renderer", 30, thread(20, 40, "chromium", 10), thread(21, 41, "Compositor", 20))));

        assertEquals(Map.of("browser", 5.0, "renderer", 30.0), start.until(end).byGroup(ThreadCpu::process));
    }

    @Test
    void aLaterSnapshotMustBeLater() {
        ThreadSnapshot s = new ThreadSnapshot(5, List.of());
        assertThrows(IllegalArgumentException.class, () -> s.until(s));
    }

    private static ThreadSnapshot.Process process(int pid, long start, String label, long ticks, ThreadSnapshot.Thread... threads) {
        return new ThreadSnapshot.Process(pid, start, label, ticks, List.of(threads));
    }

    private static ThreadSnapshot.Thread thread(int tid, long start, String name, long ticks) {
        return new ThreadSnapshot.Thread(tid, start, name, ticks);
    }
}
