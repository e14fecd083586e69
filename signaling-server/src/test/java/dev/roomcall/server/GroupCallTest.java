package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.roomcall.signaling.Protocol;
import dev.roomcall.signaling.SessionDescription;
import dev.roomcall.signaling.SignalCodec;
import dev.roomcall.signaling.SignalMessage.Peer;
import dev.roomcall.signaling.SignalMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Group calls over real sockets: four roomcall.v1 members, each message to its addressee, a fifth turned away. */
class GroupCallTest extends ServerTestSupport {

    private static String offer(String from, String to, String tag) {
        return SignalCodec.encode(new SignalMessage.Offer(new SessionDescription("offer", "v=0\r\no=- " + tag + "\r\n"),
                from, to));
    }

    private SignalMessage.Joined join(TestPeer peer) {
        return assertInstanceOf(SignalMessage.Joined.class, Signals.decodeWhole(peer.nextText()));
    }

    @Test
    void fourMembersEachReachEveryOtherByIdAndNobodyElse() {
        start();
        TestPeer a = roomcall("/four");
        assertEquals("p1", join(a).id());
        TestPeer b = roomcall("/four");
        assertEquals("p2", join(b).id());
        b.send(SignalCodec.encode(new SignalMessage.Hello("  Bea  ")));
        assertEquals(new SignalMessage.PeerJoined("p2", "", false), Signals.decodeWhole(a.nextText()));
        assertEquals(new SignalMessage.PeerName("p2", "Bea"), Signals.decodeWhole(a.nextText()));
        TestPeer c = roomcall("/four");
        SignalMessage.Joined third = join(c);
        assertEquals(List.of(new Peer("p1", "", false), new Peer("p2", "Bea", false)), third.members());
        TestPeer d = roomcall("/four");
        assertEquals(3, join(d).peers());
        for (TestPeer earlier : List.of(a, b, c)) {
            SignalMessage next;
            do {
                next = Signals.decodeWhole(earlier.nextText());
            } while (!(next instanceof SignalMessage.PeerJoined p && "p4".equals(p.peer())));
        }

        // the newcomer offers to each member already there
        d.send(offer("p4", "p1", "to-a"));
        d.send(offer("p4", "p2", "to-b"));
        d.send(offer("p4", "p3", "to-c"));
        assertEquals(offer("p4", "p1", "to-a"), a.nextText());
        assertEquals(offer("p4", "p2", "to-b"), b.nextText());
        assertEquals(offer("p4", "p3", "to-c"), c.nextText());
        c.send(offer("p3", "p1", "c-to-a"));
        assertEquals(offer("p3", "p1", "c-to-a"), a.nextText());

        a.assertInboxEmpty();
        b.assertInboxEmpty();
        c.assertInboxEmpty();
        d.assertInboxEmpty();
    }

    @Test
    void aFifthJoinerIsToldTheRoomIsFullAndTheFourGoOn() {
        start();
        TestPeer[] four = {joinedRoomcall("/full"), joinedRoomcall("/full"), joinedRoomcall("/full"),
                joinedRoomcall("/full")};
        awaitActiveMembers(4);

        TestPeer fifth = roomcall("/full");

        assertEquals(new SignalMessage.RoomFull("full"), Signals.decodeWhole(fifth.nextText()));
        TestPeer.Closed closed = fifth.awaitClose();
        assertEquals(Protocol.CLOSE_ROOM_FULL, closed.code());
        assertEquals("room full", closed.reason());
        awaitActiveMembers(4);
        for (int i = 0; i < 3; i++) {
            while (!(Signals.decodeWhole(four[i].nextText()) instanceof SignalMessage.PeerJoined p
                    && "p4".equals(p.peer()))) {
                // earlier presence
            }
        }
        four[3].send(offer("p4", "p2", "still-on"));
        assertEquals(offer("p4", "p2", "still-on"), four[1].nextText());
    }

    @Test
    void anUnaddressedMessageInARoomOfThreeIsRefusedWithAnErrorAndCountedAsInvalid() {
        start();
        TestPeer a = joinedRoomcall("/three");
        TestPeer b = joinedRoomcall("/three");
        TestPeer c = joinedRoomcall("/three");
        awaitActiveMembers(3);

        c.send(Signals.offer("to-whom"));

        SignalMessage.ServerError error = assertInstanceOf(SignalMessage.ServerError.class, Signals.decodeWhole(c.nextText()));
        assertEquals(Rooms.NOT_ADDRESSED_CODE, error.code());
        for (int i = 1; i < SignalingEndpoint.MAX_INVALID_MESSAGES; i++) {
            c.send(Signals.offer("to-whom"));
        }
        c.assertClosedWith(org.eclipse.jetty.websocket.api.StatusCode.POLICY_VIOLATION);
        for (TestPeer other : List.of(a, b)) {
            SignalMessage next;
            while ((next = Signals.decodeWhole(other.nextText())) instanceof SignalMessage.PeerJoined) {
                // presence of those who came after it
            }
            assertEquals(new SignalMessage.PeerLeft("p3", ""), next, "none of the unaddressed offers got through");
        }
    }

    @Test
    void aDemoPageLimitsTheRoomToTwoAndSeesOnlyTheDemoProtocol() {
        start();
        TestPeer demo = joinedPlain("/demo");
        TestPeer app = roomcall("/demo");
        SignalMessage.Joined welcome = join(app);
        assertEquals(List.of(new Peer("p1", "", true)), welcome.members());
        assertEquals(2, welcome.size());

        TestPeer third = roomcall("/demo");
        assertEquals(new SignalMessage.RoomFull("demo", Rooms.REASON_DEMO_LIMIT), Signals.decodeWhole(third.nextText()));
        assertEquals(Rooms.REASON_DEMO_LIMIT, third.awaitClose().reason());

        app.send(Signals.offer("1to1"));
        assertEquals(Signals.offer("1to1"), demo.nextText());
        demo.send(Signals.answer("1to1"));
        assertEquals(Signals.answer("1to1"), app.nextText());
        demo.assertInboxEmpty();
    }

    @Test
    void aClientThatSaysItHoldsOneCallAtATimeKeepsItsRoomAtTwo() {
        start();
        TestPeer app = roomcall("/pair?peers=1");
        join(app);
        TestPeer page = roomcall("/pair");
        assertEquals(2, join(page).size(), "the page hears that this room holds two");

        TestPeer third = roomcall("/pair");
        assertEquals(new SignalMessage.RoomFull("pair", Rooms.REASON_PAIR_ONLY), Signals.decodeWhole(third.nextText()));
        assertEquals(Rooms.REASON_PAIR_ONLY, third.awaitClose().reason());
    }
}
