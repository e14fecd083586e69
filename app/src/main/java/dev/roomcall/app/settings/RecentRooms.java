package dev.roomcall.app.settings;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The last few rooms, newest first, each room (on its server) once. Immutable. */
public final class RecentRooms {

    /** Enough to find yesterday's call again; a longer list would be a history nobody asked to keep. */
    public static final int LIMIT = 8;

    private static final RecentRooms EMPTY = new RecentRooms(List.of());

    private final List<RecentRoom> rooms;

    private RecentRooms(List<RecentRoom> rooms) {
        this.rooms = List.copyOf(rooms);
    }

    public static RecentRooms empty() {
        return EMPTY;
    }

    /** Any list, e.g. read from a file: ordered newest first, duplicates and the oldest beyond {@link #LIMIT} dropped. */
    public static RecentRooms of(List<RecentRoom> rooms) {
        List<RecentRoom> sorted = new ArrayList<>(rooms);
        sorted.sort(Comparator.comparing(RecentRoom::lastUsed).reversed());
        List<RecentRoom> kept = new ArrayList<>();
        for (RecentRoom room : sorted) {
            if (kept.size() < LIMIT && kept.stream().noneMatch(room::sameRoom)) {
                kept.add(room);
            }
        }
        return new RecentRooms(kept);
    }

    /** This list with {@code room} in front (moved there if it was listed already). */
    public RecentRooms with(RecentRoom room) {
        List<RecentRoom> next = new ArrayList<>();
        next.add(room);
        rooms.stream().filter(r -> !r.sameRoom(room)).limit(LIMIT - 1).forEach(next::add);
        return new RecentRooms(next);
    }

    public List<RecentRoom> list() {
        return rooms;
    }

    public boolean isEmpty() {
        return rooms.isEmpty();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecentRooms recent && recent.rooms.equals(rooms);
    }

    @Override
    public int hashCode() {
        return rooms.hashCode();
    }

    @Override
    public String toString() {
        return "RecentRooms" + rooms;
    }
}
