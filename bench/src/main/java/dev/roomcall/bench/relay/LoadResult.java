package dev.roomcall.bench.relay;

/**
 * One relay under one load.
 *
 * @param relay          "Roomcall" or "Node ws"
 * @param pairs          rooms of two exchanging messages
 * @param window         messages in flight per pair
 * @param messages       messages delivered in the measured window
 * @param seconds        length of the measured window
 * @param p50Micros      median one-way latency, sender to receiver through the relay
 * @param p99Micros      99th percentile
 * @param p999Micros     99.9th percentile
 * @param maxMicros      worst
 * @param relayCpuPercent the relay process during the window, % of one core
 * @param clientCpuPercent the load generator (this JVM) during the window
 * @param relayPssMib    the relay process's PSS after the window
 * @param errors         connection errors or unexpected closes seen
 */
record LoadResult(String relay, int pairs, int window, long messages, double seconds,
                  double p50Micros, double p99Micros, double p999Micros, double maxMicros,
                  double relayCpuPercent, double clientCpuPercent, double relayPssMib, long errors) {

    double messagesPerSecond() {
        return messages / seconds;
    }

    /**
     * CPU the relay spent per delivered message. Unlike throughput, this does not depend on how fast the load
     * generator (sharing the same cores) can drive the relay.
     */
    double relayCpuMicrosPerMessage() {
        return messages == 0 ? Double.NaN : relayCpuPercent / 100.0 * seconds * 1e6 / messages;
    }
}
