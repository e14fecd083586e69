package dev.roomcall.bench.relay;

import java.util.List;

/**
 * One relay under the capacity load: idle members held while active pairs exchange candidates for a while.
 *
 * @param relay            which relay
 * @param idleRequested    idle members asked for (two per room)
 * @param idleOpened       idle members that connected
 * @param idleStillOpen    of those, open at the end (the server's heartbeat drops any that stopped answering)
 * @param idleStopReason   null if all connected, otherwise why opening stopped
 * @param pairs            active rooms of two
 * @param perSecond        messages each active member sent a second
 * @param seconds          how long the pairs sent
 * @param pssBeforeMib     relay PSS before any connection (after a full GC for a JVM)
 * @param pssIdleMib       relay PSS with the idle members open, before the pairs (after a full GC for a JVM)
 * @param heapBeforeMib    live heap before any connection; NaN for Node
 * @param heapIdleMib      live heap with the idle members open; NaN for Node
 * @param heapAfterMib     live heap at the end, the pairs stopped and the idle members still open; NaN for Node
 * @param maxHeapMib       the JVM's heap limit; NaN for Node
 * @param fdLimit          the relay's soft limit of open files
 * @param samples          looks at the relay every few seconds while the pairs ran
 * @param latency          one-way latency of the pairs' messages, µs: p50, p99, p99.9, max
 * @param tally            what the pairs' receivers counted
 * @param errors           connection errors and failed sends of the pairs
 * @param relayCpuPercent  the relay's CPU over the active period, % of one core
 * @param clientCpuPercent this load generator's CPU over the same period, % of one core
 */
record CapacityResult(String relay, int idleRequested, int idleOpened, int idleStillOpen, String idleStopReason,
                      int pairs, double perSecond, double seconds, double pssBeforeMib, double pssIdleMib,
                      double heapBeforeMib, double heapIdleMib, double heapAfterMib, double maxHeapMib, long fdLimit,
                      List<CapacitySample> samples, long[] latency, SequenceChecker.Tally tally, long errors,
                      double relayCpuPercent, double clientCpuPercent) {

    double pssPerIdleKib() {
        return idleStillOpen == 0 ? Double.NaN : (pssIdleMib - pssBeforeMib) * 1024 / idleStillOpen;
    }

    double heapPerIdleKib() {
        return idleStillOpen == 0 ? Double.NaN : (heapIdleMib - heapBeforeMib) * 1024 / idleStillOpen;
    }

    /** Messages the pairs' receivers got in order, over the whole run including the drain at its end. */
    long delivered() {
        return tally.delivered();
    }
}
