package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roomcall.signaling.IceServer;
import dev.roomcall.signaling.Protocol;
import dev.roomcall.signaling.SignalMessage;
import java.util.List;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.junit.jupiter.api.Test;

/** roomcall.v1 members hear who is in the room; plain members never do; a full room turns the next joiner away. */
class PresenceTest extends ServerTestSupport {

    private static final List<IceServer> ICE = List.of(IceServer.stun("stun:stun.example.org:3478"));

    private static final SignalMessage PEER_JOINED = new SignalMessage.PeerJoined();
    private static final SignalMessage PEER_LEFT = new SignalMessage.PeerLeft();

    @Test
    void joinersGetJoinedWithThePeersAlreadyThereAndTheIceServers() {
        start(c -> c.iceServers(ICE));
        TestPeer first = roomcall("/call-1");
        assertEquals(Protocol.SUBPROTOCOL, first.acceptedSubprotocol());
        assertEquals(new SignalMessage.Joined("call-1", 0, ICE), Signals.decode(first.nextText()));

        TestPeer second = roomcall("/call-1");
        assertEquals(new SignalMessage.Joined("call-1", 1, ICE), Signals.decode(second.nextText()));
        assertEquals(PEER_JOINED, Signals.decode(first.nextText()));
    }

    @Test
    void theRoomComesFromThePathElseTheQueryElseIsDefaultAndIgnoresCase() {
        start();
        TestPeer byQuery = roomcall("/?room=MixedCase");
        assertEquals(new SignalMessage.Joined("mixedcase", 0, List.of()), Signals.decode(byQuery.nextText()));
        TestPeer byPath = roomcall("/mixedCASE?room=ignored");
        assertEquals(new SignalMessage.Joined("mixedcase", 1, List.of()), Signals.decode(byPath.nextText()));

        TestPeer noRoom = roomcall("/");
        assertEquals(new SignalMessage.Joined("default", 0, List.of()), Signals.decode(noRoom.nextText()));
    }

    @Test
    void aPlainMemberOfferingNoSubprotocolGetsNoneAndNoPresence() {
        start();
        TestPeer plain = joinedPlain("/quiet");
        assertEquals("", plain.acceptedSubprotocol());
        TestPeer other = joinedRoomcall("/quiet");
        other.send(Signals.offer("first-thing"));
        assertEquals(Signals.offer("first-thing"), plain.nextText());
    }

    @Test
    void aThirdRoomcallJoinerOfARoomOfTwoGetsRoomFullThenClose4001AndTheOthersCarryOn() {
        start(c -> c.roomSize(2));
        TestPeer a = joinedRoomcall("/pair");
        TestPeer b = joinedRoomcall("/pair");
        assertEquals(PEER_JOINED, Signals.decode(a.nextText()));

        TestPeer third = roomcall("/pair");

        assertEquals(new SignalMessage.RoomFull("pair"), Signals.decode(third.nextText()));
        TestPeer.Closed closed = third.awaitClose();
        assertEquals(Protocol.CLOSE_ROOM_FULL, closed.code());
        assertEquals("room full", closed.reason());

        a.send(Signals.offer("still-working"));
        assertEquals(Signals.offer("still-working"), b.nextText());
        // The refused joiner's arrival and departure were not news to the members.
        b.send(Signals.answer("still-working"));
        assertEquals(Signals.answer("still-working"), a.nextText());
    }

    @Test
    void aThirdPlainJoinerIsClosedWith4001WithoutAnExtensionMessage() {
        start();
        joinedPlain("/pair");
        joinedPlain("/pair");

        TestPeer third = plain("/pair");

        third.assertClosedWith(Protocol.CLOSE_ROOM_FULL);
        third.assertInboxEmpty();
    }

    @Test
    void byeTellsTheOtherMemberPeerLeftAndEndsTheSendersConnection() {
        start();
        TestPeer a = joinedRoomcall("/hangup");
        TestPeer b = joinedRoomcall("/hangup");
        assertEquals(PEER_JOINED, Signals.decode(a.nextText()));

        a.send(Signals.bye());

        assertEquals(PEER_LEFT, Signals.decode(b.nextText()));
        a.assertClosedWith(StatusCode.NORMAL);
        // The bye itself was not relayed: a newcomer's message is the next thing b sees after peer-joined.
        TestPeer c = roomcall("/hangup");
        assertEquals(new SignalMessage.Joined("hangup", 1, List.of()), Signals.decode(c.nextText()));
        assertEquals(PEER_JOINED, Signals.decode(b.nextText()));
        c.send(Signals.offer("newcomer"));
        assertEquals(Signals.offer("newcomer"), b.nextText());
    }

    @Test
    void aByeIsNeverForwardedToAPlainMember() {
        start();
        TestPeer plain = joinedPlain("/hangup");
        TestPeer leaver = joinedRoomcall("/hangup");

        leaver.send(Signals.bye());
        leaver.assertClosedWith(StatusCode.NORMAL);

        TestPeer next = plain("/hangup");
        next.send(Signals.offer("after-bye"));
        assertEquals(Signals.offer("after-bye"), plain.nextText());
    }

    @Test
    void closingTheConnectionTellsTheOtherMemberPeerLeft() {
        start();
        TestPeer a = joinedRoomcall("/leaving");
        TestPeer b = joinedRoomcall("/leaving");

        a.close();

        assertEquals(PEER_LEFT, Signals.decode(b.nextText()));
    }

    @Test
    void aLeaverFreesItsPlaceAndAnEmptyRoomIsRemoved() {
        start();
        TestPeer a = joinedRoomcall("/transient");
        TestPeer b = joinedRoomcall("/transient");
        a.close();
        awaitActiveMembers(1);

        TestPeer c = roomcall("/transient");
        assertEquals(new SignalMessage.Joined("transient", 1, List.of()), Signals.decode(c.nextText()));

        b.close();
        c.close();
        awaitActiveRooms(0);
    }

    @Test
    void clientsCannotSpoofServerMessages() {
        start();
        TestPeer a = joinedRoomcall("/spoof");
        TestPeer b = joinedRoomcall("/spoof");

        a.send("{\"event\":\"peer-left\"}");
        a.send(Signals.offer("real"));

        assertEquals(Signals.offer("real"), b.nextText());
    }

    @Test
    void stoppingTheServerDoesNotTellAnyoneThatTheirPeerLeft() {
        start();
        TestPeer one = joinedRoomcall("/still-talking");
        TestPeer two = joinedRoomcall("/still-talking");
        assertEquals(new SignalMessage.PeerJoined(), Signals.decode(one.nextText()));

        server.close();

        // Their media is peer to peer and goes on; a peer-left would make them hang up on each other.
        one.awaitClose();
        two.awaitClose();
        one.assertInboxEmpty();
        two.assertInboxEmpty();
    }
}
