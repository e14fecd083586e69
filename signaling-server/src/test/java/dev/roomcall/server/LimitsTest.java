package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.signaling.Protocol;
import dev.roomcall.signaling.SessionDescription;
import dev.roomcall.signaling.SignalCodec;
import dev.roomcall.signaling.SignalMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.junit.jupiter.api.Test;

/** Abuse closes the abuser with a clear code and reason; everybody else carries on. */
class LimitsTest extends ServerTestSupport {

    @Test
    void anOversizedMessageClosesItsSenderWith1009AndOtherRoomsCarryOn() {
        start();
        TestPeer big = joinedRoomcall("/big");
        TestPeer bigPeer = joinedRoomcall("/big");
        TestPeer a = plain("/small");
        TestPeer b = plain("/small");

        big.send(offerOfSize(SignalCodec.MAX_MESSAGE_BYTES + 1));

        TestPeer.Closed closed = big.awaitClose();
        assertEquals(StatusCode.MESSAGE_TOO_LARGE, closed.code());
        assertTrue(closed.reason().contains("too large"), closed.reason());
        assertEquals(new SignalMessage.PeerLeft(), Signals.decode(bigPeer.nextText()));
        a.send(Signals.offer("small"));
        assertEquals(Signals.offer("small"), b.nextText());
    }

    @Test
    void aMessageOfExactlyTheMaximumSizeIsRelayed() {
        start();
        TestPeer a = plain("/edge");
        TestPeer b = plain("/edge");
        String largest = offerOfSize(SignalCodec.MAX_MESSAGE_BYTES);

        a.send(largest);

        assertEquals(largest, b.nextText());
    }

    @Test
    void connectionsFromOneAddressBeyondTheLimitAreClosedWith4008() {
        start(c -> c.maxConnectionsPerAddress(2));
        TestPeer first = joinedPlain("/one");
        joinedPlain("/two");

        TestPeer refused = roomcall("/three");

        TestPeer.Closed closed = refused.awaitClose();
        assertEquals(Protocol.CLOSE_LIMIT, closed.code());
        assertEquals(SignalingEndpoint.REASON_TOO_MANY_CONNECTIONS, closed.reason());
        refused.assertInboxEmpty();

        first.close();
        awaitActiveMembers(1);
        TestPeer afterwards = roomcall("/three");
        assertEquals(new SignalMessage.Joined("three", 0, List.of()), Signals.decode(afterwards.nextText()));
    }

    @Test
    void aFloodIsClosedWith4008RateLimitAndOtherRoomsCarryOn() {
        start(c -> c.rateLimit(5, 10));
        TestPeer flooder = joinedPlain("/flood");
        TestPeer victim = joinedRoomcall("/flood");
        TestPeer a = plain("/calm");
        TestPeer b = plain("/calm");

        int sent = 0;
        try {
            while (sent < 200) {
                flooder.send(Signals.candidate("flood" + sent));
                sent++;
            }
        } catch (WebsocketNotConnectedException closedByServer) {
            // Expected once the server has had enough.
        }

        TestPeer.Closed closed = flooder.awaitClose();
        assertEquals(Protocol.CLOSE_LIMIT, closed.code());
        assertEquals(SignalingEndpoint.REASON_RATE_LIMIT, closed.reason());
        // At least the burst got through, in order; then the flooder was taken out of the room.
        int relayed = 0;
        String next;
        while (!(Signals.decode(next = victim.nextText()) instanceof SignalMessage.PeerLeft)) {
            assertEquals(Signals.candidate("flood" + relayed), next);
            relayed++;
        }
        assertTrue(relayed >= 10 && relayed < sent, "relayed " + relayed + " of " + sent);
        a.send(Signals.offer("calm"));
        assertEquals(Signals.offer("calm"), b.nextText());
    }

    @Test
    void invalidMessagesAreDroppedNotRelayed() {
        start();
        TestPeer a = plain("/garbage");
        TestPeer b = plain("/garbage");

        a.send("not json at all");
        a.send("{\"event\":\"_offer\",\"data\":{}}");
        a.send("{\"hello\":\"world\"}");
        a.send(new byte[] {(byte) 0xff, (byte) 0xfe, 0x00});
        a.send(Signals.offer("valid"));

        assertEquals(Signals.offer("valid"), b.nextText());
    }

    @Test
    void tooManyInvalidMessagesCloseTheConnectionWith1008() {
        start();
        TestPeer a = joinedPlain("/garbage");
        TestPeer b = joinedRoomcall("/garbage");

        for (int i = 0; i < SignalingEndpoint.MAX_INVALID_MESSAGES; i++) {
            a.send("garbage " + i);
        }

        TestPeer.Closed closed = a.awaitClose();
        assertEquals(StatusCode.POLICY_VIOLATION, closed.code());
        assertEquals(SignalingEndpoint.REASON_TOO_MANY_INVALID, closed.reason());
        assertEquals(new SignalMessage.PeerLeft(), Signals.decode(b.nextText()));
    }

    @Test
    void anInvalidRoomNameIsClosedWith1008AndTheRule() {
        start();
        for (String path : new String[] {"/bad.name", "/a/b", "/?room=sp%20ace", "/" + "x".repeat(65)}) {
            TestPeer peer = roomcall(path);
            TestPeer.Closed closed = peer.awaitClose();
            assertEquals(StatusCode.POLICY_VIOLATION, closed.code(), path);
            assertEquals(RoomName.RULE, closed.reason(), path);
            peer.assertInboxEmpty();
        }
        TestPeer longest = roomcall("/" + "x".repeat(64));
        assertEquals(new SignalMessage.Joined("x".repeat(64), 0, List.of()), Signals.decode(longest.nextText()));
    }

    @Test
    void aMemberTokenThatIsNoneIsClosedWith1008AndTheRule() {
        start();
        String room = "/token-room?room=token-room&member=";
        for (String token : new String[] {"short", "x".repeat(65), "has%20space-in-it-0123456789", "%3Cscript%3E0123456789abcdef"}) {
            TestPeer peer = roomcall(room + token);
            TestPeer.Closed closed = peer.awaitClose();
            assertEquals(StatusCode.POLICY_VIOLATION, closed.code(), token);
            assertEquals(dev.roomcall.signaling.MemberToken.RULE, closed.reason(), token);
            peer.assertInboxEmpty();
        }
        dev.roomcall.signaling.MemberToken token = dev.roomcall.signaling.MemberToken.random();
        TestPeer good = roomcall(room + token.value());
        assertEquals(token.memberId(), ((SignalMessage.Joined) Signals.decodeWhole(good.nextText())).id());
    }

    /** A valid offer whose UTF-8 encoding is exactly {@code bytes} long. */
    private static String offerOfSize(int bytes) {
        String empty = SignalCodec.encode(new SignalMessage.Offer(new SessionDescription("offer", "")));
        int padding = bytes - empty.getBytes(StandardCharsets.UTF_8).length;
        String offer = SignalCodec.encode(new SignalMessage.Offer(new SessionDescription("offer", "a".repeat(padding))));
        assertEquals(bytes, offer.getBytes(StandardCharsets.UTF_8).length);
        return offer;
    }
}
