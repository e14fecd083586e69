package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.roomcall.signaling.SignalMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What one member sends reaches the other member of its room, unchanged, in order, and nobody else. */
class RelayTest extends ServerTestSupport {

    @BeforeEach
    void startServer() {
        start();
    }

    @Test
    void messagesReachTheOtherMemberOfTheSameRoomAndNeverCrossRooms() {
        TestPeer a1 = plain("/room-one");
        TestPeer b1 = plain("/room-one");
        TestPeer a2 = plain("/room-two");
        TestPeer b2 = plain("/room-two");

        a1.send(Signals.offer("one"));
        a2.send(Signals.offer("two"));
        b1.send(Signals.answer("one"));
        b2.send(Signals.answer("two"));

        assertEquals(Signals.offer("one"), b1.nextText());
        assertEquals(Signals.offer("two"), b2.nextText());
        assertEquals(Signals.answer("one"), a1.nextText());
        assertEquals(Signals.answer("two"), a2.nextText());

        // A later message in each room is the very next thing each member sees: nothing crossed over.
        a1.send(Signals.candidate("one-end"));
        a2.send(Signals.candidate("two-end"));
        assertEquals(Signals.candidate("one-end"), b1.nextText());
        assertEquals(Signals.candidate("two-end"), b2.nextText());
        a1.assertInboxEmpty();
        a2.assertInboxEmpty();
    }

    @Test
    void manyMessagesArriveInTheOrderTheyWereSent() {
        TestPeer a = plain("/ordered");
        TestPeer b = plain("/ordered");
        for (int i = 0; i < 40; i++) {
            a.send(Signals.candidate("c" + i));
        }
        for (int i = 0; i < 40; i++) {
            assertEquals(Signals.candidate("c" + i), b.nextText());
        }
    }

    @Test
    void textIsRelayedByteForByteNotReEncoded() {
        TestPeer a = plain("/exact");
        TestPeer b = plain("/exact");
        // Valid signaling, but spaced, escaped and ordered as no encoder would write it.
        String unusual = "{ \"data\" : {\"sdp\": {\"sdp\":\"v=0\\r\\no=- 1 2 IN IP4 127.0.0.1\\r\\n\\u003d é\","
                + " \"type\":\"offer\"}, \"extra\": [1, 2.50]},\n \"event\":\"_offer\" }";
        assertEquals(SignalMessage.Offer.class, Signals.decode(unusual).getClass(), "precondition: the test message is valid");

        a.send(unusual);

        assertEquals(unusual, b.nextText());
    }

    @Test
    void binaryFramesStayBinaryWithIdenticalBytes() {
        TestPeer a = plain("/binary");
        TestPeer b = plain("/binary");
        byte[] json = Signals.candidate("in-binary").getBytes(StandardCharsets.UTF_8);

        a.send(json);

        TestPeer.Received received = b.next();
        assertFalse(received.isText(), "a binary frame must arrive as a binary frame");
        assertArrayEquals(json, received.binary());
    }

    @Test
    void theBareDialectOfTheHashRoomDemoIsRelayedToo() {
        TestPeer a = plain("/bare");
        TestPeer b = plain("/bare");
        String bare = "{\"sdp\":{\"type\":\"offer\",\"sdp\":\"v=0\\r\\n\"}}";

        a.send(bare);

        assertEquals(bare, b.nextText());
    }

    @Test
    void aPlainConnectionReceivesExactlyThePeersMessagesAndNothingElse() {
        TestPeer plainA = joinedPlain("/mixed");
        TestPeer roomcallB = roomcall("/mixed");
        assertEquals(new SignalMessage.Joined("mixed", 1, List.of()), Signals.decode(roomcallB.nextText()));

        roomcallB.send(Signals.offer("for-plain"));
        // No peer-joined came before the offer.
        assertEquals(Signals.offer("for-plain"), plainA.nextText());

        roomcallB.close();
        awaitActiveMembers(1);
        TestPeer plainC = plain("/mixed");
        plainC.send(Signals.offer("after-leave"));
        // No peer-left for B's departure, no peer-joined for C: the next thing is C's message.
        assertEquals(Signals.offer("after-leave"), plainA.nextText());
        plainA.send(Signals.answer("to-c"));
        assertEquals(Signals.answer("to-c"), plainC.nextText());
    }
}
