package dev.roomcall.signaling.janus;

import com.google.gson.JsonObject;
import dev.roomcall.signaling.SessionDescription;
import java.util.function.Consumer;

/**
 * A member publishing in a VideoRoom: joins with the room's pin and a display (Roomcall puts the member id there, so
 * others know whose feed it is), then publishes its camera and microphone with one offer. Janus tells this handle
 * about other publishers coming and going.
 */
public final class VideoRoomPublisher extends VideoRoomHandle {

    private final VideoRoomEvent.Joined joined;

    private VideoRoomPublisher(JanusSession session, long room, String pin, String display,
                               Consumer<VideoRoomEvent> events) throws JanusException {
        super(session, room, pin, events);
        JsonObject body = request("join");
        body.addProperty("ptype", "publisher");
        body.addProperty("pin", pin);
        body.addProperty("display", display);
        this.joined = expect(VideoRoomEvent.Joined.class, send(body, null), "join");
    }

    /** Joins VideoRoom {@code room} as a publisher; {@code events} hears of other publishers. */
    public static VideoRoomPublisher join(JanusSession session, long room, String pin, String display,
                                          Consumer<VideoRoomEvent> events) throws JanusException {
        return new VideoRoomPublisher(session, room, pin, display, events);
    }

    /** Our id in the room, who published before us, and the private id a subscription of ours names. */
    public VideoRoomEvent.Joined joined() {
        return joined;
    }

    /**
     * Publishes what {@code offer} sends, at most {@code bitrate} bits per second (0: the room's cap), and returns
     * Janus's answer.
     */
    public SessionDescription publish(SessionDescription offer, int bitrate) throws JanusException {
        JsonObject body = new JsonObject();
        body.addProperty("request", "configure");
        body.addProperty("audio", true);
        body.addProperty("video", true);
        if (bitrate > 0) {
            body.addProperty("bitrate", bitrate);
        }
        return expect(VideoRoomEvent.Configured.class, send(body, offer), "configure").answer();
    }

    /** Stops publishing but stays in the room. */
    public void unpublish() throws JanusException {
        JsonObject body = new JsonObject();
        body.addProperty("request", "unpublish");
        send(body, null);
    }
}
