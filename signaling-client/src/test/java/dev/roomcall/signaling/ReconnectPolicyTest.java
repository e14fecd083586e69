package dev.roomcall.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ReconnectPolicyTest {

    private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10), 0.25);

    private record Case(String what, SignalingClosed last, int failures, Duration expected) {}

    private static SignalingClosed server(int code) {
        return new SignalingClosed(code, "", true);
    }

    private static Duration ms(long millis) {
        return Duration.ofMillis(millis);
    }

    @Test
    void aDrainingNodeIsLeftAtOnceEverythingElseWaits() {
        Case[] cases = {
            new Case("1012 service restart from the server: move now", server(1012), 1, Duration.ZERO),
            new Case("1012 again after a failed immediate attempt: back off", server(1012), 2, ms(1000)),
            new Case("1012 reported locally, not by the server", new SignalingClosed(1012, "", false), 1, ms(500)),
            new Case("1013 try again later (a draining node refusing a join)", server(1013), 1, ms(500)),
            new Case("1001 going away (a server without drain)", server(1001), 1, ms(500)),
            new Case("1006 connection lost (a node killed)", new SignalingClosed(1006, "", false), 1, ms(500)),
            new Case("1006 on the third failure in a row", new SignalingClosed(1006, "", false), 3, ms(2000)),
            new Case("never connected", new SignalingClosed(-1, "refused", false), 1, ms(500)),
            new Case("no close known", null, 1, ms(500)),
        };
        for (Case c : cases) {
            assertEquals(c.expected(), ReconnectPolicy.delay(BACKOFF, c.last(), c.failures(), 0.0), c.what());
        }
    }

    @Test
    void theBackOffKeepsItsJitterAndAMoveHasNone() {
        assertEquals(Duration.ofNanos(437_500_000), ReconnectPolicy.delay(BACKOFF, server(1001), 1, 0.5));
        assertEquals(Duration.ZERO, ReconnectPolicy.delay(BACKOFF, server(1012), 1, 0.9));
    }

    @Test
    void failuresStartAtOne() {
        assertThrows(IllegalArgumentException.class, () -> ReconnectPolicy.delay(BACKOFF, server(1012), 0, 0.0));
    }
}
