package dev.roomcall.bench.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roomcall.signaling.SignalCodec;
import dev.roomcall.signaling.SignalMessage;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class CapacityMessageTest {

    static Stream<CapacityMessage> messages() {
        return Stream.of(new CapacityMessage(123_456_789L, 0, 0, 0), new CapacityMessage(-42L, 4999, 1, 123_456),
                new CapacityMessage(Long.MAX_VALUE, Integer.MAX_VALUE, 1, Long.MAX_VALUE));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void roomSideNumberAndTimeComeBackOut(CapacityMessage m) {
        assertEquals(m, CapacityMessage.parse(m.text()));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void itIsAValidCandidateSoRoomcallsServerRelaysIt(CapacityMessage m) {
        SignalMessage.Candidate candidate = assertInstanceOf(SignalMessage.Candidate.class, SignalCodec.decode(m.text()));
        assertEquals("0", candidate.candidate().sdpMid());
    }

    @Test
    void itIsTheSizeOfARealCandidate() {
        int length = new CapacityMessage(System.nanoTime(), 4999, 1, 3000).text().length();
        assertEquals(true, length > 200 && length < 260, "length " + length);
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"type\":\"joined\",\"id\":\"a\"}", "candidate:123 1 udp", "{\"x\":\"candidate:1 ufrag Hp7l \"}",
            "candidate:1 x ufrag rc1+2+3 y", "candidate:1 x ufrag rc1+0 y", "candidate:1 x ufrag rcA+0+1 y"})
    void whatIsNotSuchAMessageIsRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> CapacityMessage.parse(text));
    }

    @Test
    void aNegativeRoomOrNumberOrAThirdSideIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new CapacityMessage(0, -1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> new CapacityMessage(0, 0, 2, 0));
        assertThrows(IllegalArgumentException.class, () -> new CapacityMessage(0, 0, 0, -1));
    }
}
