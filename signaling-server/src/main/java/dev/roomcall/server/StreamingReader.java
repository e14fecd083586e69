package dev.roomcall.server;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.roomcall.signaling.JsonView.Type;
import dev.roomcall.signaling.SignalFields;
import dev.roomcall.signaling.SignalLimits;
import dev.roomcall.signaling.SignalMessage.Invalid;
import dev.roomcall.signaling.SignalMessage.Problem;
import dev.roomcall.signaling.SignalMessage;
import dev.roomcall.signaling.SignalRules;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One pass over one message with Gson's strict {@link JsonReader}, keeping only the members {@link SignalFields}
 * names for the rules and skipping the rest, SDP bodies included, without materialising them. It reads tokens in
 * the order Gson's tree adapter does, so syntax errors are found at the same place with the same words.
 */
final class StreamingReader {

    private final JsonReader reader;
    /**
     * JsonReader.skipValue does not enforce strict mode's ban on raw control characters in strings; a
     * message with any control character is therefore read token by token, as the tree adapter reads it.
     */
    private final boolean readEverything;

    private StreamingReader(MessageCharacters text) {
        reader = new JsonReader(text);
        reader.setStrictness(Strictness.STRICT);
        reader.setNestingLimit(SignalLimits.MAX_NESTING);
        readEverything = text.control;
    }

    /** The message as {@link SignalRules} read it; its strings outside the compared ones read as {@code ""}. */
    static SignalMessage read(MessageCharacters text) {
        return new StreamingReader(text).read();
    }

    private SignalMessage read() {
        KeptValue root;
        try {
            root = readDocument();
        } catch (IOException | IllegalStateException | NumberFormatException e) {
            return new Invalid(Problem.MALFORMED, SignalLimits.syntaxError(e));
        }
        try {
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                return new Invalid(Problem.MALFORMED, SignalLimits.TRAILING_DATA);
            }
        } catch (IOException e) {
            return new Invalid(Problem.MALFORMED, SignalLimits.TRAILING_DATA);
        }
        return SignalRules.read(root);
    }

    /** As Gson's Streams.parse: an input that ends before any value is a JSON null. */
    private KeptValue readDocument() throws IOException {
        JsonToken first;
        try {
            first = reader.peek();
        } catch (EOFException e) {
            return KeptValue.skipped(Type.NULL);
        }
        if (first == JsonToken.BEGIN_OBJECT) {
            return readObject();
        }
        skip();
        return KeptValue.skipped(type(first));
    }

    private KeptValue readObject() throws IOException {
        KeptValue[] members = KeptValue.newMembers();
        reader.beginObject();
        while (reader.hasNext()) {
            String name = reader.nextName();
            int slot = KeptValue.slot(name);
            if (slot < 0) {
                skip();
            } else {
                // A repeated name replaces the earlier value, as in JsonObject.
                members[slot] = readMember(name);
            }
        }
        reader.endObject();
        return KeptValue.object(members);
    }

    private KeptValue readMember(String name) throws IOException {
        JsonToken kind = reader.peek();
        if (kind == JsonToken.BEGIN_OBJECT && SignalFields.OBJECTS.contains(name)) {
            return readObject();
        }
        if (kind == JsonToken.BEGIN_ARRAY && SignalFields.ARRAYS.contains(name)) {
            return readArray(SignalFields.ARRAYS_OF_OBJECTS.contains(name));
        }
        if ((kind == JsonToken.STRING && SignalFields.COMPARED_STRINGS.contains(name))
                || (kind == JsonToken.NUMBER && SignalFields.NUMBERS.contains(name))) {
            return KeptValue.scalar(type(kind), reader.nextString());
        }
        skip();
        return KeptValue.skipped(type(kind));
    }

    private KeptValue readArray(boolean openObjects) throws IOException {
        List<KeptValue> elements = new ArrayList<>();
        reader.beginArray();
        while (reader.hasNext()) {
            JsonToken kind = reader.peek();
            if (kind == JsonToken.BEGIN_OBJECT && openObjects) {
                elements.add(readObject());
            } else {
                skip();
                elements.add(KeptValue.skipped(type(kind)));
            }
        }
        reader.endArray();
        return KeptValue.array(elements);
    }

    private void skip() throws IOException {
        if (!readEverything) {
            reader.skipValue();
            return;
        }
        JsonToken kind = reader.peek();
        switch (kind) {
            case BEGIN_OBJECT -> {
                reader.beginObject();
                while (reader.hasNext()) {
                    reader.nextName();
                    skip();
                }
                reader.endObject();
            }
            case BEGIN_ARRAY -> {
                reader.beginArray();
                while (reader.hasNext()) {
                    skip();
                }
                reader.endArray();
            }
            case STRING, NUMBER -> reader.nextString();
            case BOOLEAN -> reader.nextBoolean();
            case NULL -> reader.nextNull();
            default -> throw new IllegalStateException("Unexpected " + kind + reader.getPath());
        }
    }

    private static Type type(JsonToken token) {
        return switch (token) {
            case BEGIN_OBJECT -> Type.OBJECT;
            case BEGIN_ARRAY -> Type.ARRAY;
            case STRING -> Type.STRING;
            case NUMBER -> Type.NUMBER;
            case BOOLEAN -> Type.BOOLEAN;
            // What peek() answers at a value's place is one of the above or null; anything else is not a value.
            default -> Type.NULL;
        };
    }
}
