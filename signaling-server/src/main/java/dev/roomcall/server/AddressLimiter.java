package dev.roomcall.server;

import java.net.InetAddress;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts open connections per remote IP address so one host cannot fill the server with idle
 * sockets or squat on many rooms. Each successful {@link #tryAcquire} must be paired with one
 * {@link #release}.
 */
final class AddressLimiter {

    private final int maxPerAddress;
    private final ConcurrentHashMap<InetAddress, Integer> open = new ConcurrentHashMap<>();

    AddressLimiter(int maxPerAddress) {
        this.maxPerAddress = maxPerAddress;
    }

    /** @return true if the address was under its limit and now holds one more connection */
    boolean tryAcquire(InetAddress address) {
        boolean[] granted = new boolean[1];
        open.compute(address, (a, count) -> {
            int current = count == null ? 0 : count;
            granted[0] = current < maxPerAddress;
            return granted[0] ? current + 1 : count;
        });
        return granted[0];
    }

    void release(InetAddress address) {
        // Dropping the entry at zero keeps the map as small as the set of connected hosts.
        open.computeIfPresent(address, (a, count) -> count <= 1 ? null : count - 1);
    }

    int openConnections(InetAddress address) {
        return open.getOrDefault(address, 0);
    }
}
