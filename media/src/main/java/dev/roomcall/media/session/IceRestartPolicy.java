package dev.roomcall.media.session;

import java.time.Duration;
import java.util.Optional;

/**
 * Decides when a call whose connectivity broke asks for an ICE restart (new ICE credentials, fresh candidates).
 * A pure decision: it says what to do with one restart timer; whoever owns the timer arms it and calls {@link #due()}
 * when it fires.
 *
 * <p>{@code disconnected} often heals by itself (a lost Wi-Fi beacon, a short stall), so it gets a grace period
 * first; {@code failed} never heals without a restart, so it restarts at once. While the connection stays broken
 * the restart is repeated with a growing pause (a restart offer may sit in a dead signalling connection until the
 * network returns), and a connection that recovers resets everything. Not thread-safe.
 */
final class IceRestartPolicy {

    static final Duration DISCONNECTED_GRACE = Duration.ofSeconds(3);
    static final Duration FIRST_RETRY = Duration.ofSeconds(5);
    static final Duration MAX_RETRY = Duration.ofSeconds(30);

    /** What to do with the restart timer. */
    sealed interface Timer {}

    /** Leave the timer as it is. */
    record Keep() implements Timer {}

    /** Stop the timer. */
    record Cancel() implements Timer {}

    /** (Re)start the timer to fire after {@code delay}. */
    record Arm(Duration delay) implements Timer {}

    /** Restart now ({@code attempt} counts restarts since the connection last worked), then wait {@code next}. */
    record Restart(int attempt, Duration next) {}

    private final Duration grace;
    private final Duration firstRetry;
    private final Duration maxRetry;
    private boolean armed;
    private int attempts;
    private boolean closed;

    IceRestartPolicy() {
        this(DISCONNECTED_GRACE, FIRST_RETRY, MAX_RETRY);
    }

    IceRestartPolicy(Duration grace, Duration firstRetry, Duration maxRetry) {
        this.grace = grace;
        this.firstRetry = firstRetry;
        this.maxRetry = maxRetry;
    }

    Timer onState(ConnectionState state) {
        if (closed) {
            return new Keep();
        }
        switch (state) {
            case CONNECTED:
                attempts = 0;
                return cancel();
            case DISCONNECTED:
                return armed ? new Keep() : arm(grace);
            case FAILED:
                return arm(Duration.ZERO);
            case CLOSED:
                closed = true;
                return cancel();
            default:
                // NEW and CONNECTING: negotiation (perhaps our own restart) is under way; let it run.
                return new Keep();
        }
    }

    /** The armed timer fired: restart, and keep trying while nothing says the connection is back. */
    Optional<Restart> due() {
        if (closed || !armed) {
            return Optional.empty();
        }
        int attempt = ++attempts;
        long backoff = Math.min(maxRetry.toMillis(), firstRetry.toMillis() << Math.min(attempt - 1, 16));
        return Optional.of(new Restart(attempt, Duration.ofMillis(backoff)));
    }

    /** Restarts asked for since the connection last worked. */
    int attempts() {
        return attempts;
    }

    private Timer arm(Duration delay) {
        armed = true;
        return new Arm(delay);
    }

    private Timer cancel() {
        armed = false;
        return new Cancel();
    }
}
