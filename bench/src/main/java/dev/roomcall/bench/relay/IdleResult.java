package dev.roomcall.bench.relay;

/**
 * How many idle WebSocket connections Roomcall's server held in a 512 MiB heap.
 *
 * @param opened               connections opened (each a member of a room of two)
 * @param stillOpen            of those, open after a pause at the end
 * @param cap                  the most the bench would open
 * @param stopReason           why it stopped opening: the cap, or the first failure
 * @param heapBaselineMib      server heap in use after a full GC, before any connection
 * @param heapLoadedMib        server heap in use after a full GC, with the connections open
 * @param pssMib               server process PSS with the connections open
 * @param bytesPerConnection   (loaded - baseline) heap / connections
 * @param estimatedFitIn512Mib how many would fit at that rate in what the baseline leaves of 512 MiB
 */
record IdleResult(int opened, int stillOpen, int cap, String stopReason, double heapBaselineMib, double heapLoadedMib,
                  double pssMib, double bytesPerConnection, double estimatedFitIn512Mib) {}
