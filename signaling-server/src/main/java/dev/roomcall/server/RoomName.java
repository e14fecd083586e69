package dev.roomcall.server;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A validated, lower-cased room name. Rooms are named by whoever shares the link, so the only rule
 * is a safe alphabet and a sane length; Roomcall's own 13-character codes and the demo's six hex
 * digits both fit.
 */
record RoomName(String value) {

    static final String DEFAULT = "default";

    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    /** Fits in a WebSocket close reason and never echoes the (possibly huge or hostile) input. */
    static final String RULE = "invalid room name: use 1-64 characters from A-Z a-z 0-9 _ -";

    RoomName {
        if (value == null || !ALLOWED.matcher(value).matches()) {
            throw new InvalidRoomException();
        }
        value = value.toLowerCase(Locale.ROOT);
    }

    /**
     * The room a WebSocket request asks for: the path ({@code /ROOM}), else the {@code room} query
     * parameter, else {@value #DEFAULT}.
     *
     * @param decodedPath the request path, percent-decoded
     * @param queryRoom   the {@code room} query parameter, or null when absent
     * @throws InvalidRoomException when the chosen name breaks the rule
     */
    static RoomName fromRequest(String decodedPath, String queryRoom) {
        String fromPath = decodedPath == null || decodedPath.length() <= 1 ? "" : decodedPath.substring(1);
        if (!fromPath.isEmpty()) {
            return new RoomName(fromPath);
        }
        if (queryRoom != null && !queryRoom.isEmpty()) {
            return new RoomName(queryRoom);
        }
        return new RoomName(DEFAULT);
    }

    /**
     * What logs may show: the name is the room's only secret, so at most its first four characters.
     */
    String logLabel() {
        return value.length() <= 4 ? value : value.substring(0, 4) + "…";
    }

    @Override
    public String toString() {
        return logLabel();
    }

    /** The requested room name breaks {@link #RULE}. */
    static final class InvalidRoomException extends IllegalArgumentException {
        InvalidRoomException() {
            super(RULE);
        }
    }
}
