package dev.roomcall.server;

import dev.roomcall.signaling.SignalMessage;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A room of up to {@code size} members (two while any of them is a demo page, which knows only 1:1 calls), the id
 * and display name each has in it, and the messages a lone member left for whoever joins next.
 * Not thread-safe: {@link Rooms} holds the room's own monitor around every use.
 *
 * <p>The pending queue keeps the <em>first</em> {@code capacity} messages and refuses later ones:
 * a call starts with an offer followed by its candidates, so the head of the stream is the part a
 * joiner can use; dropping the oldest would throw away the offer itself.
 */
final class Room {

    /** What a room holds when a member, or the joiner, speaks only a demo dialect. */
    static final int DEMO_CAPACITY = 2;
    /** How many departed ids a room remembers; beyond that the oldest is forgotten (a room's churn is bounded). */
    static final int DEPARTED_MEMORY = 256;

    private final RoomName name;
    private final int queueCapacity;
    private final int size;
    // Join order is the order joined lists them in; ids are never reused, so a late message cannot reach a newcomer.
    private final Map<Member, Seat> members = new LinkedHashMap<>();
    private final ArrayDeque<Payload> pending = new ArrayDeque<>();
    /**
     * Ids the others were told had left ({@code peer-left}): a member token claiming one of them gets a fresh id, so
     * its client knows the others closed their sessions with it and starts over.
     */
    private final Set<String> departed = new LinkedHashSet<>();
    private int joinsSoFar;
    private int dropped;
    private boolean retired;
    /** The SFU room that carries this room's media, once it has outgrown the mesh; null while it is a mesh. */
    private SignalMessage.Sfu sfu;

    Room(RoomName name, int queueCapacity, int size) {
        this.name = name;
        this.queueCapacity = queueCapacity;
        this.size = size;
    }

    /** A member's place in the room: its id there and the name it said ({@code ""} until it says one). */
    record Seat(String id, String name) {}

    RoomName name() {
        return name;
    }

    int size() {
        return members.size();
    }

    /** How many members the room may hold if {@code joiner} comes in: two while anyone of them joins no groups. */
    int capacityWith(Member joiner) {
        boolean pairOnly = !joiner.joinsGroups() || members.keySet().stream().anyMatch(m -> !m.joinsGroups());
        return pairOnly ? Math.min(DEMO_CAPACITY, size) : size;
    }

    /** True if the joiner or a member speaks only a demo dialect (no roomcall.v1). */
    boolean hasDemoWith(Member joiner) {
        return !joiner.speaksExtensions() || members.keySet().stream().anyMatch(m -> !m.speaksExtensions());
    }

    boolean hasRoomFor(Member joiner) {
        return members.size() < capacityWith(joiner);
    }

    boolean isEmpty() {
        return members.isEmpty();
    }

    /** @return the seat the member was given */
    Seat add(Member member) {
        if (!hasRoomFor(member)) {
            throw new IllegalStateException("room is full");
        }
        String claimed = member.claimedId();
        boolean keepsId = claimed != null && !departed.contains(claimed) && byId(claimed).isEmpty();
        Seat seat = new Seat(keepsId ? claimed : "p" + (++joinsSoFar), "");
        members.put(member, seat);
        return seat;
    }

    /**
     * The same member (its token claims the seat of {@code stale}) on a newer connection: it takes the seat, name
     * and all, and {@code stale} is out without having left. What a lone member queued stays for the next joiner.
     */
    Seat replace(Member stale, Member fresh) {
        Seat seat = members.get(stale);
        if (seat == null || !seat.id().equals(fresh.claimedId())) {
            throw new IllegalStateException("only the same member's newer connection takes its seat");
        }
        Map<Member, Seat> reordered = new LinkedHashMap<>();
        members.forEach((m, s) -> reordered.put(m == stale ? fresh : m, s));
        members.clear();
        members.putAll(reordered);
        return seat;
    }

    /** The others were told that the member with this id left. */
    void departed(String id) {
        departed.add(id);
        if (departed.size() > DEPARTED_MEMORY) {
            departed.remove(departed.iterator().next());
        }
    }

    /**
     * Removes the member and everything it queued: once its sender has gone, a queued offer is
     * stale and must never reach a later joiner.
     */
    boolean remove(Member member) {
        boolean removed = members.remove(member) != null;
        if (removed) {
            pending.clear();
            dropped = 0;
        }
        return removed;
    }

    boolean contains(Member member) {
        return members.containsKey(member);
    }

    Seat seatOf(Member member) {
        return members.get(member);
    }

    void rename(Member member, String newName) {
        members.computeIfPresent(member, (m, seat) -> new Seat(seat.id(), newName));
    }

    /** Every member, in the order they joined. */
    java.util.List<Member> everyone() {
        return java.util.List.copyOf(members.keySet());
    }

    /** The members other than {@code member}, in join order, with their seats. */
    Map<Member, Seat> othersThan(Member member) {
        Map<Member, Seat> others = new LinkedHashMap<>(members);
        others.remove(member);
        return others;
    }

    /** The member with this id, if it is still here. */
    Optional<Member> byId(String id) {
        return members.entrySet().stream().filter(e -> e.getValue().id().equals(id)).map(Map.Entry::getKey).findFirst();
    }

    SignalMessage.Sfu sfu() {
        return sfu;
    }

    void useSfu(SignalMessage.Sfu room) {
        this.sfu = room;
    }

    /** Emptied and taken out of the room list: a joiner who still found it must take the room's successor. */
    void retire() {
        retired = true;
    }

    boolean isRetired() {
        return retired;
    }

    Optional<Member> otherThan(Member member) {
        return othersThan(member).keySet().stream().findFirst();
    }

    /** @return false if the queue is already at capacity and the message was not kept */
    boolean enqueue(Payload payload) {
        if (pending.size() >= queueCapacity) {
            dropped++;
            return false;
        }
        pending.add(payload);
        return true;
    }

    /** Messages refused since the queue last emptied; lets the caller report an overflow once, not per message. */
    int droppedCount() {
        return dropped;
    }

    int pendingCount() {
        return pending.size();
    }

    /** Hands over everything queued, oldest first, and empties the queue. */
    List<Payload> drainPending() {
        List<Payload> drained = new ArrayList<>(pending);
        pending.clear();
        dropped = 0;
        return drained;
    }
}
