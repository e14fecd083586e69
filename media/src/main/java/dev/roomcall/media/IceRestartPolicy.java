package dev.roomcall.media;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;

/**
 * Decides when a call whose connectivity broke asks for an ICE restart (new ICE credentials, fresh candidates).
 *
 * <p>{@code disconnected} often heals by itself (a lost Wi-Fi beacon, a short stall), so it gets a grace period
 * first; {@code failed} never heals without a restart, so it restarts at once. While the connection stays broken
 * the restart is repeated with a growing pause (a restart offer may sit in a dead signalling connection until the
 * network returns), and a connection that recovers resets everything.
 *
 * <p>Thread-safe; the restart callback runs on the given scheduler's thread and must only hand work over.
 */
final class IceRestartPolicy implements AutoCloseable {

    static final Duration DISCONNECTED_GRACE = Duration.ofSeconds(3);
    static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    static final Duration MAX_RETRY = Duration.ofSeconds(30);

    private final ScheduledExecutorService scheduler;
    private final IntConsumer restart;
    private final Duration grace;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private ScheduledFuture<?> pending;
    private int attempts;
    private boolean closed;

    /** @param restart called with the attempt number (1, 2, ...) each time a restart is due */
    IceRestartPolicy(ScheduledExecutorService scheduler, IntConsumer restart) {
        this(scheduler, restart, DISCONNECTED_GRACE, FIRST_RETRY, MAX_RETRY);
    }

    IceRestartPolicy(ScheduledExecutorService scheduler, IntConsumer restart, Duration grace, Duration firstRetry,
                     Duration maxRetry) {
        this.scheduler = scheduler;
        this.restart = restart;
        this.grace = grace;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
    }

    synchronized void onState(ConnectionState state) {
        if (closed) {
            return;
        }
        switch (state) {
            case CONNECTED:
                cancel();
                attempts = 0;
                break;
            case DISCONNECTED:
                if (pending == null) {
                    schedule(grace);
                }
                break;
            case FAILED:
                cancel();
                schedule(Duration.ZERO);
                break;
            case CLOSED:
                close();
                break;
            default:
                // NEW and CONNECTING: negotiation (perhaps our own restart) is under way; let it run.
                break;
        }
    }

    /** Restarts asked for since the connection last worked. */
    synchronized int attempts() {
        return attempts;
    }

    @Override
    public synchronized void close() {
        closed = true;
        cancel();
    }

    private void schedule(Duration delay) {
        pending = scheduler.schedule(this::due, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void due() {
        int attempt;
        synchronized (this) {
            if (closed) {
                return;
            }
            attempt = ++attempts;
            // Keep trying while nothing says the connection is back: the next attempt waits longer.
            long backoff = Math.min(maxRetry.toMillis(), firstRetry.toMillis() << Math.min(attempt - 1, 16));
            schedule(Duration.ofMillis(backoff));
        }
        restart.accept(attempt);
    }

    private void cancel() {
        if (pending != null) {
            pending.cancel(false);
            pending = null;
        }
    }
}
