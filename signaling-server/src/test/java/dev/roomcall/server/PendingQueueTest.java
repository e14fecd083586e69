package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.roomcall.signaling.SignalMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Messages sent while alone wait for the next joiner, but never outlive their sender. */
class PendingQueueTest extends ServerTestSupport {

    @Test
    void whatALoneMemberSendsReachesTheNextJoinerInOrderRightAfterJoined() {
        start();
        TestPeer early = joinedRoomcall("/waiting");
        early.send(Signals.offer("early"));
        early.send(Signals.candidate("c1"));
        early.send(Signals.candidate("c2"));
        awaitQueuedMessages(3);

        TestPeer late = roomcall("/waiting");

        assertEquals(new SignalMessage.Joined("waiting", 1, List.of(), 3), Signals.decode(late.nextText()),
                "joined counts the queued messages that follow it");
        assertEquals(Signals.offer("early"), late.nextText());
        assertEquals(Signals.candidate("c1"), late.nextText());
        assertEquals(Signals.candidate("c2"), late.nextText());
        assertEquals(new SignalMessage.PeerJoined(), Signals.decode(early.nextText()));

        // Once both are there, messages go straight through again.
        early.send(Signals.candidate("c3"));
        assertEquals(Signals.candidate("c3"), late.nextText());
    }

    @Test
    void aPlainJoinerGetsTheQueuedMessagesAsItsFirstMessages() {
        start();
        TestPeer early = plain("/waiting");
        early.send(Signals.offer("early"));
        early.send(Signals.candidate("c1"));

        TestPeer late = plain("/waiting");

        assertEquals(Signals.offer("early"), late.nextText());
        assertEquals(Signals.candidate("c1"), late.nextText());
    }

    @Test
    void aQueuedOfferIsDiscardedWhenItsSenderSaysBye() {
        start();
        TestPeer early = joinedRoomcall("/stale");
        early.send(Signals.offer("stale"));
        early.send(Signals.bye());
        early.awaitClose();

        TestPeer late = roomcall("/stale");
        assertEquals(new SignalMessage.Joined("stale", 0, List.of()), Signals.decode(late.nextText()));
        TestPeer witness = roomcall("/stale");
        witness.send(Signals.offer("fresh"));
        // Had the stale offer been kept, it would have come between joined and peer-joined.
        assertEquals(new SignalMessage.PeerJoined(), Signals.decode(late.nextText()));
        assertEquals(Signals.offer("fresh"), late.nextText());
    }

    @Test
    void aQueuedOfferIsDiscardedWhenItsSenderDisconnects() {
        start();
        TestPeer early = joinedPlain("/stale");
        early.send(Signals.offer("stale"));
        early.send(Signals.candidate("stale"));
        early.close();
        awaitActiveRooms(0);

        TestPeer late = plain("/stale");
        TestPeer witness = plain("/stale");
        witness.send(Signals.offer("fresh"));
        assertEquals(Signals.offer("fresh"), late.nextText());
    }

    @Test
    void theQueueKeepsTheFirstMessagesAndDropsLaterOnesTellingTheSenderOnce() {
        start(c -> c.maxQueuedMessages(3));
        TestPeer early = joinedRoomcall("/bounded");
        for (int i = 1; i <= 6; i++) {
            early.send(Signals.candidate("q" + i));
        }
        SignalMessage.ServerError error =
                assertInstanceOf(SignalMessage.ServerError.class, Signals.decode(early.nextText()));
        assertEquals(Rooms.QUEUE_FULL_CODE, error.code());

        TestPeer late = plain("/bounded");
        assertEquals(Signals.candidate("q1"), late.nextText());
        assertEquals(Signals.candidate("q2"), late.nextText());
        assertEquals(Signals.candidate("q3"), late.nextText());
        early.send(Signals.candidate("live"));
        assertEquals(Signals.candidate("live"), late.nextText());
        // Only one warning for the whole overflow, then peer-joined.
        assertEquals(new SignalMessage.PeerJoined(), Signals.decode(early.nextText()));
    }
}
