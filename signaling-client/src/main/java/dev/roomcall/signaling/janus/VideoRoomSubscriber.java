package dev.roomcall.signaling.janus;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import dev.roomcall.signaling.SessionDescription;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * One peer connection receiving the other publishers' feeds (Janus 1.x multistream subscription): Janus offers,
 * this side answers; adding or dropping feeds later gives a new offer on the same connection.
 */
public final class VideoRoomSubscriber extends VideoRoomHandle {

    private VideoRoomSubscriber(JanusSession session, long room, String pin, Consumer<VideoRoomEvent> events)
            throws JanusException {
        super(session, room, pin, events);
    }

    /**
     * Subscribes to {@code feeds} in {@code room}; {@code privateId} is our publisher's (so Janus knows whose
     * subscription it is). Returns Janus's offer and what each m-section carries.
     */
    public static Subscribed join(JanusSession session, long room, String pin, long privateId, List<Long> feeds,
                                  Consumer<VideoRoomEvent> events) throws JanusException {
        VideoRoomSubscriber subscriber = new VideoRoomSubscriber(session, room, pin, events);
        try {
            JsonObject body = subscriber.request("join");
            body.addProperty("ptype", "subscriber");
            body.addProperty("pin", pin);
            body.addProperty("private_id", privateId);
            body.add("streams", feedList(feeds));
            return new Subscribed(subscriber,
                    expect(VideoRoomEvent.Subscription.class, subscriber.send(body, null), "join as subscriber"));
        } catch (JanusException | RuntimeException e) {
            subscriber.close();
            throw e;
        }
    }

    /** A new subscriber and Janus's first offer to it. */
    public record Subscribed(VideoRoomSubscriber subscriber, VideoRoomEvent.Subscription subscription) {}

    /** Answers Janus's offer: media starts once ICE connects. */
    public void start(SessionDescription answer) throws JanusException {
        JsonObject body = new JsonObject();
        body.addProperty("request", "start");
        expect(VideoRoomEvent.Started.class, send(body, answer), "start");
    }

    /**
     * Adds and drops feeds. Janus's new offer, to be answered with {@link #start}, is returned when Janus answers at
     * once, and otherwise (Janus 1.1 says {@code updating} first) arrives as a {@link VideoRoomEvent.Subscription}
     * event on the handle's consumer.
     */
    public Optional<VideoRoomEvent.Subscription> update(List<Long> subscribe, List<Long> unsubscribe)
            throws JanusException {
        JsonObject body = new JsonObject();
        body.addProperty("request", "update");
        if (!subscribe.isEmpty()) {
            body.add("subscribe", feedList(subscribe));
        }
        if (!unsubscribe.isEmpty()) {
            body.add("unsubscribe", feedList(unsubscribe));
        }
        VideoRoomEvent answer = send(body, null);
        if (answer instanceof VideoRoomEvent.Updating) {
            return Optional.empty();
        }
        return Optional.of(expect(VideoRoomEvent.Subscription.class, answer, "update"));
    }

    private static JsonArray feedList(List<Long> feeds) {
        JsonArray list = new JsonArray();
        for (long feed : feeds) {
            JsonObject entry = new JsonObject();
            entry.addProperty("feed", feed);
            list.add(entry);
        }
        return list;
    }
}
