package dev.roomcall.server;

import dev.roomcall.signaling.DisplayText;
import dev.roomcall.signaling.SignalMessage;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where a member's offer, answer or candidate goes in its room: to its addressee ({@code to}), to the other member
 * of a room of two when it names none, or into the queue for the next joiner while the sender is alone. Called by
 * {@link Rooms} under the room's monitor.
 */
final class RoomRelay {

    // Under the rooms' logger: the relay is part of what operators know as the rooms' events.
    private static final Logger LOG = LoggerFactory.getLogger(Rooms.class);

    private RoomRelay() {}

    /** @return null if relayed, queued or dropped harmlessly; otherwise why it was refused (the sender was told) */
    static String relayLocked(Member from, MessageKind.Relayable route, Payload payload, Room room) {
        Map<Member, Room.Seat> others = room.othersThan(from);
        if (others.isEmpty()) {
            queueLocked(from, payload, room);
            return null;
        }
        if (route.to() == null) {
            if (others.size() == 1) {
                others.keySet().iterator().next().send(payload);
                return null;
            }
            return refuse(from, Rooms.NOT_ADDRESSED_CODE, "this room has " + (others.size() + 1)
                    + " members: say whom the message is for with 'to' (a member id) and 'from' (your own id)");
        }
        String own = room.seatOf(from).id();
        if (!own.equals(route.from())) {
            return refuse(from, Rooms.NOT_ADDRESSED_CODE, "an addressed message needs 'from' with your own id, " + own);
        }
        Optional<Member> addressee = room.byId(route.to());
        if (addressee.isEmpty() || addressee.get() == from) {
            // Usually a member that left a moment ago: not the sender's fault, so not counted against it.
            LOG.debug("event=drop reason=no-such-peer room={} member={}", room.name(), from.id());
            if (from.speaksExtensions()) {
                from.send(Rooms.extension(new SignalMessage.ServerError(Rooms.NO_SUCH_PEER_CODE,
                        "no member '" + DisplayText.bound(route.to(), DisplayText.Kind.NAME).text() + "' in this room")));
            }
            return null;
        }
        addressee.get().send(payload);
        return null;
    }

    private static String refuse(Member from, String code, String why) {
        if (from.speaksExtensions()) {
            from.send(Rooms.extension(new SignalMessage.ServerError(code, why)));
        }
        return why;
    }

    private static void queueLocked(Member from, Payload payload, Room room) {
        if (!room.enqueue(payload) && room.droppedCount() == 1) {
            LOG.warn("event=queue-full room={} member={} queued={} action=dropping-newer-messages",
                    room.name(), from.id(), room.pendingCount());
            if (from.speaksExtensions()) {
                from.send(Rooms.extension(new SignalMessage.ServerError(Rooms.QUEUE_FULL_CODE,
                        "alone in the room with " + room.pendingCount()
                                + " messages queued for the next joiner; newer messages are dropped")));
            }
        }
    }

}
