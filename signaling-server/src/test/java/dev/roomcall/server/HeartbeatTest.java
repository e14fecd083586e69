package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.roomcall.signaling.SignalMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A peer that vanished without a close frame loses its place; a quiet but present one keeps it. */
class HeartbeatTest extends ServerTestSupport {

    private static final Duration IDLE = Duration.ofMillis(300);

    @BeforeEach
    void startServer() {
        start(c -> c.idleTimeout(IDLE));
    }

    @Test
    void aPeerThatStopsAnsweringPingsIsDroppedAndTheOtherHearsPeerLeft() {
        TestPeer ghost = joinedRoomcall("/ghost");
        TestPeer waiting = joinedRoomcall("/ghost");

        ghost.stopAnsweringPings();

        assertEquals(new SignalMessage.PeerLeft(), Signals.decode(waiting.nextText()));
        // Its place is free again.
        TestPeer returning = roomcall("/ghost");
        assertEquals(new SignalMessage.Joined("ghost", 1, List.of()), Signals.decode(returning.nextText()));
    }

    @Test
    void aQuietPeerThatAnswersPingsStaysInItsRoom() throws InterruptedException {
        TestPeer quiet = plain("/quiet");
        TestPeer other = plain("/quiet");

        // Several idle timeouts without a single message.
        Thread.sleep(IDLE.multipliedBy(4).toMillis());

        assertFalse(quiet.isClosed());
        other.send(Signals.offer("still-here"));
        assertEquals(Signals.offer("still-here"), quiet.nextText());
    }
}
