package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

class AddressLimiterTest {

    private final InetAddress first = address("192.0.2.1");
    private final InetAddress second = address("192.0.2.2");

    @Test
    void eachAddressMayHoldUpToTheLimit() {
        AddressLimiter limiter = new AddressLimiter(2);
        assertTrue(limiter.tryAcquire(first));
        assertTrue(limiter.tryAcquire(first));
        assertFalse(limiter.tryAcquire(first));
        assertTrue(limiter.tryAcquire(second), "another address has its own quota");
    }

    @Test
    void releasingFreesAPlaceAndARefusalTakesNone() {
        AddressLimiter limiter = new AddressLimiter(1);
        assertTrue(limiter.tryAcquire(first));
        assertFalse(limiter.tryAcquire(first));
        assertEquals(1, limiter.openConnections(first));

        limiter.release(first);

        assertEquals(0, limiter.openConnections(first));
        assertTrue(limiter.tryAcquire(first));
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }
}
