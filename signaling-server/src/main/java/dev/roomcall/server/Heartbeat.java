package dev.roomcall.server;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pings every watched connection a few times per idle timeout and drops those that stopped
 * answering. A browser that lost its network never sends a close frame; without this its ghost
 * would hold one of the room's two places and the same person reloading the page would find the
 * room full. Jetty's own idle timeout cannot tell: the pings we write count as activity.
 */
final class Heartbeat implements AutoCloseable {

    /** Something that can be pinged and knows when it last heard from its peer. */
    interface Watched {
        /**
         * @param nowNanos      {@link System#nanoTime()} of this beat
         * @param timeoutNanos  silence longer than this means the peer is gone
         */
        void beat(long nowNanos, long timeoutNanos);
    }

    private static final Logger LOG = LoggerFactory.getLogger(Heartbeat.class);

    private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
    private final long timeoutNanos;
    private final ScheduledExecutorService timer;

    Heartbeat(Duration idleTimeout) {
        this.timeoutNanos = idleTimeout.toNanos();
        // Three pings per timeout: one lost pong is not yet a verdict.
        long intervalMillis = Math.max(30, idleTimeout.toMillis() / 3);
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "roomcall-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::beat, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    void watch(Watched connection) {
        watched.add(connection);
    }

    void forget(Watched connection) {
        watched.remove(connection);
    }

    private void beat() {
        long now = System.nanoTime();
        for (Watched connection : watched) {
            try {
                connection.beat(now, timeoutNanos);
            } catch (RuntimeException e) {
                // One broken connection must not stop the heartbeat for all others.
                LOG.warn("event=heartbeat-failed error={}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
        watched.clear();
    }
}
