package dev.roomcall.server;

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
        if (perSecond < 1 || burst < 1) {
            throw new IllegalArgumentException("rate and burst must be positive");
        }
        this.capacity = burst;
        this.tokensPerNano = perSecond / NANOS_PER_SECOND;
        this.nanoClock = nanoClock;
        this.tokens = burst;
        this.lastRefill = nanoClock.getAsLong();
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
