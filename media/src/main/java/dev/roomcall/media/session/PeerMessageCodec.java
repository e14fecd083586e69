package dev.roomcall.media.session;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * {@link PeerMessage}s as JSON text: {@code {"type":"chat","text":"…"}} and
 * {@code {"type":"media","microphone":true,"camera":false}}. Decoding never throws: anything else (not JSON, an
 * unknown type, a wrong field type, a frame above {@link #MAX_FRAME_BYTES}) is empty, and the caller logs it.
 * A received chat text is bounded again with {@link ChatText}, whatever the sender claimed.
 */
public final class PeerMessageCodec {

    /** Room for {@link ChatText#MAX_CHARS} characters of any script (up to 4 UTF-8 bytes each, some escaped). */
    public static final int MAX_FRAME_BYTES = 16 * 1024;

    static final String TYPE_CHAT = "chat";
    static final String TYPE_MEDIA = "media";

    private PeerMessageCodec() {}

    public static String encode(PeerMessage message) {
        JsonObject json = new JsonObject();
        if (message instanceof PeerMessage.Chat chat) {
            json.addProperty("type", TYPE_CHAT);
            json.addProperty("text", chat.text());
            if (chat.shortened()) {
                json.addProperty("shortened", true);
            }
        } else if (message instanceof PeerMessage.MediaState state) {
            json.addProperty("type", TYPE_MEDIA);
            json.addProperty("microphone", state.microphone());
            json.addProperty("camera", state.camera());
        } else {
            throw new IllegalArgumentException("unknown peer message " + message);
        }
        return json.toString();
    }

    /** Decodes one text frame; empty if it is not a message this version understands. */
    public static Optional<PeerMessage> decode(String frame) {
        if (frame == null || frame.length() > MAX_FRAME_BYTES
                || frame.getBytes(StandardCharsets.UTF_8).length > MAX_FRAME_BYTES) {
            return Optional.empty();
        }
        JsonObject json;
        try (JsonReader reader = new JsonReader(new StringReader(frame))) {
            reader.setStrictness(Strictness.STRICT);
            reader.setNestingLimit(8);
            JsonElement parsed = JsonParser.parseReader(reader);
            if (!parsed.isJsonObject() || reader.peek() != JsonToken.END_DOCUMENT) {
                return Optional.empty();
            }
            json = parsed.getAsJsonObject();
        } catch (JsonParseException | IOException | IllegalStateException e) {
            return Optional.empty();
        }
        String type = string(json, "type");
        if (TYPE_CHAT.equals(type)) {
            String text = string(json, "text");
            if (text == null) {
                return Optional.empty();
            }
            return Optional.of(ChatText.bound(text, bool(json, "shortened").orElse(false)));
        }
        if (TYPE_MEDIA.equals(type)) {
            Optional<Boolean> microphone = bool(json, "microphone");
            Optional<Boolean> camera = bool(json, "camera");
            if (microphone.isEmpty() || camera.isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new PeerMessage.MediaState(microphone.get(), camera.get()));
        }
        return Optional.empty();
    }

    private static String string(JsonObject json, String key) {
        JsonElement value = json.get(key);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString() ? value.getAsString() : null;
    }

    private static Optional<Boolean> bool(JsonObject json, String key) {
        JsonElement value = json.get(key);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isBoolean()
                ? Optional.of(value.getAsBoolean()) : Optional.empty();
    }
}
