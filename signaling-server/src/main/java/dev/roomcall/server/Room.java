package dev.roomcall.server;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A room of at most two members and the messages a lone member left for whoever joins next.
 * Not thread-safe: {@link Rooms} holds the room's own monitor around every use.
 *
 * <p>The pending queue keeps the <em>first</em> {@code capacity} messages and refuses later ones:
 * a call starts with an offer followed by its candidates, so the head of the stream is the part a
 * joiner can use; dropping the oldest would throw away the offer itself.
 */
final class Room {

    static final int CAPACITY = 2;

    private final RoomName name;
    private final int queueCapacity;
    private final List<Member> members = new ArrayList<>(CAPACITY);
    private final ArrayDeque<Payload> pending = new ArrayDeque<>();
    private int dropped;
    private boolean retired;

    Room(RoomName name, int queueCapacity) {
        this.name = name;
        this.queueCapacity = queueCapacity;
    }

    RoomName name() {
        return name;
    }

    boolean isFull() {
        return members.size() >= CAPACITY;
    }

    boolean isEmpty() {
        return members.isEmpty();
    }

    int size() {
        return members.size();
    }

    void add(Member member) {
        if (isFull()) {
            throw new IllegalStateException("room is full");
        }
        members.add(member);
    }

    /**
     * Removes the member and everything it queued: once its sender has gone, a queued offer is
     * stale and must never reach a later joiner.
     */
    boolean remove(Member member) {
        boolean removed = members.remove(member);
        if (removed) {
            pending.clear();
            dropped = 0;
        }
        return removed;
    }

    boolean contains(Member member) {
        for (Member m : members) {
            if (m == member) {
                return true;
            }
        }
        return false;
    }

    /** Emptied and taken out of the room list: a joiner who still found it must take the room's successor. */
    void retire() {
        retired = true;
    }

    boolean isRetired() {
        return retired;
    }

    Optional<Member> otherThan(Member member) {
        for (Member m : members) {
            if (m != member) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
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
