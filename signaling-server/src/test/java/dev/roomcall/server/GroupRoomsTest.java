package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.signaling.Protocol;
import dev.roomcall.signaling.SessionDescription;
import dev.roomcall.signaling.SignalCodec;
import dev.roomcall.signaling.SignalMessage.Peer;
import dev.roomcall.signaling.SignalMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rooms of more than two: ids, names, who hears what, and who may come in. Without sockets. */
class GroupRoomsTest {

    private static final RoomName ROOM = new RoomName("group");

    private final Rooms rooms = new Rooms(8, 4, List.of());

    private static String offer(String from, String to) {
        return SignalCodec.encode(new SignalMessage.Offer(new SessionDescription("offer", "v=0\r\n"), from, to));
    }

    /** What a relay of {@code json} from {@code sender} answers, through the classifier as the endpoint does it. */
    private String relay(FakeMember sender, String json) {
        MessageKind kind = RelayClassifier.classify(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        return rooms.relay(sender, (MessageKind.Relayable) kind, new Payload.Text(json));
    }

    private FakeMember joined(boolean extensions) {
        FakeMember member = new FakeMember(extensions);
        assertTrue(rooms.join(member, ROOM));
        return member;
    }

    private static void clear(FakeMember... members) {
        for (FakeMember m : members) {
            m.sent.clear();
        }
    }

    @Test
    void eachJoinerGetsItsOwnIdAndTheMembersAlreadyThereInJoinOrder() {
        FakeMember a = joined(true);
        FakeMember b = joined(true);
        rooms.rename(b, "Bea");
        FakeMember c = joined(true);

        SignalMessage.Joined welcome = (SignalMessage.Joined) c.sent.get(0);
        assertEquals("p3", welcome.id());
        assertEquals(2, welcome.peers());
        assertEquals(4, welcome.size());
        assertEquals(List.of(new Peer("p1", "", false), new Peer("p2", "Bea", false)), welcome.members());
        assertEquals(new SignalMessage.PeerJoined("p3", "", false), a.sent.get(a.sent.size() - 1));
        assertEquals(new SignalMessage.PeerJoined("p3", "", false), b.sent.get(b.sent.size() - 1));
    }

    @Test
    void anAddressedMessageReachesItsAddresseeOnly() {
        FakeMember a = joined(true);
        FakeMember b = joined(true);
        FakeMember c = joined(true);
        clear(a, b, c);

        assertNull(relay(c, offer("p3", "p1")));
        assertNull(relay(c, offer("p3", "p2")));

        assertEquals(List.of(SignalCodec.decode(offer("p3", "p1"))), a.sent);
        assertEquals(List.of(SignalCodec.decode(offer("p3", "p2"))), b.sent);
        assertEquals(List.of(), c.sent);
    }

    @Test
    void inARoomOfMoreThanTwoAMessageWithoutAddresseeIsRefusedWithAClearError() {
        FakeMember a = joined(true);
        FakeMember b = joined(true);
        FakeMember c = joined(true);
        clear(a, b, c);

        String refused = relay(c, Signals.offer("nobody"));

        assertTrue(refused.contains("'to'"), refused);
        assertEquals(List.of(new SignalMessage.ServerError(Rooms.NOT_ADDRESSED_CODE, refused)), c.sent);
        assertEquals(List.of(), a.sent);
        assertEquals(List.of(), b.sent);
    }

    @Test
    void aSenderCannotClaimAnotherMembersId() {
        FakeMember a = joined(true);
        FakeMember b = joined(true);
        FakeMember c = joined(true);
        clear(a, b, c);

        String refused = relay(c, offer("p2", "p1"));

        assertTrue(refused.contains("p3"), refused);
        assertEquals(List.of(), a.sent);
        refused = relay(c, SignalCodec.encode(new SignalMessage.Offer(new SessionDescription("offer", "v=0\r\n"), null, "p1")));
        assertTrue(refused.contains("'from'"), refused);
        assertEquals(List.of(), a.sent);
    }

    @Test
    void aMessageForSomeoneWhoLeftIsDroppedAndTheSenderTold() {
        FakeMember a = joined(true);
        FakeMember b = joined(true);
        FakeMember c = joined(true);
        rooms.leave(a, "bye");
        clear(a, b, c);

        assertNull(relay(c, offer("p3", "p1")), "not the sender's fault: not counted as invalid");

        assertEquals(List.of(), a.sent);
        assertEquals(List.of(), b.sent);
        assertEquals(SignalMessage.ServerError.class, c.sent.get(0).getClass());
    }

    @Test
    void inARoomOfTwoAnUnaddressedMessageGoesToTheOtherAsIn1to1Calls() {
        FakeMember a = joined(true);
        FakeMember b = joined(true);
        clear(a, b);

        assertNull(relay(a, Signals.offer("plain")));

        assertEquals(List.of(SignalCodec.decode(Signals.offer("plain"))), b.sent);
    }

    @Test
    void theFifthJoinerOfARoomOfFourIsRefusedAndTheFourHearNothing() {
        FakeMember[] four = {joined(true), joined(true), joined(true), joined(true)};
        clear(four);
        FakeMember fifth = new FakeMember(true);

        assertFalse(rooms.join(fifth, ROOM));

        assertEquals(List.of(new SignalMessage.RoomFull("group")), fifth.sent);
        assertEquals(Protocol.CLOSE_ROOM_FULL, fifth.closeCode);
        assertEquals(Rooms.REASON_ROOM_FULL, fifth.closeReason);
        for (FakeMember m : four) {
            assertEquals(List.of(), m.sent);
        }
    }

    @Test
    void aDemoMemberLimitsTheRoomToTwoAndTheThirdJoinerIsToldWhy() {
        FakeMember demo = joined(false);
        FakeMember app = joined(true);
        FakeMember third = new FakeMember(true);

        assertFalse(rooms.join(third, ROOM));

        assertEquals(List.of(new SignalMessage.RoomFull("group", Rooms.REASON_DEMO_LIMIT)), third.sent);
        assertEquals(Rooms.REASON_DEMO_LIMIT, third.closeReason);
        assertEquals(2, ((SignalMessage.Joined) app.sent.get(0)).size(), "the app is told this room holds two");
        assertEquals(List.of(new Peer("p1", "", true)), ((SignalMessage.Joined) app.sent.get(0)).members());
        assertEquals(List.of(), demo.sent, "the demo page sees only the demo protocol");
    }

    @Test
    void aClientThatHoldsOneCallAtATimeKeepsItsRoomAtTwoAndTheThirdJoinerIsToldWhy() {
        FakeMember app = new FakeMember(true);
        app.groups = false;
        assertTrue(rooms.join(app, ROOM));
        FakeMember page = joined(true);
        FakeMember third = new FakeMember(true);

        assertFalse(rooms.join(third, ROOM));

        assertEquals(List.of(new SignalMessage.RoomFull("group", Rooms.REASON_PAIR_ONLY)), third.sent);
        assertEquals(Protocol.CLOSE_ROOM_FULL, third.closeCode);
        assertEquals(Rooms.REASON_PAIR_ONLY, third.closeReason);
        assertEquals(2, ((SignalMessage.Joined) page.sent.get(0)).size(), "the page is told this room holds two");
    }

    @Test
    void aClientThatHoldsOneCallAtATimeCannotEnterARoomOfTwoOthers() {
        joined(true);
        joined(true);
        FakeMember app = new FakeMember(true);
        app.groups = false;

        assertFalse(rooms.join(app, ROOM));

        assertEquals(List.of(new SignalMessage.RoomFull("group", Rooms.REASON_PAIR_ONLY)), app.sent);
        assertEquals(Rooms.REASON_PAIR_ONLY, app.closeReason);
    }

    @Test
    void aDemoJoinerCannotEnterARoomOfTwoOthersAndHearsWhyInTheCloseReason() {
        joined(true);
        joined(true);
        FakeMember demo = new FakeMember(false);

        assertFalse(rooms.join(demo, ROOM));

        assertEquals(List.of(), demo.sent);
        assertEquals(Protocol.CLOSE_ROOM_FULL, demo.closeCode);
        assertEquals(Rooms.REASON_DEMO_LIMIT, demo.closeReason);
    }

    @Test
    void aNameIsBoundedTrimmedAndNeutralisedAndToldToTheOthers() {
        FakeMember a = joined(true);
        FakeMember b = joined(true);
        clear(a, b);

        rooms.rename(b, "  Bea\u202E<b>x</b>\n" + "y".repeat(100) + "  ");

        SignalMessage.PeerName said = (SignalMessage.PeerName) a.sent.get(0);
        assertEquals("p2", said.peer());
        assertTrue(said.name().startsWith("Bea<b>x</b> y"), said.name());
        assertEquals(64, said.name().length());
        assertEquals(List.of(), b.sent, "the sender is not told its own name");
    }

    @Test
    void theLeaverIsNamedToEveryoneLeftAndARejoinerGetsAFreshId() {
        FakeMember a = joined(true);
        FakeMember b = joined(true);
        FakeMember c = joined(true);
        rooms.rename(b, "Bea");
        clear(a, b, c);

        rooms.leave(b, "bye");
        FakeMember again = joined(true);

        assertEquals(new SignalMessage.PeerLeft("p2", "Bea"), a.sent.get(0));
        assertEquals(new SignalMessage.PeerLeft("p2", "Bea"), c.sent.get(0));
        assertEquals("p4", ((SignalMessage.Joined) again.sent.get(0)).id());
    }
}
