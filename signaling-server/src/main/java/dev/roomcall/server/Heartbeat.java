package dev.roomcall.server;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
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

    /** A sweep of the whole interval is cut into ticks this long at most, each pinging one slice of the members. */
    static final long MAX_TICK_MILLIS = 1000;
    /** ...and at least this long, so a short idle timeout (tests) does not spin. */
    static final long MIN_TICK_MILLIS = 10;

    /** Each watched connection and the slice of the sweep it is pinged in. */
    private final Map<Watched, Integer> watched = new ConcurrentHashMap<>();
    private final AtomicInteger nextSlice = new AtomicInteger();
    private final long timeoutNanos;
    private final int slices;
    private final ScheduledExecutorService timer;
    private long tick; // only the timer thread touches it

    Heartbeat(Duration idleTimeout) {
        this.timeoutNanos = idleTimeout.toNanos();
        // Three pings per timeout: one lost pong is not yet a verdict.
        long intervalMillis = Math.max(30, idleTimeout.toMillis() / 3);
        // Spread over the interval, not all at once: pinging 10,000 members in one sweep (and their 10,000 pongs)
        // held up the messages relayed meanwhile by tens of ms (BENCHMARKS.md "The latency tail").
        long tickMillis = tickMillis(intervalMillis);
        this.slices = (int) Math.max(1, intervalMillis / tickMillis);
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "roomcall-heartbeat");
            thread.setDaemon(true);
            return thread;
        });
        timer.scheduleWithFixedDelay(this::beat, tickMillis, tickMillis, TimeUnit.MILLISECONDS);
    }

    /** How long one tick of a sweep over {@code intervalMillis} is: a twentieth of it, within the bounds above. */
    static long tickMillis(long intervalMillis) {
        return Math.min(MAX_TICK_MILLIS, Math.max(MIN_TICK_MILLIS, intervalMillis / 20));
    }

    void watch(Watched connection) {
        watched.put(connection, Math.floorMod(nextSlice.getAndIncrement(), slices));
    }

    void forget(Watched connection) {
        watched.remove(connection);
    }

    private void beat() {
        long now = System.nanoTime();
        int slice = (int) (tick++ % slices);
        watched.forEach((connection, its) -> {
            if (its != slice) {
                return;
            }
            try {
                connection.beat(now, timeoutNanos);
            } catch (RuntimeException e) {
                // One broken connection must not stop the heartbeat for all others.
                LOG.warn("event=heartbeat-failed error={}", e.toString());
            }
        });
    }

    @Override
    public void close() {
        timer.shutdownNow();
        watched.clear();
    }
}
