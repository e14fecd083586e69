package dev.roomcall.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A client's failures in a row decide the wait before its next attempt and when it gives up. */
class RetriesTest {

    private static final Backoff NO_JITTER = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10), 0);
    private static final SignalingClosed DROPPED = new SignalingClosed(1006, "dropped", true);
    private static final SignalingClosed MOVE = new SignalingClosed(Protocol.CLOSE_SERVICE_RESTART, "draining", true);

    @Test
    void waitsLongerWithEachFailureThenGivesUpPastTheLimit() {
        Retries retries = new Retries(NO_JITTER, 3);
        assertEquals(Optional.of(Duration.ofMillis(500)), retries.failed(DROPPED));
        assertEquals(Optional.of(Duration.ofSeconds(1)), retries.failed(DROPPED));
        assertEquals(Optional.of(Duration.ofSeconds(2)), retries.failed(DROPPED));
        assertEquals(Optional.empty(), retries.failed(DROPPED));
        assertEquals("4 attempts", retries.given());
    }

    @Test
    void aConnectionThatOpenedStartsTheCountAgainAndAMoveRequestIsFollowedAtOnce() {
        Retries retries = new Retries(NO_JITTER, 1);
        retries.failed(DROPPED);
        retries.opened();
        assertEquals(Optional.of(Duration.ZERO), retries.failed(MOVE), "a draining node's 1012: straight on");
        assertEquals(Optional.empty(), retries.failed(MOVE));
        assertEquals("2 attempts", retries.given());
    }

    @Test
    void oneAttemptIsSaidInTheSingular() {
        Retries retries = new Retries(NO_JITTER, 0);
        assertEquals(Optional.empty(), retries.failed(DROPPED));
        assertEquals("1 attempt", retries.given());
    }
}
