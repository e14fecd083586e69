package dev.roomcall.bench.relay;

/**
 * How much one relay process grew with idle connections open.
 *
 * @param relay                which relay (and, for Roomcall, which JVM options)
 * @param opened               connections opened (each a member of a room of two)
 * @param stillOpen            of those, open after a pause at the end
 * @param cap                  the most the bench would open
 * @param stopReason           why it stopped opening: the cap, or the first failure
 * @param pssIdleMib           process PSS before any connection (after a full GC for a JVM)
 * @param pssLoadedMib         process PSS with the connections open (after a full GC for a JVM)
 * @param pssPerConnectionKib  (loaded - idle) PSS / connections still open
 * @param firstBatch           connections open when the relay was weighed the second time
 * @param pssFirstBatchMib     process PSS with the first batch open (after a full GC for a JVM); NaN without one
 * @param pssMarginalPerConnectionKib (loaded - after the first batch) PSS / the connections opened after it: one
 *                             more connection, without what the first ones cost once
 * @param heapBaselineMib      JVM heap in use after a full GC, before any connection; NaN for Node
 * @param heapLoadedMib        JVM heap in use after a full GC, with the connections open; NaN for Node
 * @param bytesPerConnection   (loaded - baseline) heap / connections; NaN for Node
 */
record IdleResult(String relay, int opened, int stillOpen, int cap, String stopReason, double pssIdleMib,
                  double pssLoadedMib, double pssPerConnectionKib, int firstBatch, double pssFirstBatchMib,
                  double pssMarginalPerConnectionKib,
                  double heapBaselineMib, double heapLoadedMib,
                  double bytesPerConnection) {}
