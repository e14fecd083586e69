package dev.roomcall.signaling.janus;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.roomcall.signaling.SessionDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the VideoRoom plugin says to one of its handles, read from Janus's JSON into records. Reading never throws:
 * what this client does not know becomes {@link Other}. Displays are what other members sent and are shown only as
 * text (through {@code DisplayText}) by whoever shows them.
 */
public sealed interface VideoRoomEvent {

    /** One stream a publisher sends: its kind ({@code audio}, {@code video}, {@code data}) and mid. */
    record PublishedStream(String type, String mid, boolean disabled) {}

    /** Someone publishing in the room, with the id a subscriber asks for ({@code feed}). */
    record Publisher(long id, String display, List<PublishedStream> streams) {
        public Publisher {
            display = display == null ? "" : display;
            streams = List.copyOf(streams);
        }
    }

    /**
     * One m-section of a subscriber's peer connection: which publisher's ({@code feed}) stream it carries. An inactive
     * one carries nothing any more (the publisher stopped or left); its m-section stays until it is reused.
     */
    record Stream(int mindex, String mid, String type, long feed, String feedDisplay, boolean active) {
        public Stream {
            Objects.requireNonNull(mid, "mid");
            feedDisplay = feedDisplay == null ? "" : feedDisplay;
        }
    }

    /** The publisher handle is in the room: its own id and private id, and who publishes already. */
    record Joined(long id, long privateId, List<Publisher> publishers) implements VideoRoomEvent {
        public Joined {
            publishers = List.copyOf(publishers);
        }
    }

    /** More people publish now. */
    record Publishers(List<Publisher> publishers) implements VideoRoomEvent {
        public Publishers {
            publishers = List.copyOf(publishers);
        }
    }

    /** A publisher stopped publishing ({@code unpublished}) or left the room ({@code leaving}). */
    record Gone(long feed, boolean left) implements VideoRoomEvent {}

    /** Our publication was accepted: Janus's answer to our offer. */
    record Configured(SessionDescription answer) implements VideoRoomEvent {}

    /** The subscription was made or changed: Janus's offer and what each m-section carries. */
    record Subscription(SessionDescription offer, List<Stream> streams) implements VideoRoomEvent {
        public Subscription {
            streams = List.copyOf(streams);
        }
    }

    /** Janus is changing a subscription; its new offer follows as a {@link Subscription} event. */
    record Updating() implements VideoRoomEvent {}

    /** Janus took our answer: media flows as soon as ICE connects. */
    record Started() implements VideoRoomEvent {}

    /** The room was destroyed (by Roomcall's server, when the room emptied). */
    record Destroyed() implements VideoRoomEvent {}

    /** The peer connection behind the handle closed ({@code hangup}), with Janus's reason. */
    record Hangup(String reason) implements VideoRoomEvent {}

    /** The peer connection behind the handle is up ({@code webrtcup}). */
    record WebrtcUp() implements VideoRoomEvent {}

    /** Anything else, named by its {@code janus} kind and {@code videoroom} value, for the log. */
    record Other(String what) implements VideoRoomEvent {}

    /** Reads one message Janus sent about a VideoRoom handle. */
    static VideoRoomEvent read(JsonObject message) {
        String kind = JanusJson.string(message, "janus");
        if ("hangup".equals(kind)) {
            String reason = JanusJson.string(message, "reason");
            return new Hangup(reason == null ? "" : reason);
        }
        if ("webrtcup".equals(kind)) {
            return new WebrtcUp();
        }
        JsonObject data = JanusJson.pluginData(message);
        String said = JanusJson.string(data, "videoroom");
        SessionDescription jsep = description(JanusJson.object(message, "jsep"));
        if ("joined".equals(said)) {
            return new Joined(JanusJson.number(data, "id", 0), JanusJson.number(data, "private_id", 0), publishers(data));
        }
        if ("attached".equals(said) || "updated".equals(said)) {
            return jsep == null || !jsep.isOffer() ? new Other(said + " without an offer") : new Subscription(jsep, streams(data));
        }
        if ("updating".equals(said)) {
            return new Updating();
        }
        if ("destroyed".equals(said)) {
            return new Destroyed();
        }
        if ("event".equals(said)) {
            if (data.has("publishers")) {
                return new Publishers(publishers(data));
            }
            if (data.has("unpublished")) {
                return new Gone(JanusJson.number(data, "unpublished", 0), false);
            }
            if (data.has("leaving")) {
                return new Gone(JanusJson.number(data, "leaving", 0), true);
            }
            if ("ok".equals(JanusJson.string(data, "configured"))) {
                return jsep == null ? new Other("configured without an answer") : new Configured(jsep);
            }
            if ("ok".equals(JanusJson.string(data, "started"))) {
                return new Started();
            }
        }
        return new Other(kind + "/" + said);
    }

    private static SessionDescription description(JsonObject jsep) {
        String type = JanusJson.string(jsep, "type");
        String sdp = JanusJson.string(jsep, "sdp");
        return type == null || sdp == null ? null : new SessionDescription(type, sdp);
    }

    private static List<Publisher> publishers(JsonObject data) {
        List<Publisher> publishers = new ArrayList<>();
        for (JsonObject p : objects(data, "publishers")) {
            List<PublishedStream> streams = new ArrayList<>();
            for (JsonObject s : objects(p, "streams")) {
                streams.add(new PublishedStream(JanusJson.string(s, "type"), JanusJson.string(s, "mid"),
                        s.has("disabled") && s.get("disabled").isJsonPrimitive() && s.get("disabled").getAsBoolean()));
            }
            publishers.add(new Publisher(JanusJson.number(p, "id", 0), JanusJson.string(p, "display"), streams));
        }
        return publishers;
    }

    private static List<Stream> streams(JsonObject data) {
        List<Stream> streams = new ArrayList<>();
        for (JsonObject s : objects(data, "streams")) {
            String mid = JanusJson.string(s, "mid");
            if (mid == null) {
                continue;
            }
            boolean active = !s.has("active") || s.get("active").isJsonPrimitive() && s.get("active").getAsBoolean();
            streams.add(new Stream((int) JanusJson.number(s, "mindex", -1), mid, JanusJson.string(s, "type"),
                    JanusJson.number(s, "feed_id", 0), JanusJson.string(s, "feed_display"), active));
        }
        return streams;
    }

    private static List<JsonObject> objects(JsonObject parent, String field) {
        JsonElement value = parent == null ? null : parent.get(field);
        List<JsonObject> objects = new ArrayList<>();
        if (value instanceof JsonArray array) {
            for (JsonElement element : array) {
                if (element.isJsonObject()) {
                    objects.add(element.getAsJsonObject());
                }
            }
        }
        return objects;
    }
}
