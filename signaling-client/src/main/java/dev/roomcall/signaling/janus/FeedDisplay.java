package dev.roomcall.signaling.janus;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonParseException;
import java.util.Objects;

/**
 * Whose a VideoRoom feed is, from its publisher's {@code display} (docs/protocol.md §14): a member's camera and
 * microphone are published under the bare member id ({@code p3}); a member's shared screen is a second publisher
 * whose display is {@code {"member":"p3","screen":true}}. Reading never throws: a display that is not such an object
 * is a camera feed named by the display as it is.
 *
 * @param member the member id the feed belongs to
 * @param screen whether it is that member's shared screen rather than its camera
 */
public record FeedDisplay(String member, boolean screen) {

    public FeedDisplay {
        Objects.requireNonNull(member, "member");
    }

    public static FeedDisplay camera(String member) {
        return new FeedDisplay(member, false);
    }

    public static FeedDisplay screenOf(String member) {
        return new FeedDisplay(member, true);
    }

    /** The display to publish under. */
    public String text() {
        if (!screen) {
            return member;
        }
        JsonObject json = new JsonObject();
        json.addProperty("member", member);
        json.addProperty("screen", true);
        return json.toString();
    }

    /** Whose feed {@code display} names. */
    public static FeedDisplay parse(String display) {
        String text = display == null ? "" : display;
        if (!text.startsWith("{")) {
            return camera(text);
        }
        try {
            JsonElement parsed = JsonParser.parseString(text);
            JsonObject object = parsed.isJsonObject() ? parsed.getAsJsonObject() : null;
            String member = JanusJson.string(object, "member");
            if (member == null) {
                return camera(text);
            }
            JsonElement screen = object.get("screen");
            boolean isScreen = screen != null && screen.isJsonPrimitive() && screen.getAsJsonPrimitive().isBoolean()
                    && screen.getAsBoolean();
            return new FeedDisplay(member, isScreen);
        } catch (JsonParseException e) {
            return camera(text);
        }
    }
}
