package dev.roomcall.app.settings;

import dev.roomcall.signaling.RoomCode;
import java.time.Instant;
import java.util.Objects;

/**
 * A room this person was in.
 *
 * @param room     the room name as joined (canonical, see {@link RoomCode#normalize})
 * @param server   the server it was on as a person would type it; {@link Settings#BUILT_IN_SERVER} for this computer's
 *                 own server, whose port may differ from one launch to the next
 * @param lastUsed when the call started
 */
public record RecentRoom(String room, String server, Instant lastUsed) {

    public RecentRoom {
        if (!RoomCode.isValid(room)) {
            throw new IllegalArgumentException("not a room name: " + room);
        }
        server = Objects.requireNonNullElse(server, Settings.BUILT_IN_SERVER).strip();
        Objects.requireNonNull(lastUsed, "lastUsed");
    }

    boolean sameRoom(RecentRoom other) {
        return room.equals(other.room) && server.equals(other.server);
    }
}
