package dev.roomcall.signaling;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long a client waits before its next connection attempt. A server node that drains (SIGTERM behind a load
 * balancer) closes its members with 1012 "service restart" and has already stopped taking joins, so the balancer sends
 * an immediate reconnect to a live node: waiting would only leave the call without signaling. Every other way a
 * connection ends, and every failed attempt, waits as {@link Backoff} says, so a failing server is not hammered.
 *
 * <p>Only the first attempt after an open connection is immediate. A node still taking joins by mistake refuses
 * them with 1013 "try again later", which waits like any other failure.
 */
public final class ReconnectPolicy {

    private ReconnectPolicy() {}

    /**
     * @param backoff  the client's back-off
     * @param last     how the latest connection or attempt ended
     * @param failures failures in a row including {@code last}; 1 means a connection that had opened just ended
     * @param random01 a number in [0, 1) for the back-off's jitter
     */
    public static Duration delay(Backoff backoff, SignalingClosed last, int failures, double random01) {
        Objects.requireNonNull(backoff, "backoff");
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be at least 1, was " + failures);
        }
        if (failures == 1 && isMoveRequest(last)) {
            return Duration.ZERO;
        }
        return backoff.delay(failures - 1, random01);
    }

    /** {@link #delay(Backoff, SignalingClosed, int, double)} with fresh jitter. */
    public static Duration delay(Backoff backoff, SignalingClosed last, int failures) {
        return delay(backoff, last, failures, ThreadLocalRandom.current().nextDouble());
    }

    /** The server asked us to reconnect elsewhere (it is draining); a 1012 of our own making does not count. */
    public static boolean isMoveRequest(SignalingClosed last) {
        return last != null && last.byServer() && last.code() == Protocol.CLOSE_SERVICE_RESTART;
    }
}
