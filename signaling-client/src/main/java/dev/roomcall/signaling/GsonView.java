package dev.roomcall.signaling;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;

/** Gson's tree as {@link SignalRules} read it. */
final class GsonView implements JsonView {

    private final JsonElement element;

    GsonView(JsonElement element) {
        this.element = element;
    }

    @Override
    public Type type() {
        if (element.isJsonObject()) {
            return Type.OBJECT;
        }
        if (element.isJsonArray()) {
            return Type.ARRAY;
        }
        if (element.isJsonNull()) {
            return Type.NULL;
        }
        JsonPrimitive primitive = element.getAsJsonPrimitive();
        return primitive.isString() ? Type.STRING : primitive.isNumber() ? Type.NUMBER : Type.BOOLEAN;
    }

    @Override
    public JsonView member(String name) {
        JsonElement member = element.getAsJsonObject().get(name);
        return member == null ? null : new GsonView(member);
    }

    @Override
    public List<GsonView> elements() {
        List<GsonView> elements = new ArrayList<>();
        element.getAsJsonArray().forEach(e -> elements.add(new GsonView(e)));
        return elements;
    }

    @Override
    public String text() {
        return element.getAsString();
    }
}
