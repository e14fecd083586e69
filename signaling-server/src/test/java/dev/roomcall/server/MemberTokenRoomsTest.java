package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.signaling.MemberToken;
import dev.roomcall.signaling.Protocol;
import dev.roomcall.signaling.SessionDescription;
import dev.roomcall.signaling.SignalCodec;
import dev.roomcall.signaling.SignalMessage;
import dev.roomcall.signaling.SignalMessage.Peer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A member token keeps a member's id wherever its room is (docs/protocol.md §13, "Keeping a member id across
 * nodes"): any node gives it the id the token hashes to, its own newer connection takes its seat on the same node, and
 * an id the others saw leave is never handed back. Without sockets.
 */
class MemberTokenRoomsTest {

    private static final RoomName ROOM = new RoomName("moving");

    private static FakeMember withToken(MemberToken token) {
        FakeMember member = new FakeMember(true);
        member.claimedId = token.memberId();
        return member;
    }

    private static void join(Rooms rooms, FakeMember member) {
        assertTrue(rooms.join(member, ROOM));
    }

    @Test
    void everyNodeGivesTheTokensHolderTheSameIdAndListsItUnderIt() {
        MemberToken ann = MemberToken.random();
        MemberToken bea = MemberToken.random();
        Rooms first = new Rooms(8, 4, List.of());
        Rooms second = new Rooms(8, 4, List.of());

        FakeMember annHere = withToken(ann);
        FakeMember beaHere = withToken(bea);
        join(first, annHere);
        join(first, beaHere);
        // The first node goes away; both meet again on another, in the other order.
        FakeMember beaThere = withToken(bea);
        FakeMember annThere = withToken(ann);
        join(second, beaThere);
        join(second, annThere);

        assertEquals(ann.memberId(), ((SignalMessage.Joined) annHere.sent.get(0)).id());
        assertEquals(bea.memberId(), ((SignalMessage.Joined) beaThere.sent.get(0)).id());
        SignalMessage.Joined annWelcome = (SignalMessage.Joined) annThere.sent.get(0);
        assertEquals(ann.memberId(), annWelcome.id());
        assertEquals(List.of(new Peer(bea.memberId(), "", false)), annWelcome.members());
        assertEquals(new SignalMessage.PeerJoined(ann.memberId(), "", false), beaThere.sent.get(1));
    }

    @Test
    void itsNewerConnectionOnTheSameNodeTakesTheSeatAndTheOthersHearNoLeave() {
        Rooms rooms = new Rooms(8, 4, List.of());
        MemberToken ann = MemberToken.random();
        FakeMember stale = withToken(ann);
        FakeMember bea = new FakeMember(true);
        join(rooms, stale);
        join(rooms, bea);
        rooms.rename(stale, "Ann");
        bea.sent.clear();

        FakeMember fresh = withToken(ann);
        join(rooms, fresh);

        assertEquals(Protocol.CLOSE_REPLACED, stale.closeCode);
        assertEquals(Rooms.REASON_REPLACED, stale.closeReason);
        SignalMessage.Joined welcome = (SignalMessage.Joined) fresh.sent.get(0);
        assertEquals(ann.memberId(), welcome.id());
        assertEquals(List.of(new Peer("p1", "", false)), welcome.members());
        assertEquals(List.of(new SignalMessage.PeerJoined(ann.memberId(), "Ann", false)), bea.sent,
                "the others hear it is back, never that it left");
        assertEquals(2, rooms.memberCount(), "the old connection is out of the room");

        // The old connection's close, when it comes, is no departure.
        rooms.leave(stale, "closed");
        int staleHeard = stale.sent.size();
        assertEquals(List.of(new SignalMessage.PeerJoined(ann.memberId(), "Ann", false)), bea.sent);
        String offer = SignalCodec.encode(new SignalMessage.Offer(new SessionDescription("offer", "v=0\r\n"),
                "p1", ann.memberId()));
        rooms.relay(bea, (MessageKind.Relayable) RelayClassifier.classify(offer.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                new Payload.Text(offer));
        assertEquals(2, fresh.sent.size(), "what is addressed to the id reaches the newer connection: " + fresh.sent);
        assertEquals(staleHeard, stale.sent.size(), "and not the old one: " + stale.sent);
    }

    @Test
    void aLoneMembersNewerConnectionLeavesWhatItQueuedForTheNextJoiner() {
        Rooms rooms = new Rooms(8, 4, List.of());
        MemberToken ann = MemberToken.random();
        FakeMember stale = withToken(ann);
        join(rooms, stale);
        String offer = SignalCodec.encode(new SignalMessage.Offer(new SessionDescription("offer", "v=0\r\n")));
        rooms.relay(stale, new Payload.Text(offer));

        FakeMember fresh = withToken(ann);
        join(rooms, fresh);
        assertEquals(0, ((SignalMessage.Joined) fresh.sent.get(0)).queued());
        assertEquals(1, rooms.queuedCount());

        FakeMember bea = new FakeMember(true);
        join(rooms, bea);
        assertEquals(1, ((SignalMessage.Joined) bea.sent.get(0)).queued());
    }

    @Test
    void anIdTheOthersSawLeaveIsNotGivenBackSoItsHolderStartsOver() {
        Rooms rooms = new Rooms(8, 4, List.of());
        MemberToken ann = MemberToken.random();
        FakeMember first = withToken(ann);
        FakeMember bea = new FakeMember(true);
        join(rooms, first);
        join(rooms, bea);
        rooms.leave(first, "timeout");
        assertEquals(new SignalMessage.PeerLeft(ann.memberId(), ""), bea.sent.get(bea.sent.size() - 1));

        FakeMember again = withToken(ann);
        join(rooms, again);
        String id = ((SignalMessage.Joined) again.sent.get(0)).id();
        assertNotEquals(ann.memberId(), id);
        assertEquals("p2", id);
    }

    @Test
    void aDrainingNodesDeparturesAreNoLeavesSoTheIdStaysTheHolders() {
        Rooms rooms = new Rooms(8, 4, List.of());
        MemberToken ann = MemberToken.random();
        FakeMember first = withToken(ann);
        join(rooms, first);
        join(rooms, new FakeMember(true));
        rooms.moveEveryone();
        rooms.leave(first, "closed");

        Rooms next = new Rooms(8, 4, List.of());
        FakeMember again = withToken(ann);
        join(next, again);
        assertEquals(ann.memberId(), ((SignalMessage.Joined) again.sent.get(0)).id());
    }

    @Test
    void membersWithoutATokenAreNumberedAsAlways() {
        Rooms rooms = new Rooms(8, 4, List.of());
        FakeMember ann = withToken(MemberToken.random());
        FakeMember bea = new FakeMember(true);
        join(rooms, ann);
        join(rooms, bea);
        assertEquals("p1", ((SignalMessage.Joined) bea.sent.get(0)).id(), "numbers count only numbered members");
    }
}
