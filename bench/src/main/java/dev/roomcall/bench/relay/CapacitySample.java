package dev.roomcall.bench.relay;

/**
 * One look at the relay while the capacity load runs.
 *
 * @param seconds     since the active pairs started
 * @param heapUsedMib JVM heap in use as it is (no collection forced); NaN for Node
 * @param threads     the relay process's threads (/proc/PID/status)
 * @param pssMib      the relay process's PSS
 * @param fds         file descriptors the relay has open (/proc/PID/fd)
 * @param idleOpen    idle members still open
 * @param delivered   messages delivered to the active pairs since the previous sample
 */
record CapacitySample(double seconds, double heapUsedMib, int threads, double pssMib, int fds, int idleOpen,
                      long delivered) {}
