package dev.roomcall.signaling;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before reconnect attempt number {@code n}: {@code initial} doubling per failed attempt up to
 * {@code max}, shortened by a random share of up to {@code jitter} so that many clients dropped by one server restart
 * do not all come back in the same instant. The delay never exceeds {@code max}.
 */
public record Backoff(Duration initial, Duration max, double jitter) {

    /** 0.5 s, 1 s, 2 s, 4 s, 8 s, then 10 s; each up to a quarter shorter. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10), 0.25);

    public Backoff {
        Objects.requireNonNull(initial, "initial");
        Objects.requireNonNull(max, "max");
        if (initial.isNegative() || initial.isZero()) {
            throw new IllegalArgumentException("initial delay must be positive, was " + initial);
        }
        if (max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("max delay " + max + " is shorter than the initial delay " + initial);
        }
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("jitter must be in [0, 1), was " + jitter);
        }
    }

    /** The delay before attempt {@code attempt} (0 = the first retry) without jitter. */
    public Duration nominal(int attempt) {
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt must not be negative, was " + attempt);
        }
        Duration delay = initial;
        for (int i = 0; i < attempt && delay.compareTo(max) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(max) < 0 ? delay : max;
    }

    /**
     * The delay before attempt {@code attempt} for a given random draw.
     *
     * @param random01 a number in [0, 1); 0 gives the nominal delay, values near 1 shorten it by {@code jitter}
     */
    public Duration delay(int attempt, double random01) {
        if (!(random01 >= 0 && random01 < 1)) {
            throw new IllegalArgumentException("random01 must be in [0, 1), was " + random01);
        }
        Duration nominal = nominal(attempt);
        long shortenedNanos = (long) (nominal.toNanos() * jitter * random01);
        return nominal.minusNanos(shortenedNanos);
    }

    /** The delay before attempt {@code attempt}, with fresh jitter. */
    public Duration delay(int attempt) {
        return delay(attempt, ThreadLocalRandom.current().nextDouble());
    }
}
