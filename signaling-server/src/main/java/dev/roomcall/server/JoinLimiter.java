package dev.roomcall.server;

import java.net.InetAddress;
import java.time.Duration;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Room joins per remote IP address, as a token bucket per address. A room code is the only key to a room,
 * so what stops someone from finding rooms by trying codes is how few they may try: at the default 10 per
 * 10 s, one address needs about 10^10 years to cover 1% of the 2^65 codes.
 *
 * <p>Joins are rare, so one lock is fine. Addresses whose bucket has refilled are forgotten once the map
 * has grown (at most once per window, or when it has doubled), which keeps memory bounded by about the
 * addresses active within one window.
 */
final class JoinLimiter {

    /** Below this many remembered addresses nothing is swept: sweeping is a walk over the whole map. */
    private static final int SWEEP_ABOVE = 256;

    private final int joins;
    private final Duration window;
    private final LongSupplier nanoClock;
    private final Map<InetAddress, TokenBucket> buckets = new HashMap<>();
    private int sweepAt = SWEEP_ABOVE;
    private long lastSweep;

    JoinLimiter(int joins, Duration window) {
        this(joins, window, System::nanoTime);
    }

    JoinLimiter(int joins, Duration window, LongSupplier nanoClock) {
        this.joins = joins;
        this.window = window;
        this.nanoClock = nanoClock;
        this.lastSweep = nanoClock.getAsLong();
    }

    /** @return true if {@code address} may join a room now (and the join is counted) */
    synchronized boolean tryJoin(InetAddress address) {
        if (buckets.size() >= SWEEP_ABOVE
                && (buckets.size() >= sweepAt || nanoClock.getAsLong() - lastSweep >= window.toNanos())) {
            sweep();
        }
        return buckets.computeIfAbsent(address, a -> TokenBucket.perWindow(joins, window, nanoClock)).tryTake();
    }

    /** Addresses currently remembered. */
    synchronized int trackedAddresses() {
        return buckets.size();
    }

    private void sweep() {
        for (Iterator<TokenBucket> it = buckets.values().iterator(); it.hasNext(); ) {
            if (it.next().isFull()) {
                it.remove();
            }
        }
        // Many addresses all active at once: sweep again only after the map has doubled or a window has passed.
        sweepAt = Math.max(SWEEP_ABOVE, buckets.size() * 2);
        lastSweep = nanoClock.getAsLong();
    }
}
