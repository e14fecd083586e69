package dev.roomcall.signaling.janus;

import com.google.gson.JsonObject;
import java.util.Objects;

/**
 * Creates and destroys VideoRooms on Janus for Roomcall's server. Each room gets its own secret (needed to destroy
 * or edit it) and pin (needed to join it), which only the room's members learn from Roomcall's server, and is private
 * (left out of Janus's {@code list}), so knowing Janus's address is not enough to look into a call.
 */
public final class VideoRoomAdmin {

    public static final String PLUGIN = "janus.plugin.videoroom";
    /** The VideoRoom plugin's "no such room". */
    public static final int NO_SUCH_ROOM = 426;

    private final JanusSession session;
    private final long handle;
    private final String adminKey;

    /**
     * @param adminKey the VideoRoom plugin's {@code admin_key}, or null when Janus is configured without one
     */
    public VideoRoomAdmin(JanusSession session, String adminKey) throws JanusException {
        this.session = Objects.requireNonNull(session, "session");
        this.adminKey = adminKey;
        this.handle = session.attach(PLUGIN);
    }

    /** What a room is created with. */
    public record RoomSpec(long room, String secret, String pin, int publishers, int bitrate, String description) {
        public RoomSpec {
            Objects.requireNonNull(secret, "secret");
            Objects.requireNonNull(pin, "pin");
            if (room <= 0 || publishers < 1 || bitrate < 0) {
                throw new IllegalArgumentException("room must be positive, publishers at least one, bitrate not negative");
            }
        }
    }

    public void create(RoomSpec spec) throws JanusException {
        JsonObject body = request("create");
        body.addProperty("room", spec.room());
        body.addProperty("secret", spec.secret());
        body.addProperty("pin", spec.pin());
        body.addProperty("is_private", true);
        body.addProperty("permanent", false);
        body.addProperty("publishers", spec.publishers());
        body.addProperty("bitrate", spec.bitrate());
        body.addProperty("description", spec.description());
        // Opus and VP8 are what both libwebrtc in the app and every browser send without negotiation surprises.
        body.addProperty("audiocodec", "opus");
        body.addProperty("videocodec", "vp8");
        // Ask publishers for a keyframe every 10 s so late subscribers see a picture soon.
        body.addProperty("fir_freq", 10);
        body.addProperty("notify_joining", true);
        if (adminKey != null) {
            body.addProperty("admin_key", adminKey);
        }
        String said = JanusJson.string(session.message(handle, body), "videoroom");
        if (!"created".equals(said)) {
            throw new JanusException(0, "VideoRoom did not create room " + spec.room() + ": " + said);
        }
    }

    /** Destroys the room; a room that is already gone counts as destroyed. */
    public void destroy(long room, String secret) throws JanusException {
        JsonObject body = request("destroy");
        body.addProperty("room", room);
        body.addProperty("secret", secret);
        try {
            session.message(handle, body);
        } catch (JanusException e) {
            if (e.code() != NO_SUCH_ROOM) {
                throw e;
            }
        }
    }

    public boolean exists(long room) throws JanusException {
        JsonObject body = request("exists");
        body.addProperty("room", room);
        JsonObject answer = session.message(handle, body);
        return answer.has("exists") && answer.get("exists").getAsBoolean();
    }

    private static JsonObject request(String kind) {
        JsonObject body = new JsonObject();
        body.addProperty("request", kind);
        return body;
    }
}
