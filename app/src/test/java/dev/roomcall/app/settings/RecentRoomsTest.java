package dev.roomcall.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecentRoomsTest {

    private static final Instant T0 = Instant.parse("2026-03-01T09:00:00Z");

    private static RecentRoom room(String name, String server, int minutesLater) {
        return new RecentRoom(name, server, T0.plusSeconds(60L * minutesLater));
    }

    private static List<String> names(RecentRooms recent) {
        return recent.list().stream().map(RecentRoom::room).toList();
    }

    @Test
    void theNewestRoomComesFirst() {
        RecentRooms recent = RecentRooms.empty().with(room("aaa", "", 1)).with(room("bbb", "", 2)).with(room("ccc", "", 3));
        assertEquals(List.of("ccc", "bbb", "aaa"), names(recent));
    }

    @Test
    void joiningARoomAgainMovesItToTheFrontInsteadOfListingItTwice() {
        RecentRooms recent = RecentRooms.empty().with(room("aaa", "", 1)).with(room("bbb", "", 2))
                .with(room("aaa", "", 3));
        assertEquals(List.of("aaa", "bbb"), names(recent));
        assertEquals(T0.plusSeconds(180), recent.list().get(0).lastUsed());
    }

    @Test
    void theSameNameOnAnotherServerIsAnotherRoom() {
        RecentRooms recent = RecentRooms.empty().with(room("aaa", "", 1)).with(room("aaa", "ws://10.0.0.9:3000/", 2));
        assertEquals(2, recent.list().size());
    }

    @Test
    void onlyTheLastEightAreKept() {
        RecentRooms recent = RecentRooms.empty();
        for (int i = 0; i < 12; i++) {
            recent = recent.with(room("room-" + i, "", i));
        }
        assertEquals(RecentRooms.LIMIT, recent.list().size());
        assertEquals("room-11", recent.list().get(0).room());
        assertEquals("room-4", recent.list().get(RecentRooms.LIMIT - 1).room());
    }

    @Test
    void aListFromAFileIsSortedDeduplicatedAndBounded() {
        List<RecentRoom> stored = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            stored.add(room("room-" + i, "", i));
        }
        stored.add(room("room-9", "", -5));
        RecentRooms recent = RecentRooms.of(stored);
        assertEquals(List.of("room-9", "room-8", "room-7", "room-6", "room-5", "room-4", "room-3", "room-2"),
                names(recent));
        assertEquals(T0.plusSeconds(540), recent.list().get(0).lastUsed(), "the newer of two entries wins");
    }

    @Test
    void onlyRoomNamesAServerAcceptsAreRemembered() {
        assertThrows(IllegalArgumentException.class, () -> room("no spaces allowed", "", 0));
        assertThrows(IllegalArgumentException.class, () -> room("", "", 0));
    }
}
