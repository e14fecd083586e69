package dev.roomcall.signaling.janus;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Reading Janus's answers: its field names in one place, and its two ways of saying no. */
final class JanusJson {

    private JanusJson() {}

    /** A string field, or null when it is absent or not a string. */
    static String string(JsonObject object, String field) {
        JsonElement value = object == null ? null : object.get(field);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString() ? value.getAsString() : null;
    }

    /** A whole-number field, or {@code fallback}. */
    static long number(JsonObject object, String field, long fallback) {
        JsonElement value = object == null ? null : object.get(field);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            return fallback;
        }
        try {
            return value.getAsLong();
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static JsonObject object(JsonObject object, String field) {
        JsonElement value = object == null ? null : object.get(field);
        return value != null && value.isJsonObject() ? value.getAsJsonObject() : null;
    }

    /** The {@code id} in a {@code success}'s {@code data}: a new session's or handle's. */
    static long dataId(JsonObject success) throws JanusException {
        long id = number(object(success, "data"), "id", -1);
        if (id <= 0) {
            throw new JanusException(JanusException.UNREACHABLE, "Janus answered without an id: " + success);
        }
        return id;
    }

    /** The plugin's own answer inside a message's reply ({@code plugindata.data}), or an empty object. */
    static JsonObject pluginData(JsonObject reply) {
        JsonObject data = object(object(reply, "plugindata"), "data");
        return data == null ? new JsonObject() : data;
    }

    /** Janus's own refusal: {@code {"janus":"error","error":{"code":458,"reason":"..."}}}. */
    static JanusException error(JsonObject message) {
        JsonObject error = object(message, "error");
        String reason = string(error, "reason");
        return new JanusException((int) number(error, "code", 0), reason == null ? "Janus refused the request" : reason);
    }

    /** A plugin's refusal inside a successful transport answer ({@code error_code} / {@code error}), or null. */
    static JanusException pluginError(JsonObject message) {
        JsonObject data = object(object(message, "plugindata"), "data");
        if (data == null || !data.has("error_code") && !data.has("error")) {
            return null;
        }
        String reason = string(data, "error");
        return new JanusException((int) number(data, "error_code", 0), reason == null ? "the plugin refused the request" : reason);
    }
}
