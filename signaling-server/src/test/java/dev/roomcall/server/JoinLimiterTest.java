package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class JoinLimiterTest {

    private final AtomicLong now = new AtomicLong(5_000_000_000L);
    private final JoinLimiter limiter = new JoinLimiter(10, Duration.ofSeconds(10), now::get);

    @Test
    void tenJoinsPassAtOnceAndTheEleventhIsRefused() {
        InetAddress guesser = address("192.0.2.1");
        for (int i = 0; i < 10; i++) {
            assertTrue(limiter.tryJoin(guesser), "join " + i);
        }
        assertFalse(limiter.tryJoin(guesser));
    }

    @Test
    void afterTheBurstOneJoinASecondComesBack() {
        InetAddress guesser = address("192.0.2.1");
        while (limiter.tryJoin(guesser)) {
            // use up the burst
        }
        advance(Duration.ofMillis(999));
        assertFalse(limiter.tryJoin(guesser), "not yet a whole join");
        advance(Duration.ofMillis(1));
        assertTrue(limiter.tryJoin(guesser));
        assertFalse(limiter.tryJoin(guesser));
    }

    @Test
    void refusedAttemptsDoNotDelayTheNextAllowedOne() {
        InetAddress guesser = address("192.0.2.1");
        while (limiter.tryJoin(guesser)) {
            // use up the burst
        }
        for (int i = 0; i < 100; i++) {
            assertFalse(limiter.tryJoin(guesser));
        }
        advance(Duration.ofSeconds(1));
        assertTrue(limiter.tryJoin(guesser));
    }

    @Test
    void eachAddressHasItsOwnAllowance() {
        InetAddress guesser = address("192.0.2.1");
        while (limiter.tryJoin(guesser)) {
            // use up the burst
        }
        assertTrue(limiter.tryJoin(address("192.0.2.2")));
    }

    @Test
    void addressesThatWentQuietAreForgottenSoTheMapStaysSmall() {
        for (int i = 0; i < 300; i++) {
            limiter.tryJoin(address("198.51.100." + (i % 250), i / 250));
        }
        advance(Duration.ofSeconds(10)); // every bucket is full again
        limiter.tryJoin(address("192.0.2.1"));
        assertEquals(1, limiter.trackedAddresses());
    }

    @Test
    void addressesStillWithinTheirWindowAreKept() {
        for (int i = 0; i < 300; i++) {
            limiter.tryJoin(address("198.51.100." + (i % 250), i / 250));
        }
        limiter.tryJoin(address("192.0.2.1"));
        assertEquals(301, limiter.trackedAddresses(), "forgetting them would hand out a fresh allowance");
    }

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    private static InetAddress address(String ip) {
        try {
            return InetAddress.getByName(ip);
        } catch (UnknownHostException e) {
            throw new AssertionError(e);
        }
    }

    /** Distinct addresses beyond one /24: the second octet varies. */
    private static InetAddress address(String ip, int variant) {
        return address(ip.replace("198.51.", "198." + (51 + variant) + "."));
    }
}
