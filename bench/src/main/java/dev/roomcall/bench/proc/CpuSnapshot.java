package dev.roomcall.bench.proc;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU ticks of every process of a tree at one moment. Two snapshots give the tree's CPU use in between:
 * processes are told apart by pid and start time, so a pid reused in between is not mistaken for the old process,
 * and a process born in between counts in full (all its time falls inside the window).
 *
 * @param nanos {@link System#nanoTime()} when the tree was read
 * @param ticks CPU ticks per process (key: pid and start time)
 */
public record CpuSnapshot(long nanos, Map<Key, Long> ticks) {

    /** Linux's USER_HZ: the unit of /proc's CPU times. 100 on every mainstream architecture. */
    public static final long TICKS_PER_SECOND = 100;

    /** One process, as opposed to one pid. */
    public record Key(int pid, long startTicks) {}

    public CpuSnapshot {
        ticks = Map.copyOf(ticks);
    }

    public static CpuSnapshot of(long nanos, List<ProcStat> tree) {
        Map<Key, Long> ticks = new HashMap<>();
        for (ProcStat stat : tree) {
            ticks.put(new Key(stat.pid(), stat.startTicks()), stat.cpuTicks());
        }
        return new CpuSnapshot(nanos, ticks);
    }

    /**
     * CPU used by the tree from {@code this} to {@code later}, in percent of one core (200 = two cores busy).
     * Time of processes that exited in between is lost: the kernel only keeps it for their parent once reaped.
     */
    public double percentOfOneCoreUntil(CpuSnapshot later) {
        long elapsedNanos = later.nanos - nanos;
        if (elapsedNanos <= 0) {
            throw new IllegalArgumentException("the later snapshot is not later");
        }
        long used = 0;
        for (Map.Entry<Key, Long> end : later.ticks.entrySet()) {
            used += Math.max(0, end.getValue() - ticks.getOrDefault(end.getKey(), 0L));
        }
        double seconds = elapsedNanos / 1e9;
        return 100.0 * used / TICKS_PER_SECOND / seconds;
    }
}
