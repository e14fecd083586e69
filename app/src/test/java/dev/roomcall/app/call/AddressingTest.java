package dev.roomcall.app.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.roomcall.signaling.IceCandidate;
import dev.roomcall.signaling.SessionDescription;
import dev.roomcall.signaling.SignalMessage;
import org.junit.jupiter.api.Test;

/** What a session sends is addressed in a group room, and sent as it is in a two-person call. */
class AddressingTest {

    private final SessionDescription offer = new SessionDescription("offer", "v=0\r\n");
    private final IceCandidate candidate = new IceCandidate("candidate:1 1 udp 1 127.0.0.1 9 typ host", "0", 0, null);

    @Test
    void offersAnswersAndCandidatesGetFromAndTo() {
        assertEquals(new SignalMessage.Offer(offer, "p3", "p1"),
                Addressing.address(new SignalMessage.Offer(offer), "p3", "p1"));
        SessionDescription answer = new SessionDescription("answer", "v=0\r\n");
        assertEquals(new SignalMessage.Answer(answer, "p1", "p3"),
                Addressing.address(new SignalMessage.Answer(answer), "p1", "p3"));
        assertEquals(new SignalMessage.Candidate(candidate, "p3", "p2"),
                Addressing.address(new SignalMessage.Candidate(candidate), "p3", "p2"));
    }

    @Test
    void aTwoPersonCallSendsItsMessagesAsTheyAre() {
        SignalMessage plain = new SignalMessage.Offer(offer);
        assertSame(plain, Addressing.address(plain, null, null));
        assertSame(plain, Addressing.address(plain, "p2", null), "a demo page gets nothing addressed");
    }

    @Test
    void theSenderIsReadFromFrom() {
        assertEquals("p2", Addressing.from(new SignalMessage.Candidate(candidate, "p2", "p1")));
        assertNull(Addressing.from(new SignalMessage.Candidate(candidate)));
        assertNull(Addressing.from(new SignalMessage.Bye()));
    }
}
