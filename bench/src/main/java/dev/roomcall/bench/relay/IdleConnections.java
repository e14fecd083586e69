package dev.roomcall.bench.relay;

import dev.roomcall.bench.proc.Jcmd;
import dev.roomcall.bench.proc.TreeProbe;
import dev.roomcall.testkit.ListeningProcess;
import java.net.URI;

/**
 * Opens idle connections to a relay, two per room, in batches until the cap or the first failure, then weighs the
 * relay process (PSS) and, for a JVM, its live heap. The connections are {@link IdleMembers}.
 */
final class IdleConnections {

    /** Connections open when the relay is weighed the second time. */
    private static final int FIRST_WEIGHING = 1000;

    private final TreeProbe probe;

    IdleConnections(TreeProbe probe) {
        this.probe = probe;
    }

    /** @param jvm whether the relay is a JVM (then it is collected before each weighing and its heap is read) */
    IdleResult run(ListeningProcess server, boolean jvm, int cap, int sourceAddresses) throws Exception {
        URI base = URI.create("ws://127.0.0.1:" + server.port() + "/");
        double baseline = jvm ? liveHeapMib(server.pid()) : Double.NaN;
        double pssIdle = probe.pssMib((int) server.pid());
        // Weighed again after the first batch: what the rest add is the cost of one more connection, without what
        // the first connections cost once (JIT-compiled code, loaded classes, the thread pool growing to its size).
        double pssFirstBatch = Double.NaN;
        int firstBatch = 0;
        String stopReason = "reached the cap of " + cap;
        try (IdleMembers members = new IdleMembers(base, "idle", null, sourceAddresses, cap)) {
            String stopped = members.openUpTo(Math.min(cap, FIRST_WEIGHING));
            if (stopped == null && server.isAlive() && cap > FIRST_WEIGHING) {
                firstBatch = members.opened();
                Thread.sleep(1000);
                pssFirstBatch = weighPss(server.pid(), jvm);
                stopped = members.openUpTo(cap);
            }
            if (stopped != null) {
                stopReason = stopped;
            } else if (!server.isAlive()) {
                stopReason = "the server process died";
            }
            Thread.sleep(3000);
            int stillOpen = members.stillOpen();
            double loaded = jvm ? liveHeapMib(server.pid()) : Double.NaN;
            double pss = probe.pssMib((int) server.pid());
            double marginal = stillOpen <= firstBatch ? Double.NaN : (pss - pssFirstBatch) * 1024 / (stillOpen - firstBatch);
            double perConnection = stillOpen == 0 ? Double.NaN : (loaded - baseline) * 1024 * 1024 / stillOpen;
            double pssPerConnection = stillOpen == 0 ? Double.NaN : (pss - pssIdle) * 1024 / stillOpen;
            return new IdleResult(server.name(), members.opened(), stillOpen, cap, stopReason, pssIdle, pss,
                    pssPerConnection, firstBatch, pssFirstBatch, marginal, baseline, loaded, perConnection);
        }
    }

    /** PSS after a full collection for a JVM (its garbage is not what the connections keep), as it is otherwise. */
    private double weighPss(long pid, boolean jvm) throws Exception {
        if (jvm) {
            Jcmd.run(pid, "GC.run");
        }
        return probe.pssMib((int) pid);
    }

    /** Heap in use after a full collection: what the connections really keep alive. */
    private static double liveHeapMib(long pid) throws Exception {
        Jcmd.run(pid, "GC.run");
        return Jcmd.heapUsedMib(pid);
    }
}
