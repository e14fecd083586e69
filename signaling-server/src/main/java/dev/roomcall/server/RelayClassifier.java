package dev.roomcall.server;

import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.roomcall.signaling.SignalCodec;
import dev.roomcall.signaling.SignalMessage.Problem;
import java.io.EOFException;
import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells from a message's UTF-8 bytes what the relay must do with it, without building a JSON tree or
 * even a String: the relay forwards the original bytes, so all it needs is the {@link MessageKind}.
 *
 * <p>The answer is the one {@link SignalCodec#decode(ByteBuffer)} implies (same size limit, strict JSON,
 * nesting limit, field rules and the same problem texts; {@code ClassifierAgreementTest} holds it to
 * that). It streams with Gson's strict {@link JsonReader}, keeps only the fields the rules look at and
 * skips the rest, SDP bodies included, without materialising them.
 *
 * <p>Public only so the benchmarks can measure it.
 */
public final class RelayClassifier {

    /** What a message that is not UTF-8 is; a text frame like that is a protocol error, not just an invalid message. */
    public static final MessageKind.Invalid NOT_UTF8 = new MessageKind.Invalid(Problem.MALFORMED, "binary frame is not UTF-8 text");

    /** SignalCodec's limit, for the same reason: deeper JSON is never a signaling message. */
    private static final int MAX_NESTING = 16;

    private static final Pattern LOCATION = Pattern.compile("line (\\d+) column (\\d+)");

    private RelayClassifier() {}

    /** Classifies one whole message; the array is only read. */
    public static MessageKind classify(byte[] message) {
        if (message.length > SignalCodec.MAX_MESSAGE_BYTES) {
            return new MessageKind.Invalid(Problem.TOO_LARGE,
                    "message of " + message.length + " bytes exceeds " + SignalCodec.MAX_MESSAGE_BYTES);
        }
        Characters text = Characters.of(message);
        if (text == null) {
            return NOT_UTF8;
        }
        if (text.blank) {
            return new MessageKind.Invalid(Problem.MALFORMED, "empty message");
        }
        return new Walk(text).classify();
    }

    // ---------------------------------------------------------------- the message's characters

    /**
     * The message as characters for JsonReader, decoded strictly as the JDK does. Pure ASCII (what
     * browsers send) is read straight from the bytes; anything else is decoded once into a char array.
     */
    private static final class Characters extends Reader {
        private final byte[] ascii;
        private final char[] chars;
        private final int length;
        /** A control character: outside strings only JSON whitespace, inside them an error in strict mode. */
        private final boolean control;
        /** Only whitespace, as {@link String#isBlank()} sees it. */
        private final boolean blank;
        private int position;

        private Characters(byte[] ascii, char[] chars, int length, boolean control, boolean blank) {
            this.ascii = ascii;
            this.chars = chars;
            this.length = length;
            this.control = control;
            this.blank = blank;
        }

        /** @return null if the bytes are not UTF-8 */
        static Characters of(byte[] bytes) {
            boolean control = false;
            boolean blank = true;
            for (byte b : bytes) {
                if (b < 0) {
                    return decoded(bytes);
                }
                control |= b < 0x20;
                blank &= Character.isWhitespace((char) b);
            }
            return new Characters(bytes, null, bytes.length, control, blank);
        }

        private static Characters decoded(byte[] bytes) {
            CharBuffer decoded;
            try {
                decoded = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes));
            } catch (CharacterCodingException e) {
                return null;
            }
            char[] chars = decoded.array();
            int length = decoded.limit();
            boolean control = false;
            boolean blank = true;
            for (int i = 0; i < length; i++) {
                control |= chars[i] < 0x20;
                // Surrogates are never whitespace, nor is any supplementary code point: per char is per code point here.
                blank &= Character.isWhitespace(chars[i]);
            }
            return new Characters(null, chars, length, control, blank);
        }

        @Override
        public int read(char[] into, int offset, int count) {
            if (position >= length) {
                return -1;
            }
            int n = Math.min(count, length - position);
            if (ascii != null) {
                for (int i = 0; i < n; i++) {
                    into[offset + i] = (char) ascii[position + i];
                }
            } else {
                System.arraycopy(chars, position, into, offset, n);
            }
            position += n;
            return n;
        }

        @Override
        public void close() {
            position = length;
        }
    }

    // ---------------------------------------------------------------- reading

    /** The member names the rules look at, wherever they occur. */
    private enum Field {
        EVENT("event"), DATA("data"), SDP("sdp"), CANDIDATE("candidate"), TYPE("type"),
        SDP_MID("sdpMid"), SDP_MLINE_INDEX("sdpMLineIndex"), USERNAME_FRAGMENT("usernameFragment"),
        ROOM("room"), PEERS("peers"), ICE_SERVERS("iceServers"), QUEUED("queued"), CODE("code"), MESSAGE("message"),
        URLS("urls"), USERNAME("username"), CREDENTIAL("credential");

        private static final Field[] ALL = values();

        final String json;

        Field(String json) {
            this.json = json;
        }

        static Field named(String name) {
            for (Field f : ALL) {
                if (f.json.equals(name)) {
                    return f;
                }
            }
            return null;
        }

        /** The rules compare these strings' values; every other string only has to be one. */
        boolean keepsString() {
            return this == EVENT || this == TYPE;
        }

        boolean keepsNumber() {
            return this == SDP_MLINE_INDEX || this == PEERS || this == QUEUED;
        }

        /** Objects whose members the rules look at. */
        boolean opensObject() {
            return this == DATA || this == SDP || this == CANDIDATE;
        }

        boolean opensArray() {
            return this == ICE_SERVERS || this == URLS;
        }
    }

    /** One JSON value as far as the rules need it: its type, and only where they look, its text or parts. */
    private static final class Value {
        private static final Value[] BY_KIND = new Value[JsonToken.values().length];
        static final Value EMPTY_OBJECT = new Value(JsonToken.BEGIN_OBJECT, null, new Value[Field.ALL.length], null);

        static {
            for (JsonToken kind : JsonToken.values()) {
                BY_KIND[kind.ordinal()] = new Value(kind, null, null, null);
            }
        }

        final JsonToken kind;
        final String text;
        final Value[] members;
        final List<Value> elements;

        private Value(JsonToken kind, String text, Value[] members, List<Value> elements) {
            this.kind = kind;
            this.text = text;
            this.members = members;
            this.elements = elements;
        }

        /** Shared, for values whose content nobody looks at. */
        static Value of(JsonToken kind) {
            return BY_KIND[kind.ordinal()];
        }

        /** JsonObject.get: null if the member is absent (a JSON null is a value of kind NULL). */
        Value get(Field field) {
            return members[field.ordinal()];
        }

        boolean isNull() {
            return kind == JsonToken.NULL;
        }
    }

    /**
     * One pass over one message. It reads tokens in the order Gson's tree adapter does, so syntax errors are
     * found at the same place with the same words; it only skips what it need not keep.
     */
    private static final class Walk {
        private final JsonReader reader;
        /**
         * JsonReader.skipValue does not enforce strict mode's ban on raw control characters in strings; a
         * message with any control character is therefore read token by token, as the tree adapter reads it.
         */
        private final boolean readEverything;

        Walk(Characters text) {
            reader = new JsonReader(text);
            reader.setStrictness(Strictness.STRICT);
            reader.setNestingLimit(MAX_NESTING);
            readEverything = text.control;
        }

        MessageKind classify() {
            Value root;
            try {
                root = readDocument();
            } catch (IOException | IllegalStateException | NumberFormatException e) {
                return new MessageKind.Invalid(Problem.MALFORMED, syntaxError(e));
            }
            try {
                if (reader.peek() != JsonToken.END_DOCUMENT) {
                    return trailingData();
                }
            } catch (IOException e) {
                return trailingData();
            }
            if (root.kind != JsonToken.BEGIN_OBJECT) {
                return new MessageKind.Invalid(Problem.MALFORMED, "not a JSON object");
            }
            try {
                return Rules.judge(root);
            } catch (FieldException e) {
                return new MessageKind.Invalid(Problem.MALFORMED, e.getMessage());
            }
        }

        /** As Gson's Streams.parse: an input that ends before any value is a JSON null. */
        private Value readDocument() throws IOException {
            JsonToken first;
            try {
                first = reader.peek();
            } catch (EOFException e) {
                return Value.of(JsonToken.NULL);
            }
            if (first == JsonToken.BEGIN_OBJECT) {
                return readObject();
            }
            skip();
            return Value.of(first);
        }

        private Value readObject() throws IOException {
            Value[] members = new Value[Field.ALL.length];
            reader.beginObject();
            while (reader.hasNext()) {
                Field field = Field.named(reader.nextName());
                if (field == null) {
                    skip();
                } else {
                    // A repeated name replaces the earlier value, as in JsonObject.
                    members[field.ordinal()] = readMember(field);
                }
            }
            reader.endObject();
            return new Value(JsonToken.BEGIN_OBJECT, null, members, null);
        }

        private Value readMember(Field field) throws IOException {
            JsonToken kind = reader.peek();
            if (kind == JsonToken.BEGIN_OBJECT && field.opensObject()) {
                return readObject();
            }
            if (kind == JsonToken.BEGIN_ARRAY && field.opensArray()) {
                return readArray(field == Field.ICE_SERVERS);
            }
            if ((kind == JsonToken.STRING && field.keepsString()) || (kind == JsonToken.NUMBER && field.keepsNumber())) {
                return new Value(kind, reader.nextString(), null, null);
            }
            skip();
            return Value.of(kind);
        }

        private Value readArray(boolean openObjects) throws IOException {
            List<Value> elements = new ArrayList<>();
            reader.beginArray();
            while (reader.hasNext()) {
                JsonToken kind = reader.peek();
                if (kind == JsonToken.BEGIN_OBJECT && openObjects) {
                    elements.add(readObject());
                } else {
                    skip();
                    elements.add(Value.of(kind));
                }
            }
            reader.endArray();
            return new Value(JsonToken.BEGIN_ARRAY, null, null, elements);
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

        private static MessageKind trailingData() {
            return new MessageKind.Invalid(Problem.MALFORMED, "not JSON: trailing data after the JSON value");
        }

        /** SignalCodec's wording: what went wrong and where, without Gson's advice to programmers. */
        private static String syntaxError(Exception e) {
            String message = String.valueOf(e.getMessage());
            if (message.contains("Nesting limit")) {
                return "JSON nested deeper than " + MAX_NESTING + " levels";
            }
            Matcher at = LOCATION.matcher(message);
            String where = at.find() ? " at line " + at.group(1) + " column " + at.group(2) : "";
            if (e instanceof EOFException || message.startsWith("End of input") || message.startsWith("Unterminated")) {
                return "not JSON: the text ends too early" + where;
            }
            return "not JSON: syntax error" + where;
        }
    }

    // ---------------------------------------------------------------- the field rules

    /** SignalCodec.decode's rules, in its order, so the first broken rule is the one it would report. */
    private static final class Rules {

        static MessageKind judge(Value json) {
            if (json.get(Field.EVENT) != null) {
                String event = string(json, Field.EVENT);
                Value data = json.get(Field.DATA) != null && !json.get(Field.DATA).isNull()
                        ? object(json, Field.DATA) : Value.EMPTY_OBJECT;
                switch (event) {
                    case "_offer":
                        description(object(data, Field.SDP), "offer");
                        return MessageKind.RELAYABLE;
                    case "_answer":
                        description(object(data, Field.SDP), "answer");
                        return MessageKind.RELAYABLE;
                    case "_ice_candidate":
                        candidate(object(data, Field.CANDIDATE));
                        return MessageKind.RELAYABLE;
                    case "joined":
                        string(data, Field.ROOM);
                        count(data, Field.PEERS);
                        iceServers(data);
                        if (data.get(Field.QUEUED) != null) {
                            count(data, Field.QUEUED);
                        }
                        return new MessageKind.Extension("Joined");
                    case "peer-joined":
                        return new MessageKind.Extension("PeerJoined");
                    case "peer-left":
                        return new MessageKind.Extension("PeerLeft");
                    case "room-full":
                        optionalString(data, Field.ROOM);
                        return new MessageKind.Extension("RoomFull");
                    case "bye":
                        return MessageKind.BYE;
                    case "error":
                        optionalString(data, Field.CODE);
                        optionalString(data, Field.MESSAGE);
                        return new MessageKind.Extension("ServerError");
                    default:
                        return new MessageKind.Invalid(Problem.UNKNOWN, "unknown event '" + shorten(event) + "'");
                }
            }
            if (json.get(Field.SDP) != null) {
                String type = description(object(json, Field.SDP), null);
                if ("offer".equals(type) || "answer".equals(type)) {
                    return MessageKind.RELAYABLE;
                }
                return new MessageKind.Invalid(Problem.UNKNOWN, "unsupported sdp type '" + shorten(type) + "'");
            }
            if (json.get(Field.CANDIDATE) != null) {
                candidate(object(json, Field.CANDIDATE));
                return MessageKind.RELAYABLE;
            }
            return new MessageKind.Invalid(Problem.UNKNOWN, "neither an event nor an sdp or candidate message");
        }

        /** @return the description's type */
        private static String description(Value json, String expectedType) {
            String type = string(json, Field.TYPE);
            if (expectedType != null && !expectedType.equals(type)) {
                throw new FieldException("a '" + expectedType + "' event carries an sdp of type '" + shorten(type) + "'");
            }
            string(json, Field.SDP);
            return type;
        }

        private static void candidate(Value json) {
            string(json, Field.CANDIDATE);
            boolean hasMid = optionalString(json, Field.SDP_MID);
            Value index = json.get(Field.SDP_MLINE_INDEX);
            Integer lineIndex = index != null && !index.isNull() ? integer(json, Field.SDP_MLINE_INDEX) : null;
            if (!hasMid && lineIndex == null) {
                throw new FieldException("candidate has neither sdpMid nor sdpMLineIndex");
            }
            if (lineIndex != null && lineIndex < 0) {
                throw new FieldException("sdpMLineIndex is negative");
            }
            optionalString(json, Field.USERNAME_FRAGMENT);
        }

        private static void iceServers(Value data) {
            Value servers = data.get(Field.ICE_SERVERS);
            if (servers == null || servers.isNull()) {
                return;
            }
            if (servers.kind != JsonToken.BEGIN_ARRAY) {
                throw new FieldException("'iceServers' is not an array");
            }
            for (Value server : servers.elements) {
                if (server.kind != JsonToken.BEGIN_OBJECT) {
                    throw new FieldException("an iceServers entry is not an object");
                }
                int urls = 0;
                Value raw = server.get(Field.URLS);
                if (raw != null && raw.kind == JsonToken.BEGIN_ARRAY) {
                    for (Value url : raw.elements) {
                        asString(url, Field.URLS);
                        urls++;
                    }
                } else if (raw != null) {
                    asString(raw, Field.URLS);
                    urls++;
                }
                if (urls == 0) {
                    throw new FieldException("an iceServers entry has no urls");
                }
                optionalString(server, Field.USERNAME);
                optionalString(server, Field.CREDENTIAL);
            }
        }

        private static Value object(Value json, Field field) {
            Value value = json.get(field);
            if (value == null || value.kind != JsonToken.BEGIN_OBJECT) {
                throw new FieldException("'" + field.json + "' is " + (value == null ? "missing" : "not an object"));
            }
            return value;
        }

        /** @return the text for fields whose value the rules compare, else null */
        private static String string(Value json, Field field) {
            Value value = json.get(field);
            if (value == null) {
                throw new FieldException("'" + field.json + "' is missing");
            }
            asString(value, field);
            return value.text;
        }

        /** @return true if the field holds a string, false if it is absent or null */
        private static boolean optionalString(Value json, Field field) {
            Value value = json.get(field);
            if (value == null || value.isNull()) {
                return false;
            }
            asString(value, field);
            return true;
        }

        private static void asString(Value value, Field field) {
            if (value.kind != JsonToken.STRING) {
                throw new FieldException("'" + field.json + "' is not a string");
            }
        }

        private static int integer(Value json, Field field) {
            Value value = json.get(field);
            if (value == null || value.kind != JsonToken.NUMBER) {
                throw new FieldException("'" + field.json + "' is " + (value == null ? "missing" : "not a number"));
            }
            double number = Double.parseDouble(value.text);
            if (number != Math.rint(number) || number > Integer.MAX_VALUE || number < Integer.MIN_VALUE) {
                throw new FieldException("'" + field.json + "' is not a whole number");
            }
            return (int) number;
        }

        private static void count(Value json, Field field) {
            if (integer(json, field) < 0) {
                throw new FieldException("'" + field.json + "' is negative");
            }
        }

        private static String shorten(String s) {
            if (s == null) {
                return "";
            }
            return s.length() <= 80 ? s : s.substring(0, 80) + "…";
        }
    }

    /** A broken field rule: becomes {@link MessageKind.Invalid} at the top. */
    private static final class FieldException extends RuntimeException {
        FieldException(String message) {
            super(message, null, false, false);
        }
    }
}
