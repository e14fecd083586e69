package dev.roomcall.server;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Per-connection message rate limit: {@code burst} tokens, refilled at {@code perSecond}. Bursts
 * are normal (an offer plus a dozen ICE candidates in a few milliseconds); only a sustained flood
 * runs the bucket dry. Called from one connection's reader at a time, hence not synchronized.
 */
final class TokenBucket {

    private static final double NANOS_PER_SECOND = 1_000_000_000d;

    private final double capacity;
    private final double tokensPerNano;
    private final LongSupplier nanoClock;
    private double tokens;
    private long lastRefill;

    TokenBucket(int perSecond, int burst) {
        this(perSecond, burst, System::nanoTime);
    }

    TokenBucket(int perSecond, int burst, LongSupplier nanoClock) {
        this(burst, perSecond / NANOS_PER_SECOND, nanoClock);
        if (perSecond < 1) {
            throw new IllegalArgumentException("rate and burst must be positive");
        }
    }

    private TokenBucket(int burst, double tokensPerNano, LongSupplier nanoClock) {
        if (burst < 1) {
            throw new IllegalArgumentException("rate and burst must be positive");
        }
        this.capacity = burst;
        this.tokensPerNano = tokensPerNano;
        this.nanoClock = nanoClock;
        this.tokens = burst;
        this.lastRefill = nanoClock.getAsLong();
    }

    /** {@code count} at once, refilled evenly over {@code window}: e.g. 10 per 10 s is a burst of 10, then 1 a second. */
    static TokenBucket perWindow(int count, Duration window, LongSupplier nanoClock) {
        return new TokenBucket(count, (double) count / window.toNanos(), nanoClock);
    }

    /** Whether the bucket would be full now: nothing taken recently, so forgetting it changes nothing. */
    boolean isFull() {
        return tokens + (nanoClock.getAsLong() - lastRefill) * tokensPerNano >= capacity;
    }

    /** @return true if one message may pass now */
    boolean tryTake() {
        long now = nanoClock.getAsLong();
        tokens = Math.min(capacity, tokens + (now - lastRefill) * tokensPerNano);
        lastRefill = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
