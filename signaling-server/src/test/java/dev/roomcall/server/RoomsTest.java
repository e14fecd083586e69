package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.signaling.IceServer;
import dev.roomcall.signaling.Protocol;
import dev.roomcall.signaling.SignalCodec;
import dev.roomcall.signaling.SignalMessage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The room rules on their own, without sockets: what each member is sent, in which order. */
class RoomsTest {

    private static final List<IceServer> ICE = List.of(IceServer.stun("stun:stun.example.org"));
    private static final RoomName ROOM = new RoomName("room");

    private final Rooms rooms = new Rooms(3, 4, ICE);

    private static SignalMessage.Joined joined(int peers, String id, List<SignalMessage.Peer> members) {
        return new SignalMessage.Joined("room", peers, ICE, 0, false, id, members, 4);
    }

    private static Payload text(String json) {
        return new Payload.Text(json);
    }

    @Test
    void joiningAnEmptyRoomSendsJoinedWithNoPeers() {
        FakeMember a = new FakeMember(true);
        assertTrue(rooms.join(a, ROOM));
        assertEquals(List.of(joined(0, "p1", List.of())), a.sent);
        assertEquals(1, rooms.roomCount());
    }

    @Test
    void theSecondJoinerLearnsThereIsAPeerAndTheFirstHearsPeerJoined() {
        FakeMember a = new FakeMember(true);
        FakeMember b = new FakeMember(true);
        rooms.join(a, ROOM);
        rooms.join(b, ROOM);
        assertEquals(List.of(joined(0, "p1", List.of()), new SignalMessage.PeerJoined("p2", "", false)), a.sent);
        assertEquals(List.of(joined(1, "p2", List.of(new SignalMessage.Peer("p1", "", false)))), b.sent);
    }

    @Test
    void plainMembersAreSentNoPresenceAtAll() {
        FakeMember a = new FakeMember(false);
        FakeMember b = new FakeMember(false);
        rooms.join(a, ROOM);
        rooms.join(b, ROOM);
        rooms.leave(b, "close");
        assertEquals(List.of(), a.sent);
        assertEquals(List.of(), b.sent);
    }

    @Test
    void aThirdMemberOfARoomOfTwoIsToldTheRoomIsFullAndClosedWith4001() {
        Rooms rooms = new Rooms(3, 2, ICE);
        FakeMember a = new FakeMember(true);
        FakeMember b = new FakeMember(true);
        FakeMember c = new FakeMember(true);
        rooms.join(a, ROOM);
        rooms.join(b, ROOM);
        a.sent.clear();
        b.sent.clear();

        assertFalse(rooms.join(c, ROOM));

        assertEquals(List.of(new SignalMessage.RoomFull("room")), c.sent);
        assertEquals(Protocol.CLOSE_ROOM_FULL, c.closeCode);
        assertEquals("room full", c.closeReason);
        assertEquals(List.of(), a.sent);
        assertEquals(List.of(), b.sent);
        rooms.leave(c, "close");
        rooms.relay(a, text(Signals.offer("x")));
        assertEquals(List.of(SignalCodec.decode(Signals.offer("x"))), b.sent, "the refused member changed nothing");
    }

    @Test
    void aLoneMembersMessagesWaitForTheNextJoinerAndKeepTheFirstOnesWhenFull() {
        FakeMember a = new FakeMember(false);
        rooms.join(a, ROOM);
        for (int i = 1; i <= 5; i++) {
            rooms.relay(a, text(Signals.candidate("c" + i)));
        }
        FakeMember b = new FakeMember(false);
        rooms.join(b, ROOM);
        assertEquals(List.of(SignalCodec.decode(Signals.candidate("c1")), SignalCodec.decode(Signals.candidate("c2")),
                SignalCodec.decode(Signals.candidate("c3"))), b.sent);
    }

    @Test
    void aLeaversQueuedMessagesAreDiscardedAndTheEmptyRoomRemoved() {
        FakeMember a = new FakeMember(false);
        rooms.join(a, ROOM);
        rooms.relay(a, text(Signals.offer("stale")));
        rooms.leave(a, "close");
        assertEquals(0, rooms.roomCount());

        FakeMember b = new FakeMember(false);
        rooms.join(b, ROOM);
        assertEquals(List.of(), b.sent);
    }

    @Test
    void theRemainingMemberHearsPeerLeftOnceAndLaterMessagesQueueAgain() {
        FakeMember a = new FakeMember(true);
        FakeMember b = new FakeMember(true);
        rooms.join(a, ROOM);
        rooms.join(b, ROOM);
        a.sent.clear();

        rooms.leave(b, "bye");
        rooms.leave(b, "close");

        assertEquals(List.of(new SignalMessage.PeerLeft("p2", "")), a.sent);
        rooms.relay(a, text(Signals.offer("again")));
        FakeMember c = new FakeMember(false);
        rooms.join(c, ROOM);
        assertEquals(List.of(SignalCodec.decode(Signals.offer("again"))), c.sent);
    }

    @Test
    void aMemberThatLeftRelaysNothing() {
        FakeMember a = new FakeMember(false);
        FakeMember b = new FakeMember(false);
        rooms.join(a, ROOM);
        rooms.join(b, ROOM);
        rooms.leave(a, "bye");
        rooms.relay(a, text(Signals.offer("late")));
        assertEquals(List.of(), b.sent);
    }

    @Test
    void roomsWithDifferentNamesNeverShareMessages() {
        FakeMember a = new FakeMember(false);
        FakeMember b = new FakeMember(false);
        FakeMember c = new FakeMember(false);
        rooms.join(a, new RoomName("one"));
        rooms.join(b, new RoomName("one"));
        rooms.join(c, new RoomName("two"));
        rooms.relay(a, text(Signals.offer("one")));
        assertEquals(List.of(SignalCodec.decode(Signals.offer("one"))), b.sent);
        assertEquals(List.of(), c.sent);
        assertEquals(2, rooms.roomCount());
    }
}
