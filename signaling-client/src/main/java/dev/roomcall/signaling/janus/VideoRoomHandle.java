package dev.roomcall.signaling.janus;

import com.google.gson.JsonObject;
import dev.roomcall.signaling.IceCandidate;
import dev.roomcall.signaling.SessionDescription;
import java.util.function.Consumer;

/**
 * One handle on the VideoRoom plugin with a peer connection behind it: what a publisher and a subscriber share
 * (requests with and without a description, trickle, detaching). Unasked events for the handle are read into
 * {@link VideoRoomEvent}s and handed to the consumer on the socket's reader thread.
 */
abstract class VideoRoomHandle implements AutoCloseable {

    protected final JanusSession session;
    protected final long handle;
    protected final long room;
    protected final String pin;

    protected VideoRoomHandle(JanusSession session, long room, String pin, Consumer<VideoRoomEvent> events)
            throws JanusException {
        this.session = session;
        this.room = room;
        this.pin = pin;
        this.handle = session.attach(VideoRoomAdmin.PLUGIN);
        session.connection().onEventsOf(handle, message -> events.accept(VideoRoomEvent.read(message)));
    }

    /** A request body for this handle's room. */
    protected JsonObject request(String kind) {
        JsonObject body = new JsonObject();
        body.addProperty("request", kind);
        body.addProperty("room", room);
        return body;
    }

    /** Sends a request (with our description, if any) and reads what the plugin answered. */
    protected VideoRoomEvent send(JsonObject body, SessionDescription description) throws JanusException {
        return VideoRoomEvent.read(session.message(handle, body, description == null ? null : jsep(description)));
    }

    /** Trickles one of our candidates; null says there are no more. */
    public void trickle(IceCandidate candidate) {
        if (candidate == null) {
            session.trickle(handle, null);
            return;
        }
        JsonObject json = new JsonObject();
        json.addProperty("candidate", candidate.candidate());
        if (candidate.sdpMid() != null) {
            json.addProperty("sdpMid", candidate.sdpMid());
        }
        if (candidate.sdpMLineIndex() != null) {
            json.addProperty("sdpMLineIndex", candidate.sdpMLineIndex());
        }
        session.trickle(handle, json);
    }

    /** Leaves: Janus closes the peer connection behind the handle. */
    @Override
    public void close() {
        session.detach(handle);
    }

    static JsonObject jsep(SessionDescription description) {
        JsonObject jsep = new JsonObject();
        jsep.addProperty("type", description.type());
        jsep.addProperty("sdp", description.sdp());
        return jsep;
    }

    /** The event a request must answer with, or why it did not. */
    static <T extends VideoRoomEvent> T expect(Class<T> kind, VideoRoomEvent answer, String request) throws JanusException {
        if (kind.isInstance(answer)) {
            return kind.cast(answer);
        }
        throw new JanusException(0, "VideoRoom answered '" + request + "' with " + answer);
    }
}
