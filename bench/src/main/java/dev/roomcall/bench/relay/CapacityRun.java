package dev.roomcall.bench.relay;

import dev.roomcall.bench.proc.CpuSnapshot;
import dev.roomcall.bench.proc.Jcmd;
import dev.roomcall.bench.proc.TreeProbe;
import dev.roomcall.signaling.Protocol;
import dev.roomcall.testkit.ListeningProcess;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.HdrHistogram.Histogram;

/**
 * One relay's capacity run: weigh it empty, open the idle members and weigh it again, then run the active pairs for
 * the given time while looking at heap, threads, PSS and file descriptors every few seconds; then count what the
 * pairs lost or got wrong.
 *
 * @param idle       idle members (two per room)
 * @param pairs      active rooms of two
 * @param perSecond  messages each active member sends a second
 * @param duration   how long the pairs send
 * @param every      how often the relay is looked at
 * @param warmup     sending before the latencies count: from the first look at or after it
 * @param sources    loopback source addresses for the idle members
 */
record CapacityRun(TreeProbe probe, int idle, int pairs, double perSecond, Duration duration, Duration every,
                   Duration warmup, int sources) {

    /** Slots of the latency timeline each run writes beside the report. */
    static final long TIMELINE_SLOT_MILLIS = 100;

    /** @param timelineFile where the worst latency per {@value #TIMELINE_SLOT_MILLIS} ms of the run goes (CSV) */
    CapacityResult run(ListeningProcess relay, boolean jvm, Path timelineFile) throws Exception {
        long pid = relay.pid();
        URI base = URI.create("ws://127.0.0.1:" + relay.port() + "/");
        // Roomcall's members join as the app does (roomcall.v1: joined, presence, pings answered); Node's relay
        // knows only the demo's plain WebSocket.
        String subprotocol = jvm ? Protocol.SUBPROTOCOL : null;
        double heapBefore = jvm ? liveHeapMib(pid) : Double.NaN;
        double pssBefore = probe.pssMib((int) pid);
        double maxHeap = jvm ? ProcStatus.maxHeapBytes(Jcmd.run(pid, "VM.flags")) / (1024.0 * 1024.0) : Double.NaN;
        try (IdleMembers idleMembers = new IdleMembers(base, "cap-idle", subprotocol, sources, idle)) {
            long opening = System.nanoTime();
            String stopped = idleMembers.openUpTo(idle);
            System.out.printf(Locale.ROOT, "capacity %s: %d idle members open in %.1f s%s%n", relay.name(),
                    idleMembers.opened(), (System.nanoTime() - opening) / 1e9, stopped == null ? "" : " (" + stopped + ")");
            Thread.sleep(5000);
            double heapIdle = jvm ? liveHeapMib(pid) : Double.NaN;
            double pssIdle = probe.pssMib((int) pid);
            System.out.printf(Locale.ROOT, "capacity %s: PSS %.1f → %.1f MiB, live heap %.1f → %.1f MiB%n",
                    relay.name(), pssBefore, pssIdle, heapBefore, heapIdle);
            try (ActivePairs active = new ActivePairs(base, "cap-pair", subprotocol, pairs)) {
                Thread.sleep(1000); // every pair's second member has joined and its joined/peer-joined are in
                List<CapacitySample> samples = new ArrayList<>();
                long myPid = ProcessHandle.current().pid();
                CpuSnapshot relayBefore = probe.cpu((int) pid);
                CpuSnapshot clientBefore = probe.cpu((int) myPid);
                long start = System.nanoTime();
                long end = start + duration.toNanos();
                LatencyTimeline timeline = new LatencyTimeline(System.currentTimeMillis(), TIMELINE_SLOT_MILLIS,
                        (int) ((duration.toMillis() + 10_000) / TIMELINE_SLOT_MILLIS));
                active.start(perSecond, timeline);
                long lastDelivered = 0;
                boolean warm = warmup.isZero();
                for (long next = start + every.toNanos(); ; next += every.toNanos()) {
                    long now = System.nanoTime();
                    if (next > end) {
                        Thread.sleep(Math.max(0, (end - now) / 1_000_000));
                        break;
                    }
                    Thread.sleep(Math.max(0, (next - now) / 1_000_000));
                    if (!warm && System.nanoTime() - start >= warmup.toNanos()) {
                        active.latencies(); // what the warm-up measured is dropped; the timeline keeps it
                        warm = true;
                    }
                    long delivered = active.delivered();
                    CapacitySample s = new CapacitySample((System.nanoTime() - start) / 1e9,
                            jvm ? Jcmd.heapUsedMib(pid) : Double.NaN, ProcStatus.threadsOf(pid), probe.pssMib((int) pid),
                            ProcStatus.fdsOf(pid), idleMembers.stillOpen(), delivered - lastDelivered);
                    lastDelivered = delivered;
                    samples.add(s);
                    System.out.printf(Locale.ROOT, "  %5.0f s  heap %6.1f MiB  threads %3d  PSS %6.1f MiB  fds %5d  idle open %5d  delivered %d%n",
                            s.seconds(), s.heapUsedMib(), s.threads(), s.pssMib(), s.fds(), s.idleOpen(), s.delivered());
                }
                CpuSnapshot relayAfter = probe.cpu((int) pid);
                CpuSnapshot clientAfter = probe.cpu((int) myPid);
                double seconds = (System.nanoTime() - start) / 1e9;
                active.stop(Duration.ofSeconds(3));
                timeline.write(timelineFile);
                // Collected once more: a heap that kept what the pairs sent would show here, not in the saw-tooth.
                double heapAfter = jvm ? liveHeapMib(pid) : Double.NaN;
                Histogram h = active.latencies();
                long[] latency = {h.getValueAtPercentile(50), h.getValueAtPercentile(99), h.getValueAtPercentile(99.9), h.getMaxValue()};
                int stillOpen = idleMembers.stillOpen();
                return new CapacityResult(relay.name(), idle, idleMembers.opened(), stillOpen, stopped, pairs, perSecond,
                        seconds, pssBefore, pssIdle, heapBefore, heapIdle, heapAfter, maxHeap, ProcStatus.maxOpenFilesOf(pid),
                        List.copyOf(samples), latency, active.tally(), active.errors(),
                        relayBefore.percentOfOneCoreUntil(relayAfter), clientBefore.percentOfOneCoreUntil(clientAfter));
            }
        }
    }

    /** Heap in use after a full collection: what the connections keep alive. */
    private static double liveHeapMib(long pid) throws Exception {
        Jcmd.run(pid, "GC.run");
        return Jcmd.heapUsedMib(pid);
    }
}
