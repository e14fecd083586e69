package dev.roomcall.signaling;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import dev.roomcall.signaling.SignalMessage.Answer;
import dev.roomcall.signaling.SignalMessage.Bye;
import dev.roomcall.signaling.SignalMessage.Candidate;
import dev.roomcall.signaling.SignalMessage.Invalid;
import dev.roomcall.signaling.SignalMessage.Joined;
import dev.roomcall.signaling.SignalMessage.Offer;
import dev.roomcall.signaling.SignalMessage.PeerJoined;
import dev.roomcall.signaling.SignalMessage.PeerLeft;
import dev.roomcall.signaling.SignalMessage.Problem;
import dev.roomcall.signaling.SignalMessage.RoomFull;
import dev.roomcall.signaling.SignalMessage.ServerError;
import java.io.EOFException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Encodes and decodes {@link SignalMessage}s. It writes exactly what a browser's
 * {@code JSON.stringify} writes for the demos (same field names, order and nesting, no HTML
 * escaping of the {@code =} that fills every SDP), and reads both dialects. Decoding never throws:
 * anything it cannot understand comes back as {@link Invalid}.
 */
public final class SignalCodec {

    /** Generous for any real SDP (Chromium's audio+video+data offer is ~6 KB), small for abuse. */
    public static final int MAX_MESSAGE_BYTES = 64 * 1024;

    /** Deeper JSON than this is never a signaling message, only an attempt to exhaust the stack. */
    private static final int MAX_NESTING = 16;

    static final String EVENT_OFFER = "_offer";
    static final String EVENT_ANSWER = "_answer";
    static final String EVENT_CANDIDATE = "_ice_candidate";
    static final String EVENT_JOINED = "joined";
    static final String EVENT_PEER_JOINED = "peer-joined";
    static final String EVENT_PEER_LEFT = "peer-left";
    static final String EVENT_ROOM_FULL = "room-full";
    static final String EVENT_BYE = "bye";
    static final String EVENT_ERROR = "error";

    private static final String ICE_TRANSPORT_POLICY = "iceTransportPolicy";
    private static final String POLICY_RELAY = "relay";
    private static final String POLICY_ALL = "all";

    private static final Pattern LOCATION = Pattern.compile("line (\\d+) column (\\d+)");

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private SignalCodec() {}

    // ---------------------------------------------------------------- encoding

    /** Encodes in the event dialect, which Roomcall's own server and page speak. */
    public static String encode(SignalMessage message) {
        return encode(message, Dialect.EVENT);
    }

    public static String encode(SignalMessage message, Dialect dialect) {
        JsonObject json;
        // Java 17 has no pattern switch; the chain is ordered by how often each message is sent.
        if (message instanceof Candidate c) {
            json = dialect == Dialect.BARE ? single("candidate", candidate(c.candidate()))
                    : event(EVENT_CANDIDATE, single("candidate", candidate(c.candidate())));
        } else if (message instanceof Offer o) {
            json = dialect == Dialect.BARE ? single("sdp", description(o.description()))
                    : event(EVENT_OFFER, single("sdp", description(o.description())));
        } else if (message instanceof Answer a) {
            json = dialect == Dialect.BARE ? single("sdp", description(a.description()))
                    : event(EVENT_ANSWER, single("sdp", description(a.description())));
        } else if (message instanceof Joined j) {
            json = event(EVENT_JOINED, joined(j));
        } else if (message instanceof PeerJoined) {
            json = event(EVENT_PEER_JOINED, null);
        } else if (message instanceof PeerLeft) {
            json = event(EVENT_PEER_LEFT, null);
        } else if (message instanceof RoomFull r) {
            json = event(EVENT_ROOM_FULL, single("room", new JsonPrimitive(r.room())));
        } else if (message instanceof Bye) {
            json = event(EVENT_BYE, null);
        } else if (message instanceof ServerError e) {
            json = event(EVENT_ERROR, serverError(e));
        } else {
            throw new IllegalArgumentException("not a message that is ever sent: " + message);
        }
        return GSON.toJson(json);
    }

    private static JsonObject event(String name, JsonObject data) {
        JsonObject json = new JsonObject();
        json.addProperty("event", name);
        if (data != null) {
            json.add("data", data);
        }
        return json;
    }

    private static JsonObject single(String key, JsonElement value) {
        JsonObject json = new JsonObject();
        json.add(key, value);
        return json;
    }

    private static JsonObject description(SessionDescription d) {
        JsonObject json = new JsonObject();
        json.addProperty("type", d.type());
        json.addProperty("sdp", d.sdp());
        return json;
    }

    private static JsonObject candidate(IceCandidate c) {
        // Chromium's RTCIceCandidate.toJSON() order; sdpMid/sdpMLineIndex are written as null when absent.
        JsonObject json = new JsonObject();
        json.addProperty("candidate", c.candidate());
        json.addProperty("sdpMid", c.sdpMid());
        json.addProperty("sdpMLineIndex", c.sdpMLineIndex());
        if (c.usernameFragment() != null) {
            json.addProperty("usernameFragment", c.usernameFragment());
        }
        return json;
    }

    private static JsonObject joined(Joined j) {
        JsonObject json = new JsonObject();
        json.addProperty("room", j.room());
        json.addProperty("peers", j.peers());
        JsonArray servers = new JsonArray();
        for (IceServer s : j.iceServers()) {
            JsonObject server = new JsonObject();
            JsonArray urls = new JsonArray();
            s.urls().forEach(urls::add);
            server.add("urls", urls);
            if (s.username() != null) {
                server.addProperty("username", s.username());
            }
            if (s.credential() != null) {
                server.addProperty("credential", s.credential());
            }
            servers.add(server);
        }
        json.add("iceServers", servers);
        if (j.relayOnly()) {
            // Absent means "all", as in RTCConfiguration, so older clients and pages read an unchanged welcome.
            json.addProperty(ICE_TRANSPORT_POLICY, POLICY_RELAY);
        }
        if (j.queued() > 0) {
            json.addProperty("queued", j.queued());
        }
        return json;
    }

    private static JsonObject serverError(ServerError e) {
        JsonObject json = new JsonObject();
        json.addProperty("code", e.code());
        json.addProperty("message", e.message());
        return json;
    }

    // ---------------------------------------------------------------- decoding

    /** Decodes a text frame. */
    public static SignalMessage decode(String text) {
        if (text == null || text.isBlank()) {
            return new Invalid(Problem.MALFORMED, "empty message");
        }
        // The limit is on the UTF-8 size (what travels). The UTF-16 length is a lower bound of it and cheap, so it
        // turns away huge strings before anything walks them.
        if (text.length() > MAX_MESSAGE_BYTES) {
            return new Invalid(Problem.TOO_LARGE, "message of " + text.length() + " characters exceeds " + MAX_MESSAGE_BYTES + " bytes");
        }
        long utf8Bytes = utf8Length(text);
        if (utf8Bytes > MAX_MESSAGE_BYTES) {
            return new Invalid(Problem.TOO_LARGE, "message of " + utf8Bytes + " bytes exceeds " + MAX_MESSAGE_BYTES);
        }
        JsonElement root;
        JsonReader reader = new JsonReader(new StringReader(text));
        reader.setStrictness(Strictness.STRICT);
        reader.setNestingLimit(MAX_NESTING);
        try {
            root = JsonParser.parseReader(reader);
        } catch (JsonParseException | IllegalStateException e) {
            return new Invalid(Problem.MALFORMED, syntaxError(e));
        } catch (StackOverflowError e) {
            return new Invalid(Problem.MALFORMED, "JSON nested deeper than " + MAX_NESTING + " levels");
        }
        try {
            if (reader.peek() != JsonToken.END_DOCUMENT) {
                return new Invalid(Problem.MALFORMED, "not JSON: trailing data after the JSON value");
            }
        } catch (IOException | JsonParseException e) {
            return new Invalid(Problem.MALFORMED, "not JSON: trailing data after the JSON value");
        }
        if (!root.isJsonObject()) {
            return new Invalid(Problem.MALFORMED, "not a JSON object");
        }
        try {
            return decodeObject(root.getAsJsonObject());
        } catch (FieldException e) {
            return new Invalid(Problem.MALFORMED, e.getMessage());
        }
    }

    /**
     * Decodes a binary frame. A Node {@code ws@8} relay forwards text frames as binary, so JSON in
     * binary frames is ordinary; bytes that are not UTF-8 are {@link Problem#MALFORMED}.
     */
    public static SignalMessage decode(ByteBuffer binary) {
        if (binary == null) {
            return new Invalid(Problem.MALFORMED, "empty message");
        }
        if (binary.remaining() > MAX_MESSAGE_BYTES) {
            return new Invalid(Problem.TOO_LARGE, "message of " + binary.remaining() + " bytes exceeds " + MAX_MESSAGE_BYTES);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(binary.duplicate())
                    .toString();
            return decode(text);
        } catch (CharacterCodingException e) {
            return new Invalid(Problem.MALFORMED, "binary frame is not UTF-8 text");
        }
    }

    private static SignalMessage decodeObject(JsonObject json) {
        if (json.has("event")) {
            String event = string(json, "event");
            JsonObject data = json.has("data") && !json.get("data").isJsonNull() ? object(json, "data") : new JsonObject();
            return switch (event) {
                case EVENT_OFFER -> new Offer(sessionDescription(object(data, "sdp"), "offer"));
                case EVENT_ANSWER -> new Answer(sessionDescription(object(data, "sdp"), "answer"));
                case EVENT_CANDIDATE -> new Candidate(iceCandidate(object(data, "candidate")));
                case EVENT_JOINED -> new Joined(string(data, "room"), count(data, "peers"), iceServers(data),
                        data.has("queued") ? count(data, "queued") : 0, relayOnly(data));
                case EVENT_PEER_JOINED -> new PeerJoined();
                case EVENT_PEER_LEFT -> new PeerLeft();
                case EVENT_ROOM_FULL -> new RoomFull(optionalString(data, "room", ""));
                case EVENT_BYE -> new Bye();
                case EVENT_ERROR -> new ServerError(optionalString(data, "code", "error"), optionalString(data, "message", ""));
                default -> new Invalid(Problem.UNKNOWN, "unknown event '" + shorten(event) + "'");
            };
        }
        if (json.has("sdp")) {
            SessionDescription d = sessionDescription(object(json, "sdp"), null);
            if (d.isOffer()) {
                return new Offer(d);
            }
            if (d.isAnswer()) {
                return new Answer(d);
            }
            return new Invalid(Problem.UNKNOWN, "unsupported sdp type '" + shorten(d.type()) + "'");
        }
        if (json.has("candidate")) {
            return new Candidate(iceCandidate(object(json, "candidate")));
        }
        return new Invalid(Problem.UNKNOWN, "neither an event nor an sdp or candidate message");
    }

    private static SessionDescription sessionDescription(JsonObject json, String expectedType) {
        String type = string(json, "type");
        if (expectedType != null && !expectedType.equals(type)) {
            throw new FieldException("a '" + expectedType + "' event carries an sdp of type '" + shorten(type) + "'");
        }
        return new SessionDescription(type, string(json, "sdp"));
    }

    private static IceCandidate iceCandidate(JsonObject json) {
        String candidate = string(json, "candidate");
        String sdpMid = optionalString(json, "sdpMid", null);
        Integer index = json.has("sdpMLineIndex") && !json.get("sdpMLineIndex").isJsonNull() ? integer(json, "sdpMLineIndex") : null;
        if (sdpMid == null && index == null) {
            throw new FieldException("candidate has neither sdpMid nor sdpMLineIndex");
        }
        if (index != null && index < 0) {
            throw new FieldException("sdpMLineIndex is negative");
        }
        return new IceCandidate(candidate, sdpMid, index, optionalString(json, "usernameFragment", null));
    }

    private static List<IceServer> iceServers(JsonObject data) {
        List<IceServer> servers = new ArrayList<>();
        if (!data.has("iceServers") || data.get("iceServers").isJsonNull()) {
            return servers;
        }
        if (!data.get("iceServers").isJsonArray()) {
            throw new FieldException("'iceServers' is not an array");
        }
        for (JsonElement element : data.getAsJsonArray("iceServers")) {
            if (!element.isJsonObject()) {
                throw new FieldException("an iceServers entry is not an object");
            }
            JsonObject server = element.getAsJsonObject();
            List<String> urls = new ArrayList<>();
            JsonElement raw = server.get("urls");
            if (raw != null && raw.isJsonArray()) {
                for (JsonElement url : raw.getAsJsonArray()) {
                    urls.add(asString(url, "urls"));
                }
            } else if (raw != null) {
                urls.add(asString(raw, "urls"));
            }
            if (urls.isEmpty()) {
                throw new FieldException("an iceServers entry has no urls");
            }
            servers.add(new IceServer(urls, optionalString(server, "username", null), optionalString(server, "credential", null)));
        }
        return servers;
    }

    /**
     * RTCConfiguration's two policies. Anything else is refused rather than read as "all": a deployment that asked
     * for relay-only and is misunderstood would hand out the addresses it meant to hide.
     */
    private static boolean relayOnly(JsonObject data) {
        String policy = optionalString(data, ICE_TRANSPORT_POLICY, POLICY_ALL);
        if (POLICY_RELAY.equals(policy)) {
            return true;
        }
        if (POLICY_ALL.equals(policy)) {
            return false;
        }
        throw new FieldException("'" + ICE_TRANSPORT_POLICY + "' must be 'all' or 'relay', was '" + shorten(policy) + "'");
    }

    private static JsonObject object(JsonObject json, String field) {
        JsonElement value = json.get(field);
        if (value == null || !value.isJsonObject()) {
            throw new FieldException("'" + field + "' is " + (value == null ? "missing" : "not an object"));
        }
        return value.getAsJsonObject();
    }

    private static String string(JsonObject json, String field) {
        JsonElement value = json.get(field);
        if (value == null) {
            throw new FieldException("'" + field + "' is missing");
        }
        return asString(value, field);
    }

    private static String optionalString(JsonObject json, String field, String fallback) {
        JsonElement value = json.get(field);
        return value == null || value.isJsonNull() ? fallback : asString(value, field);
    }

    private static String asString(JsonElement value, String field) {
        if (!value.isJsonPrimitive() || !value.getAsJsonPrimitive().isString()) {
            throw new FieldException("'" + field + "' is not a string");
        }
        return value.getAsString();
    }

    private static int integer(JsonObject json, String field) {
        JsonElement value = json.get(field);
        if (value == null || !value.isJsonPrimitive() || !value.getAsJsonPrimitive().isNumber()) {
            throw new FieldException("'" + field + "' is " + (value == null ? "missing" : "not a number"));
        }
        double number = value.getAsDouble();
        if (number != Math.rint(number) || number > Integer.MAX_VALUE || number < Integer.MIN_VALUE) {
            throw new FieldException("'" + field + "' is not a whole number");
        }
        return (int) number;
    }

    /** Gson's messages are advice for programmers ("use setStrictness..."); this keeps only what and where. */
    private static String syntaxError(RuntimeException e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String message = String.valueOf(cause.getMessage());
        if (message.contains("Nesting limit")) {
            return "JSON nested deeper than " + MAX_NESTING + " levels";
        }
        Matcher at = LOCATION.matcher(message);
        String where = at.find() ? " at line " + at.group(1) + " column " + at.group(2) : "";
        if (cause instanceof EOFException || message.startsWith("End of input") || message.startsWith("Unterminated")) {
            return "not JSON: the text ends too early" + where;
        }
        return "not JSON: syntax error" + where;
    }

    private static int count(JsonObject json, String field) {
        int value = integer(json, field);
        if (value < 0) {
            throw new FieldException("'" + field + "' is negative");
        }
        return value;
    }

    /** UTF-8 size without encoding: a lone surrogate counts as the 1-byte '?' the encoder would write. */
    private static long utf8Length(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                bytes += 1;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private static String shorten(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }

    /** A field of the wrong type or missing: turned into {@link Invalid} at the top. */
    private static final class FieldException extends RuntimeException {
        FieldException(String message) {
            super(message, null, false, false);
        }
    }
}
