package dev.roomcall.signaling;

import static dev.roomcall.signaling.SignalFields.CANDIDATE;
import static dev.roomcall.signaling.SignalFields.CODE;
import static dev.roomcall.signaling.SignalFields.CREDENTIAL;
import static dev.roomcall.signaling.SignalFields.DATA;
import static dev.roomcall.signaling.SignalFields.EVENT;
import static dev.roomcall.signaling.SignalFields.ICE_SERVERS;
import static dev.roomcall.signaling.SignalFields.ICE_TRANSPORT_POLICY;
import static dev.roomcall.signaling.SignalFields.DEMO;
import static dev.roomcall.signaling.SignalFields.FROM;
import static dev.roomcall.signaling.SignalFields.ID;
import static dev.roomcall.signaling.SignalFields.MEMBERS;
import static dev.roomcall.signaling.SignalFields.MESSAGE;
import static dev.roomcall.signaling.SignalFields.NAME;
import static dev.roomcall.signaling.SignalFields.PEER;
import static dev.roomcall.signaling.SignalFields.SIZE;
import static dev.roomcall.signaling.SignalFields.TO;
import static dev.roomcall.signaling.SignalFields.PEERS;
import static dev.roomcall.signaling.SignalFields.QUEUED;
import static dev.roomcall.signaling.SignalFields.ROOM;
import static dev.roomcall.signaling.SignalFields.SDP;
import static dev.roomcall.signaling.SignalFields.SDP_MID;
import static dev.roomcall.signaling.SignalFields.SDP_MLINE_INDEX;
import static dev.roomcall.signaling.SignalFields.TYPE;
import static dev.roomcall.signaling.SignalFields.URLS;
import static dev.roomcall.signaling.SignalFields.USERNAME;
import static dev.roomcall.signaling.SignalFields.USERNAME_FRAGMENT;

import dev.roomcall.signaling.JsonView.Type;
import dev.roomcall.signaling.SignalMessage.Answer;
import dev.roomcall.signaling.SignalMessage.Bye;
import dev.roomcall.signaling.SignalMessage.Candidate;
import dev.roomcall.signaling.SignalMessage.Hello;
import dev.roomcall.signaling.SignalMessage.Invalid;
import dev.roomcall.signaling.SignalMessage.Joined;
import dev.roomcall.signaling.SignalMessage.Offer;
import dev.roomcall.signaling.SignalMessage.Peer;
import dev.roomcall.signaling.SignalMessage.PeerJoined;
import dev.roomcall.signaling.SignalMessage.PeerLeft;
import dev.roomcall.signaling.SignalMessage.PeerName;
import dev.roomcall.signaling.SignalMessage.Problem;
import dev.roomcall.signaling.SignalMessage.RoomFull;
import dev.roomcall.signaling.SignalMessage.ServerError;
import dev.roomcall.signaling.SignalMessage.Sfu;
import java.util.ArrayList;
import java.util.List;

/**
 * The field rules of both dialects: which members a message needs, of which types, in which order they are checked
 * (the first broken rule is the one reported), and the words for each. The codec applies them to Gson's tree, the
 * server's streaming classifier to the members it kept; neither has rules of its own.
 */
public final class SignalRules {

    private static final String POLICY_RELAY = "relay";
    private static final String POLICY_ALL = "all";

    private SignalRules() {}

    /** The message a parsed JSON document is, or {@link Invalid} naming the first rule it breaks. */
    public static SignalMessage read(JsonView root) {
        if (root.type() != Type.OBJECT) {
            return new Invalid(Problem.MALFORMED, SignalLimits.NOT_AN_OBJECT);
        }
        try {
            return message(root);
        } catch (FieldException e) {
            return new Invalid(Problem.MALFORMED, e.getMessage());
        }
    }

    private static SignalMessage message(JsonView json) {
        // Group calls address the three signaling messages: who sent it and to whom, beside event/data or sdp.
        String from = optionalString(json, FROM, null);
        String to = optionalString(json, TO, null);
        if (json.member(EVENT) != null) {
            String event = string(json, EVENT);
            JsonView data = json.member(DATA) != null && json.member(DATA).type() != Type.NULL ? object(json, DATA) : null;
            return switch (event) {
                case SignalFields.EVENT_OFFER -> new Offer(sessionDescription(object(data, SDP), "offer"), from, to);
                case SignalFields.EVENT_ANSWER -> new Answer(sessionDescription(object(data, SDP), "answer"), from, to);
                case SignalFields.EVENT_CANDIDATE -> new Candidate(iceCandidate(object(data, CANDIDATE)), from, to);
                case SignalFields.EVENT_JOINED -> new Joined(string(data, ROOM), count(data, PEERS), iceServers(data),
                        member(data, QUEUED) != null ? count(data, QUEUED) : 0, relayOnly(data),
                        optionalString(data, ID, null), peers(data), member(data, SIZE) != null ? count(data, SIZE) : 0);
                case SignalFields.EVENT_PEER_JOINED -> new PeerJoined(optionalString(data, PEER, null),
                        optionalString(data, NAME, null), flag(data, DEMO));
                case SignalFields.EVENT_PEER_LEFT -> new PeerLeft(optionalString(data, PEER, null),
                        optionalString(data, NAME, null));
                case SignalFields.EVENT_PEER_NAME -> new PeerName(string(data, PEER), string(data, NAME));
                case SignalFields.EVENT_HELLO -> new Hello(string(data, NAME));
                case SignalFields.EVENT_SFU -> sfu(data);
                case SignalFields.EVENT_ROOM_FULL -> new RoomFull(optionalString(data, ROOM, ""),
                        optionalString(data, MESSAGE, null));
                case SignalFields.EVENT_BYE -> new Bye();
                case SignalFields.EVENT_ERROR -> new ServerError(optionalString(data, CODE, "error"),
                        optionalString(data, MESSAGE, ""));
                default -> new Invalid(Problem.UNKNOWN, "unknown event '" + shorten(event) + "'");
            };
        }
        if (json.member(SDP) != null) {
            SessionDescription d = sessionDescription(object(json, SDP), null);
            if (d.isOffer()) {
                return new Offer(d, from, to);
            }
            if (d.isAnswer()) {
                return new Answer(d, from, to);
            }
            return new Invalid(Problem.UNKNOWN, "unsupported sdp type '" + shorten(d.type()) + "'");
        }
        if (json.member(CANDIDATE) != null) {
            return new Candidate(iceCandidate(object(json, CANDIDATE)), from, to);
        }
        return new Invalid(Problem.UNKNOWN, "neither an event nor an sdp or candidate message");
    }

    private static Sfu sfu(JsonView data) {
        long videoroom = count(data, SignalFields.VIDEOROOM);
        if (videoroom <= 0) {
            throw new FieldException("'" + SignalFields.VIDEOROOM + "' is not a positive number");
        }
        return new Sfu(string(data, SignalFields.URL), videoroom, string(data, SignalFields.PIN));
    }

    /** The members already in the room, as {@code joined} lists them: each an object with a string id. */
    private static List<Peer> peers(JsonView data) {
        List<Peer> peers = new ArrayList<>();
        JsonView list = member(data, MEMBERS);
        if (list == null || list.type() == Type.NULL) {
            return peers;
        }
        if (list.type() != Type.ARRAY) {
            throw new FieldException("'" + MEMBERS + "' is not an array");
        }
        for (JsonView peer : list.elements()) {
            if (peer.type() != Type.OBJECT) {
                throw new FieldException("a members entry is not an object");
            }
            peers.add(new Peer(string(peer, ID), optionalString(peer, NAME, ""), flag(peer, DEMO)));
        }
        return peers;
    }

    /** An optional boolean member; absent or null is false. */
    private static boolean flag(JsonView json, String field) {
        JsonView value = member(json, field);
        if (value == null || value.type() == Type.NULL) {
            return false;
        }
        if (value.type() != Type.BOOLEAN) {
            throw new FieldException("'" + field + "' is not true or false");
        }
        return "true".equals(value.text());
    }

    private static SessionDescription sessionDescription(JsonView json, String expectedType) {
        String type = string(json, TYPE);
        if (expectedType != null && !expectedType.equals(type)) {
            throw new FieldException("a '" + expectedType + "' event carries an sdp of type '" + shorten(type) + "'");
        }
        return new SessionDescription(type, string(json, SDP));
    }

    private static IceCandidate iceCandidate(JsonView json) {
        String candidate = string(json, CANDIDATE);
        String sdpMid = optionalString(json, SDP_MID, null);
        JsonView rawIndex = json.member(SDP_MLINE_INDEX);
        Integer index = rawIndex != null && rawIndex.type() != Type.NULL ? integer(json, SDP_MLINE_INDEX) : null;
        if (sdpMid == null && index == null) {
            throw new FieldException("candidate has neither sdpMid nor sdpMLineIndex");
        }
        if (index != null && index < 0) {
            throw new FieldException("sdpMLineIndex is negative");
        }
        return new IceCandidate(candidate, sdpMid, index, optionalString(json, USERNAME_FRAGMENT, null));
    }

    private static List<IceServer> iceServers(JsonView data) {
        List<IceServer> servers = new ArrayList<>();
        JsonView list = member(data, ICE_SERVERS);
        if (list == null || list.type() == Type.NULL) {
            return servers;
        }
        if (list.type() != Type.ARRAY) {
            throw new FieldException("'" + ICE_SERVERS + "' is not an array");
        }
        for (JsonView server : list.elements()) {
            if (server.type() != Type.OBJECT) {
                throw new FieldException("an iceServers entry is not an object");
            }
            List<String> urls = new ArrayList<>();
            JsonView raw = server.member(URLS);
            if (raw != null && raw.type() == Type.ARRAY) {
                for (JsonView url : raw.elements()) {
                    urls.add(asString(url, URLS));
                }
            } else if (raw != null) {
                urls.add(asString(raw, URLS));
            }
            if (urls.isEmpty()) {
                throw new FieldException("an iceServers entry has no urls");
            }
            servers.add(new IceServer(urls, optionalString(server, USERNAME, null),
                    optionalString(server, CREDENTIAL, null)));
        }
        return servers;
    }

    /**
     * RTCConfiguration's two policies. Anything else is refused rather than read as "all": a deployment that asked
     * for relay-only and is misunderstood would hand out the addresses it meant to hide.
     */
    private static boolean relayOnly(JsonView data) {
        String policy = optionalString(data, ICE_TRANSPORT_POLICY, POLICY_ALL);
        if (POLICY_RELAY.equals(policy)) {
            return true;
        }
        if (POLICY_ALL.equals(policy)) {
            return false;
        }
        throw new FieldException("'" + ICE_TRANSPORT_POLICY + "' must be 'all' or 'relay', was '" + shorten(policy) + "'");
    }

    /** A member of {@code json}; an event without data reads as one with an empty object. */
    private static JsonView member(JsonView json, String field) {
        return json == null ? null : json.member(field);
    }

    private static JsonView object(JsonView json, String field) {
        JsonView value = member(json, field);
        if (value == null || value.type() != Type.OBJECT) {
            throw new FieldException("'" + field + "' is " + (value == null ? "missing" : "not an object"));
        }
        return value;
    }

    private static String string(JsonView json, String field) {
        JsonView value = member(json, field);
        if (value == null) {
            throw new FieldException("'" + field + "' is missing");
        }
        return asString(value, field);
    }

    private static String optionalString(JsonView json, String field, String fallback) {
        JsonView value = member(json, field);
        return value == null || value.type() == Type.NULL ? fallback : asString(value, field);
    }

    private static String asString(JsonView value, String field) {
        if (value.type() != Type.STRING) {
            throw new FieldException("'" + field + "' is not a string");
        }
        return value.text();
    }

    private static int integer(JsonView json, String field) {
        JsonView value = member(json, field);
        if (value == null || value.type() != Type.NUMBER) {
            throw new FieldException("'" + field + "' is " + (value == null ? "missing" : "not a number"));
        }
        double number = Double.parseDouble(value.text());
        if (number != Math.rint(number) || number > Integer.MAX_VALUE || number < Integer.MIN_VALUE) {
            throw new FieldException("'" + field + "' is not a whole number");
        }
        return (int) number;
    }

    private static int count(JsonView json, String field) {
        int value = integer(json, field);
        if (value < 0) {
            throw new FieldException("'" + field + "' is negative");
        }
        return value;
    }

    private static String shorten(String s) {
        if (s == null) {
            return "";
        }
        return s.length() <= 80 ? s : s.substring(0, 80) + "…";
    }

    /** A broken field rule: turned into {@link Invalid} at the top. */
    private static final class FieldException extends RuntimeException {
        FieldException(String message) {
            super(message, null, false, false);
        }
    }
}
