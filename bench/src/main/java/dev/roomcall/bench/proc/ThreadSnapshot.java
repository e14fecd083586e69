package dev.roomcall.bench.proc;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU ticks of every thread of a process tree at one moment. Two snapshots give each thread's CPU use in between
 * (a {@link CpuProfile}). Like processes, threads are told apart by id and start time, and a thread born inside the
 * window counts in full.
 *
 * @param nanos     {@link System#nanoTime()} when the tree was read
 * @param processes every process of the tree with its threads
 */
public record ThreadSnapshot(long nanos, List<Process> processes) {

    /** One thread: id, start time, name and utime + stime so far. */
    public record Thread(int tid, long startTicks, String name, long ticks) {}

    /**
     * One process: its label (what kind of process it is), its own utime + stime (which includes threads that have
     * ended) and its live threads.
     */
    public record Process(int pid, long startTicks, String label, long ticks, List<Thread> threads) {
        public Process {
            threads = List.copyOf(threads);
        }
    }

    public ThreadSnapshot {
        processes = List.copyOf(processes);
    }

    /**
     * Each thread's CPU from {@code this} to {@code later}, in percent of one core, with one {@link ThreadCpu#ENDED}
     * row per process whose own total grew more than its live threads' did (threads that ended in between).
     */
    public CpuProfile until(ThreadSnapshot later) {
        long elapsedNanos = later.nanos - nanos;
        if (elapsedNanos <= 0) {
            throw new IllegalArgumentException("the later snapshot is not later");
        }
        double ticksToPercent = 100.0 / CpuSnapshot.TICKS_PER_SECOND / (elapsedNanos / 1e9);
        Map<CpuSnapshot.Key, Process> before = new HashMap<>();
        processes.forEach(p -> before.put(new CpuSnapshot.Key(p.pid(), p.startTicks()), p));
        List<ThreadCpu> rows = new ArrayList<>();
        for (Process end : later.processes) {
            Process start = before.get(new CpuSnapshot.Key(end.pid(), end.startTicks()));
            Map<CpuSnapshot.Key, Long> startThreads = new HashMap<>();
            if (start != null) {
                start.threads().forEach(t -> startThreads.put(new CpuSnapshot.Key(t.tid(), t.startTicks()), t.ticks()));
            }
            long threadsUsed = 0;
            for (Thread t : end.threads()) {
                long used = Math.max(0, t.ticks() - startThreads.getOrDefault(new CpuSnapshot.Key(t.tid(), t.startTicks()), 0L));
                threadsUsed += used;
                rows.add(new ThreadCpu(end.label(), t.name(), t.tid(), used * ticksToPercent));
            }
            long processUsed = end.ticks() - (start == null ? 0 : start.ticks());
            // Per-thread ticks are rounded down one by one, so a tick or two per window is rounding, not a thread.
            if (processUsed - threadsUsed > end.threads().size()) {
                rows.add(new ThreadCpu(end.label(), ThreadCpu.ENDED, 0, (processUsed - threadsUsed) * ticksToPercent));
            }
        }
        return new CpuProfile(elapsedNanos / 1e9, rows);
    }
}
