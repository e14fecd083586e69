package dev.roomcall.app.headless;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** One headless output line as a JSON object: its {@code "event"} name and its fields, in order. */
final class EventJson {

    private EventJson() {}

    /**
     * {@code {"event": name, key1: value1, …}}. Values are strings, numbers, booleans or JSON elements; a null value
     * is written as JSON null.
     */
    static JsonObject of(String name, Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("a key without a value in " + name);
        }
        JsonObject json = new JsonObject();
        json.addProperty("event", name);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            String key = (String) keysAndValues[i];
            Object value = keysAndValues[i + 1];
            if (value == null || value instanceof String) {
                json.addProperty(key, (String) value);
            } else if (value instanceof Number number) {
                json.addProperty(key, number);
            } else if (value instanceof Boolean flag) {
                json.addProperty(key, flag);
            } else if (value instanceof JsonElement element) {
                json.add(key, element);
            } else {
                throw new IllegalArgumentException(key + " of " + name + " is a " + value.getClass().getName());
            }
        }
        return json;
    }
}
