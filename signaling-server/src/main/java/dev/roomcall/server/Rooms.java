package dev.roomcall.server;

import dev.roomcall.signaling.IceServer;
import dev.roomcall.signaling.Protocol;
import dev.roomcall.signaling.SignalCodec;
import dev.roomcall.signaling.SignalMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All rooms of one server and the rules of membership: at most two per room, presence messages
 * for members that speak {@code roomcall.v1}, relay to the other member, and the queue a lone
 * member fills for the next joiner.
 *
 * <p>One lock guards everything. Each operation is a few map updates plus non-blocking send
 * enqueues, so contention is negligible, and a single order of events per room is what makes
 * "joined, then the queued offer, then live messages" hold without further reasoning.
 */
final class Rooms {

    private static final Logger LOG = LoggerFactory.getLogger(Rooms.class);

    static final String QUEUE_FULL_CODE = "queue-full";
    /** Close reason with 1012 when a draining node sends its members elsewhere. */
    static final String REASON_MOVE = "node draining, reconnect";
    /** Close reason with 1013 for a join that reaches a draining node. */
    static final String REASON_DRAINING = "node draining, try again";

    private final int queueCapacity;
    private final List<IceServer> iceServers;
    private final TurnCredentials turn;
    private final boolean relayOnly;
    // Each room is guarded by its own monitor and nothing holds two locks, so rooms relay in parallel and
    // a synchronous callback from a send (a failing peer leaving) can never wait on another lock.
    private final Map<String, Room> byName = new ConcurrentHashMap<>();
    private final Map<Member, Room> roomOf = new ConcurrentHashMap<>();
    private volatile boolean shuttingDown;
    private volatile boolean draining;

    Rooms(int queueCapacity, List<IceServer> iceServers) {
        this(queueCapacity, iceServers, null, false);
    }

    /**
     * @param iceServers announced as they are in every {@code joined}
     * @param turn       a relay whose fresh credentials follow them in every {@code joined}; null for none
     * @param relayOnly  every {@code joined} asks for ICE transport policy {@code relay}
     */
    Rooms(int queueCapacity, List<IceServer> iceServers, TurnCredentials turn, boolean relayOnly) {
        this.queueCapacity = queueCapacity;
        this.iceServers = List.copyOf(iceServers);
        this.turn = turn;
        this.relayOnly = relayOnly;
    }

    /**
     * Puts the member into the room, or turns it away with {@code room-full} and close 4001 (1013 while draining).
     *
     * @return true if the member joined
     */
    boolean join(Member member, RoomName name) {
        if (roomOf.containsKey(member)) {
            throw new IllegalStateException("member " + member.id() + " already joined a room");
        }
        if (draining) {
            // Before any room is made for it: a draining node creates no rooms. A join racing this check is asked to
            // move with everyone else (moveEveryone).
            LOG.info("event=refuse reason=draining room={} member={}", name, member.id());
            member.close(Protocol.CLOSE_TRY_AGAIN_LATER, REASON_DRAINING);
            return false;
        }
        while (true) {
            Room room = byName.computeIfAbsent(name.value(), n -> new Room(name, queueCapacity));
            synchronized (room) {
                if (room.isRetired()) {
                    continue; // its last member left just now and took it out of byName: take the next one
                }
                return joinLocked(member, name, room);
            }
        }
    }

    private boolean joinLocked(Member member, RoomName name, Room room) {
        if (room.isFull()) {
            LOG.info("event=room-full room={} member={}", name, member.id());
            if (member.speaksExtensions()) {
                member.send(extension(new SignalMessage.RoomFull(name.value())));
            }
            member.close(Protocol.CLOSE_ROOM_FULL, "room full");
            return false;
        }
        Optional<Member> other = room.otherThan(member);
        int peersBefore = room.size();
        room.add(member);
        roomOf.put(member, room);
        LOG.info("event=join room={} member={} peers={} subprotocol={}",
                name, member.id(), peersBefore, member.speaksExtensions() ? Protocol.SUBPROTOCOL : "none");

        List<Payload> queued = room.drainPending();
        if (member.speaksExtensions()) {
            member.send(extension(new SignalMessage.Joined(name.value(), peersBefore, iceServersForJoin(), queued.size(),
                    relayOnly)));
        }
        queued.forEach(member::send);
        if (!queued.isEmpty()) {
            LOG.info("event=deliver-queued room={} member={} messages={}", name, member.id(), queued.size());
        }
        other.filter(Member::speaksExtensions).ifPresent(o -> o.send(extension(new SignalMessage.PeerJoined())));
        return true;
    }

    /**
     * Passes a signaling message to the other member, or queues it for the next joiner while the
     * sender is alone. A member that already left (bye) relays nothing.
     */
    void relay(Member from, Payload payload) {
        Room room = roomOf.get(from);
        if (room == null) {
            LOG.debug("event=drop reason=not-in-room member={}", from.id());
            return;
        }
        synchronized (room) {
            if (room.contains(from)) {
                relayLocked(from, payload, room);
            }
        }
    }

    private void relayLocked(Member from, Payload payload, Room room) {
        Optional<Member> other = room.otherThan(from);
        if (other.isPresent()) {
            other.get().send(payload);
            return;
        }
        if (!room.enqueue(payload) && room.droppedCount() == 1) {
            LOG.warn("event=queue-full room={} member={} queued={} action=dropping-newer-messages",
                    room.name(), from.id(), room.pendingCount());
            if (from.speaksExtensions()) {
                from.send(extension(new SignalMessage.ServerError(QUEUE_FULL_CODE,
                        "alone in the room with " + room.pendingCount()
                                + " messages queued for the next joiner; newer messages are dropped")));
            }
        }
    }

    /**
     * Takes the member out of its room (closed, dropped or said bye), discards what it queued and
     * tells the remaining member {@code peer-left}. Harmless if the member is in no room.
     */
    void leave(Member member, String why) {
        Room room = roomOf.remove(member);
        if (room == null) {
            return;
        }
        synchronized (room) {
            room.remove(member);
            LOG.info("event=leave room={} member={} reason={} remaining={}", room.name(), member.id(), why, room.size());
            if (!shuttingDown) {
                room.otherThan(member)
                        .filter(Member::speaksExtensions)
                        .ifPresent(o -> o.send(extension(new SignalMessage.PeerLeft())));
            }
            if (room.isEmpty()) {
                room.retire();
                byName.remove(room.name().value(), room);
            }
        }
    }

    /** From now on departures are the server going away, not people leaving: no peer-left. */
    void shutDown() {
        shuttingDown = true;
    }

    /** From now on joins are refused with 1013 (the node is draining); members already here stay. */
    void stopAccepting() {
        draining = true;
    }

    boolean isAccepting() {
        return !draining;
    }

    /**
     * Asks every member to reconnect elsewhere (1012). Both members of a room go, so neither is told
     * {@code peer-left}: they meet again on the node the load balancer picks for their room.
     *
     * @return how many members were asked
     */
    int moveEveryone() {
        draining = true;
        shuttingDown = true;
        List<Member> members = List.copyOf(roomOf.keySet());
        for (Member member : members) {
            member.close(Protocol.CLOSE_SERVICE_RESTART, REASON_MOVE);
        }
        return members.size();
    }

    /** Messages waiting in rooms for their next joiner. */
    int queuedCount() {
        int total = 0;
        for (Room room : byName.values()) {
            synchronized (room) {
                total += room.pendingCount();
            }
        }
        return total;
    }

    int roomCount() {
        return byName.size();
    }

    int memberCount() {
        return roomOf.size();
    }

    /** Each join gets its own TURN username, so one leaked credential identifies one join and expires on its own. */
    private List<IceServer> iceServersForJoin() {
        if (turn == null) {
            return iceServers;
        }
        List<IceServer> servers = new ArrayList<>(iceServers);
        servers.add(turn.issue());
        return servers;
    }

    private static Payload extension(SignalMessage.Extension message) {
        return new Payload.Text(SignalCodec.encode(message));
    }
}
