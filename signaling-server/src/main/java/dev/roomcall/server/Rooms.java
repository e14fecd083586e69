package dev.roomcall.server;

import dev.roomcall.server.sfu.SfuRooms;
import dev.roomcall.signaling.DisplayText;
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
 * All rooms of one server and the rules of membership: at most {@code roomSize} per room (two while a demo page is
 * in it), presence messages for members that speak {@code roomcall.v1}, relay to the addressee (or, in a room of
 * two, to the other member), display names, and the queue a lone member fills for the next joiner.
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
    /** Close reason with 4009 for a member's old connection when the member joined again on a newer one. */
    static final String REASON_REPLACED = "replaced by a newer connection of the same member";
    static final String NOT_ADDRESSED_CODE = "not-addressed";
    static final String NO_SUCH_PEER_CODE = "no-such-peer";
    static final String REASON_ROOM_FULL = "room full";
    /** Said to a joiner refused because a demo page (no roomcall.v1) is in the room, or the joiner is one. */
    static final String REASON_DEMO_LIMIT = "room full: a page without group calls (no roomcall.v1) limits this room to two";
    /** Said to a joiner refused because a member that joins no groups (peers=1) is in the room, or the joiner is one. */
    static final String REASON_PAIR_ONLY = "room full: someone in this room takes part in two-person calls only";
    /** Said to a joiner who would take a room past the mesh while the media server cannot take it. */
    static final String REASON_SFU_UNAVAILABLE = "room full: a room this large needs the media server, which cannot be reached now";
    /** Said to a demo page joining a room whose media goes through the media server, which it cannot use. */
    static final String REASON_SFU_DEMO = "room full: this room's call goes through a media server, which this page cannot use";
    /** How long a join waits for the media server to make a room. */
    private static final java.time.Duration SFU_WAIT = java.time.Duration.ofSeconds(10);

    private final int queueCapacity;
    private final int roomSize;
    private final List<IceServer> iceServers;
    private final TurnCredentials turn;
    private final boolean relayOnly;
    /** Where rooms go that outgrow the mesh; null when this server has no media server. */
    private final SfuRooms sfu;
    // Each room is guarded by its own monitor and nothing holds two locks, so rooms relay in parallel and
    // a synchronous callback from a send (a failing peer leaving) can never wait on another lock.
    private final Map<String, Room> byName = new ConcurrentHashMap<>();
    private final Map<Member, Room> roomOf = new ConcurrentHashMap<>();
    private volatile boolean shuttingDown;
    private volatile boolean draining;

    Rooms(int queueCapacity, int roomSize, List<IceServer> iceServers) {
        this(queueCapacity, roomSize, iceServers, null, false);
    }

    /**
     * @param roomSize   members a room holds (two while a demo page is in it)
     * @param iceServers announced as they are in every {@code joined}
     * @param turn       a relay whose fresh credentials follow them in every {@code joined}; null for none
     * @param relayOnly  every {@code joined} asks for ICE transport policy {@code relay}
     */
    Rooms(int queueCapacity, int roomSize, List<IceServer> iceServers, TurnCredentials turn, boolean relayOnly) {
        this(queueCapacity, roomSize, iceServers, turn, relayOnly, null);
    }

    /** @param sfu where rooms that outgrow the mesh get their media server (they then hold its room size); null for none */
    Rooms(int queueCapacity, int roomSize, List<IceServer> iceServers, TurnCredentials turn, boolean relayOnly,
          SfuRooms sfu) {
        this.queueCapacity = queueCapacity;
        this.sfu = sfu;
        this.roomSize = sfu == null ? roomSize : sfu.settings().roomSize();
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
            Room room = byName.computeIfAbsent(name.value(), n -> new Room(name, queueCapacity, roomSize));
            synchronized (room) {
                if (room.isRetired()) {
                    continue; // its last member left just now and took it out of byName: take the next one
                }
                if (!growsPastMesh(room, member)) {
                    return joinLocked(member, name, room);
                }
            }
            // Asking the media server takes a round trip: never under the room's lock, which relays everyone's messages.
            SignalMessage.Sfu sfuRoom = sfu.openWithin(name.value(), SFU_WAIT).orElse(null);
            if (sfuRoom == null) {
                synchronized (room) {
                    retireIfEmpty(room); // made for this joiner alone: it must not stay behind, empty
                }
                refuse(member, name, REASON_SFU_UNAVAILABLE);
                return false;
            }
            synchronized (room) {
                if (room.isRetired()) {
                    sfu.release(name.value()); // emptied meanwhile: the next room of this name asks again
                    continue;
                }
                moveToSfu(room, sfuRoom);
            }
        }
    }

    /**
     * Whether this joiner takes a room that has no media server past the mesh, so it needs one first. A room with a
     * demo page in it stays a call of two: the page could not follow it to the media server.
     */
    private boolean growsPastMesh(Room room, Member joiner) {
        return sfu != null && room.sfu() == null && sfu.settings().needsSfu(room.size() + 1) && room.hasRoomFor(joiner)
                && !room.hasDemoWith(joiner) && staleSelf(room, joiner) == null;
    }

    /** From now on the room's media goes through {@code sfuRoom}: everyone there is told to move, once. */
    private void moveToSfu(Room room, SignalMessage.Sfu sfuRoom) {
        if (room.sfu() != null) {
            return;
        }
        room.useSfu(sfuRoom);
        LOG.info("event=room-to-sfu room={} members={} videoroom={}", room.name(), room.size(), sfuRoom.videoroom());
        Payload move = extension(sfuRoom);
        room.everyone().stream().filter(Member::speaksExtensions).forEach(m -> m.send(move));
    }

    private void refuse(Member member, RoomName name, String why) {
        LOG.info("event=room-full room={} member={} reason=\"{}\"", name, member.id(), why);
        if (member.speaksExtensions()) {
            member.send(extension(new SignalMessage.RoomFull(name.value(), why)));
        }
        member.close(Protocol.CLOSE_ROOM_FULL, why);
    }

    private boolean joinLocked(Member member, RoomName name, Room room) {
        if (room.sfu() != null && !member.speaksExtensions()) {
            refuse(member, name, REASON_SFU_DEMO);
            return false;
        }
        Member stale = staleSelf(room, member);
        if (stale != null) {
            return rejoinLocked(member, stale, name, room);
        }
        if (!room.hasRoomFor(member)) {
            boolean limited = room.capacityWith(member) < roomSize;
            String why = !limited ? null : room.hasDemoWith(member) ? REASON_DEMO_LIMIT : REASON_PAIR_ONLY;
            LOG.info("event=room-full room={} member={} limit={}", name, member.id(), room.capacityWith(member));
            if (member.speaksExtensions()) {
                member.send(extension(new SignalMessage.RoomFull(name.value(), why)));
            }
            member.close(Protocol.CLOSE_ROOM_FULL, why != null ? why : REASON_ROOM_FULL);
            return false;
        }
        Map<Member, Room.Seat> others = room.othersThan(member);
        Room.Seat seat = room.add(member);
        roomOf.put(member, room);
        welcomeLocked(member, name, room, seat, others, room.drainPending());
        return true;
    }

    /**
     * The connection of this member (the same token) that the room still holds, which the member has left behind
     * (its network broke, and it reconnected before this node noticed); null if there is none.
     */
    private static Member staleSelf(Room room, Member joiner) {
        String claimed = joiner.claimedId();
        Member holder = claimed == null ? null : room.byId(claimed).orElse(null);
        return holder == joiner ? null : holder;
    }

    /**
     * The member is back on a newer connection while the node still holds its old one: the newer one takes the seat
     * (only the token's holder can claim it), the old one is closed as replaced, and nobody is told it left. The others
     * hear {@code peer-joined} as after any rejoin, which lets whoever lost its session with it start a new one.
     */
    private boolean rejoinLocked(Member member, Member stale, RoomName name, Room room) {
        roomOf.remove(stale);
        Room.Seat seat = room.replace(stale, member);
        roomOf.put(member, room);
        LOG.info("event=replace room={} member={} by={} peer={}", name, stale.id(), member.id(), seat.id());
        stale.close(Protocol.CLOSE_REPLACED, REASON_REPLACED);
        Map<Member, Room.Seat> others = room.othersThan(member);
        // Alone, what it queued is for the next joiner, not for itself.
        welcomeLocked(member, name, room, seat, others, others.isEmpty() ? List.of() : room.drainPending());
        return true;
    }

    /** {@code joined}, the media server's room, the queued messages for the joiner; {@code peer-joined} to the others. */
    private void welcomeLocked(Member member, RoomName name, Room room, Room.Seat seat, Map<Member, Room.Seat> others,
                               List<Payload> queued) {
        int peersBefore = others.size();
        LOG.info("event=join room={} member={} peer={} peers={} subprotocol={}",
                name, member.id(), seat.id(), peersBefore, member.speaksExtensions() ? Protocol.SUBPROTOCOL : "none");
        if (member.speaksExtensions()) {
            List<SignalMessage.Peer> members = new ArrayList<>();
            others.forEach((m, s) -> members.add(new SignalMessage.Peer(s.id(), s.name(), !m.speaksExtensions())));
            member.send(extension(new SignalMessage.Joined(name.value(), peersBefore, iceServersForJoin(), queued.size(),
                    relayOnly, seat.id(), members, room.capacityWith(member))));
        }
        if (room.sfu() != null) {
            member.send(extension(room.sfu()));
        }
        queued.forEach(member::send);
        if (!queued.isEmpty()) {
            LOG.info("event=deliver-queued room={} member={} messages={}", name, member.id(), queued.size());
        }
        Payload joined = extension(new SignalMessage.PeerJoined(seat.id(), seat.name(), !member.speaksExtensions()));
        others.keySet().stream().filter(Member::speaksExtensions).forEach(o -> o.send(joined));
    }

    /**
     * Passes a signaling message to its addressee (to the other member when it names none in a room of two), or
     * queues it for the next joiner while the sender is alone. A member that already left (bye) relays nothing.
     *
     * @return null if the message was relayed, queued or dropped harmlessly; otherwise why it was refused (the
     *         sender, if it speaks roomcall.v1, has been told with an {@code error})
     */
    String relay(Member from, MessageKind.Relayable route, Payload payload) {
        Room room = roomOf.get(from);
        if (room == null) {
            LOG.debug("event=drop reason=not-in-room member={}", from.id());
            return null;
        }
        synchronized (room) {
            return room.contains(from) ? RoomRelay.relayLocked(from, route, payload, room) : null;
        }
    }

    /** Relays an unaddressed message; what a demo page sends. */
    void relay(Member from, Payload payload) {
        relay(from, (MessageKind.Relayable) MessageKind.RELAYABLE, payload);
    }

    /**
     * The member says its display name: bounded by the one rule for shown text ({@link DisplayText.Kind#NAME}:
     * one line, at most 64 characters, trimmed) and told to the others as {@code peer-name}.
     */
    void rename(Member member, String rawName) {
        Room room = roomOf.get(member);
        if (room == null) {
            return;
        }
        String name = DisplayText.bound(rawName, DisplayText.Kind.NAME).text();
        synchronized (room) {
            Room.Seat seat = room.seatOf(member);
            if (seat == null) {
                return;
            }
            room.rename(member, name);
            Payload said = extension(new SignalMessage.PeerName(seat.id(), name));
            room.othersThan(member).keySet().stream().filter(Member::speaksExtensions).forEach(o -> o.send(said));
        }
    }

    /**
     * Takes the member out of its room (closed, dropped or said bye), discards what it queued and
     * tells the remaining members {@code peer-left}. Harmless if the member is in no room.
     */
    void leave(Member member, String why) {
        Room room = roomOf.remove(member);
        if (room == null) {
            return;
        }
        synchronized (room) {
            Room.Seat seat = room.seatOf(member);
            room.remove(member);
            LOG.info("event=leave room={} member={} reason={} remaining={}", room.name(), member.id(), why, room.size());
            if (!shuttingDown && seat != null) {
                room.departed(seat.id());
                Payload left = extension(new SignalMessage.PeerLeft(seat.id(), seat.name()));
                room.othersThan(member).keySet().stream().filter(Member::speaksExtensions).forEach(o -> o.send(left));
            }
            retireIfEmpty(room);
        }
    }

    /** Takes an emptied room out of the list, and its media server room with it. Under the room's lock. */
    private void retireIfEmpty(Room room) {
        if (!room.isEmpty() || room.isRetired()) {
            return;
        }
        room.retire();
        byName.remove(room.name().value(), room);
        if (room.sfu() != null) {
            sfu.release(room.name().value());
        }
    }

    /** Destroys what this server still holds on the media server; after the members left. */
    void closeSfu() {
        if (sfu != null) {
            sfu.close();
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

    static Payload extension(SignalMessage.Extension message) {
        return new Payload.Text(SignalCodec.encode(message));
    }
}
