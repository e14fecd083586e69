package dev.roomcall.bench.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roomcall.signaling.SignalCodec;
import dev.roomcall.signaling.SignalMessage;
import org.junit.jupiter.api.Test;

class StampedMessageTest {

    @Test
    void theSendTimeComesBackOutEvenWhenNanoTimeIsNegative() {
        assertEquals(123_456_789_012L, StampedMessage.stamp(StampedMessage.of(123_456_789_012L)));
        assertEquals(-42L, StampedMessage.stamp(StampedMessage.of(-42L)));
    }

    @Test
    void theMessageIsAValidCandidateSoRoomcallsServerRelaysIt() {
        SignalMessage decoded = SignalCodec.decode(StampedMessage.of(987_654_321L));
        SignalMessage.Candidate candidate = assertInstanceOf(SignalMessage.Candidate.class, decoded);
        assertEquals("0", candidate.candidate().sdpMid());
    }

    @Test
    void aMessageWithoutAStampIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> StampedMessage.stamp("{\"event\":\"joined\"}"));
        assertThrows(IllegalArgumentException.class, () -> StampedMessage.stamp("candidate:abc def"));
    }
}
