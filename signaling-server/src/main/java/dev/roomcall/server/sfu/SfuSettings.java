package dev.roomcall.server.sfu;

import java.net.URI;
import java.util.Objects;

/**
 * How a server hands large rooms to Janus.
 *
 * @param janus     Janus's WebSocket API as this server reaches it (to create and destroy VideoRooms)
 * @param publicUrl Janus's WebSocket API as members reach it (told to them in {@code sfu}); often wss:// through a proxy
 * @param adminKey  the VideoRoom plugin's {@code admin_key}; null when Janus has none (not for production)
 * @param sfuFrom   a room moves to Janus once it has more than this many members; 0: every room is on Janus from
 *                  its first member
 * @param roomSize  members an SFU room holds (Janus's {@code publishers} for it is twice that: a member's shared
 *                  screen is a feed of its own)
 * @param bitrate   the most a publisher may send, in bits per second, which Janus enforces with REMB
 */
public record SfuSettings(URI janus, URI publicUrl, String adminKey, int sfuFrom, int roomSize, int bitrate) {

    public static final int DEFAULT_ROOM_SIZE = 12;
    public static final int MAX_ROOM_SIZE = 50;
    /** 720p from libwebrtc or a browser, capped so that eleven subscriptions fit a home downlink. */
    public static final int DEFAULT_BITRATE = 1_000_000;

    public SfuSettings {
        Objects.requireNonNull(janus, "janus");
        publicUrl = publicUrl == null ? janus : publicUrl;
        requireWebSocket("janus", janus);
        requireWebSocket("publicUrl", publicUrl);
        if (roomSize < 2 || roomSize > MAX_ROOM_SIZE) {
            throw new IllegalArgumentException("an SFU room holds 2.." + MAX_ROOM_SIZE + " people, not " + roomSize);
        }
        if (sfuFrom < 0 || sfuFrom >= roomSize) {
            throw new IllegalArgumentException("--sfu-from must be 0.." + (roomSize - 1) + " (below the SFU room size), was "
                    + sfuFrom);
        }
        if (bitrate < 0) {
            throw new IllegalArgumentException("bitrate cannot be negative");
        }
        if (adminKey != null && adminKey.isBlank()) {
            adminKey = null;
        }
    }

    /** Feeds a VideoRoom must take: each member's camera, and each member's screen while they share it. */
    public int publishers() {
        return roomSize * 2;
    }

    /** Whether a room with {@code members} people in it has its media on Janus. */
    public boolean needsSfu(int members) {
        return members > sfuFrom;
    }

    private static void requireWebSocket(String what, URI uri) {
        String scheme = uri.getScheme();
        if (!"ws".equalsIgnoreCase(scheme) && !"wss".equalsIgnoreCase(scheme) || uri.getHost() == null) {
            throw new IllegalArgumentException(what + " must be a ws:// or wss:// address of Janus, was " + uri);
        }
    }
}
