package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.server.sfu.SfuRooms;
import dev.roomcall.server.sfu.SfuSettings;
import dev.roomcall.signaling.Protocol;
import dev.roomcall.signaling.SignalMessage;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Rooms that outgrow the mesh move to the media server: who is told what, and when a join is refused. */
class SfuRoomsTest {

    private static final RoomName ROOM = new RoomName("large");
    private static final SignalMessage.Sfu VIDEOROOM = new SignalMessage.Sfu("ws://127.0.0.1:8188", 77, "pin-77");

    /** A media server that makes one room per name (or refuses every room while {@code down}). */
    private static final class FakeSfu implements SfuRooms {
        final SfuSettings settings;
        final List<String> opened = new ArrayList<>();
        final List<String> released = new ArrayList<>();
        boolean down;

        FakeSfu(int sfuFrom, int roomSize) {
            settings = new SfuSettings(URI.create("ws://127.0.0.1:8188"), null, "key", sfuFrom, roomSize, 0);
        }

        @Override
        public SfuSettings settings() {
            return settings;
        }

        @Override
        public CompletableFuture<SignalMessage.Sfu> open(String room) {
            opened.add(room);
            return down ? CompletableFuture.failedFuture(new IllegalStateException("Janus is down"))
                    : CompletableFuture.completedFuture(VIDEOROOM);
        }

        @Override
        public void release(String room) {
            released.add(room);
        }

        @Override
        public void close() {
        }
    }

    private static FakeMember join(Rooms rooms, boolean extensions) {
        FakeMember member = new FakeMember(extensions);
        rooms.join(member, ROOM);
        return member;
    }

    private static long told(FakeMember member, Object message) {
        return member.sent.stream().filter(message::equals).count();
    }

    @Test
    void aRoomStaysAMeshUpToSfuFromAndThenEveryoneIsToldOnceWhereTheMediaGoes() {
        FakeSfu sfu = new FakeSfu(2, 6);
        Rooms rooms = new Rooms(8, 4, List.of(), null, false, sfu);
        FakeMember a = join(rooms, true);
        FakeMember b = join(rooms, true);
        assertEquals(List.of(), sfu.opened, "two people are a mesh");
        assertEquals(0, told(a, VIDEOROOM) + told(b, VIDEOROOM));

        FakeMember c = join(rooms, true);
        FakeMember d = join(rooms, true);

        assertEquals(List.of("large"), sfu.opened, "one media server room for the room");
        for (FakeMember member : List.of(a, b, c, d)) {
            assertEquals(1, told(member, VIDEOROOM), "member " + member.id + " told once: " + member.sent);
        }
        assertTrue(c.sent.get(0) instanceof SignalMessage.Joined, "joined comes first");
        assertEquals(VIDEOROOM, c.sent.get(1), "then where the media goes");
        assertEquals(6, ((SignalMessage.Joined) d.sent.get(0)).size(), "an SFU room holds the SFU room size");
    }

    @Test
    void anSfuRoomHoldsTheSfuRoomSizeAndIsReleasedWhenTheLastOneLeaves() {
        FakeSfu sfu = new FakeSfu(2, 5);
        Rooms rooms = new Rooms(8, 4, List.of(), null, false, sfu);
        List<FakeMember> members = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            members.add(join(rooms, true));
        }
        FakeMember sixth = join(rooms, true);
        assertEquals(Protocol.CLOSE_ROOM_FULL, sixth.closeCode);
        assertEquals(Rooms.REASON_ROOM_FULL, sixth.closeReason);

        members.forEach(m -> rooms.leave(m, "bye"));
        assertEquals(List.of("large"), sfu.released);
        assertEquals(0, rooms.roomCount());
    }

    @Test
    void whileTheMediaServerIsDownTheJoinerPastTheMeshIsRefusedInWordsAndTheMeshGoesOn() {
        FakeSfu sfu = new FakeSfu(2, 6);
        sfu.down = true;
        Rooms rooms = new Rooms(8, 4, List.of(), null, false, sfu);
        FakeMember a = join(rooms, true);
        FakeMember b = join(rooms, true);

        FakeMember c = join(rooms, true);

        assertEquals(Protocol.CLOSE_ROOM_FULL, c.closeCode);
        assertEquals(Rooms.REASON_SFU_UNAVAILABLE, c.closeReason);
        assertEquals(List.of(new SignalMessage.RoomFull("large", Rooms.REASON_SFU_UNAVAILABLE)), c.sent);
        assertEquals(2, rooms.memberCount(), "the two in the mesh stay");
        assertEquals(0, a.closeCode + b.closeCode);
    }

    @Test
    void withSfuFromZeroTheFirstMemberIsOnTheMediaServerAndAFailedFirstJoinLeavesNoEmptyRoom() {
        FakeSfu sfu = new FakeSfu(0, 6);
        Rooms rooms = new Rooms(8, 4, List.of(), null, false, sfu);
        FakeMember first = join(rooms, true);
        assertEquals(VIDEOROOM, first.sent.get(1));
        rooms.leave(first, "bye");

        sfu.down = true;
        FakeMember refused = join(rooms, true);
        assertEquals(Rooms.REASON_SFU_UNAVAILABLE, refused.closeReason);
        assertEquals(0, rooms.roomCount(), "no empty room left behind");
    }

    @Test
    void aDemoPageKeepsItsRoomACallOfTwoAndCannotJoinARoomOnTheMediaServer() {
        FakeSfu sfu = new FakeSfu(0, 6);
        Rooms rooms = new Rooms(8, 4, List.of(), null, false, sfu);
        FakeMember page = join(rooms, false);
        FakeMember app = join(rooms, true);
        assertEquals(List.of(), sfu.opened, "a demo page cannot follow a room to the media server");
        assertEquals(0, page.closeCode + app.closeCode);

        RoomName other = new RoomName("on-sfu");
        FakeMember member = new FakeMember(true);
        rooms.join(member, other);
        FakeMember latePage = new FakeMember(false);
        assertFalse(rooms.join(latePage, other));
        assertEquals(Rooms.REASON_SFU_DEMO, latePage.closeReason);
    }
}
