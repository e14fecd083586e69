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

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import dev.roomcall.signaling.SignalMessage.Answer;
import dev.roomcall.signaling.SignalMessage.Bye;
import dev.roomcall.signaling.SignalMessage.Candidate;
import dev.roomcall.signaling.SignalMessage.Hello;
import dev.roomcall.signaling.SignalMessage.Joined;
import dev.roomcall.signaling.SignalMessage.Offer;
import dev.roomcall.signaling.SignalMessage.PeerJoined;
import dev.roomcall.signaling.SignalMessage.PeerLeft;
import dev.roomcall.signaling.SignalMessage.PeerName;
import dev.roomcall.signaling.SignalMessage.Sfu;
import dev.roomcall.signaling.SignalMessage.RoomFull;
import dev.roomcall.signaling.SignalMessage.ServerError;

/**
 * Writes {@link SignalMessage}s exactly as a browser's {@code JSON.stringify} writes them for the demos: same field
 * names, order and nesting, and no HTML escaping of the {@code =} that fills every SDP.
 */
final class SignalEncoder {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private SignalEncoder() {}

    static String encode(SignalMessage message, Dialect dialect) {
        JsonObject json;
        // Java 17 has no pattern switch; the chain is ordered by how often each message is sent.
        if (message instanceof Candidate c) {
            json = dialect == Dialect.BARE ? single(CANDIDATE, candidate(c.candidate()))
                    : event(SignalFields.EVENT_CANDIDATE, single(CANDIDATE, candidate(c.candidate())));
            route(json, c.from(), c.to());
        } else if (message instanceof Offer o) {
            json = dialect == Dialect.BARE ? single(SDP, description(o.description()))
                    : event(SignalFields.EVENT_OFFER, single(SDP, description(o.description())));
            route(json, o.from(), o.to());
        } else if (message instanceof Answer a) {
            json = dialect == Dialect.BARE ? single(SDP, description(a.description()))
                    : event(SignalFields.EVENT_ANSWER, single(SDP, description(a.description())));
            route(json, a.from(), a.to());
        } else if (message instanceof Joined j) {
            json = event(SignalFields.EVENT_JOINED, joined(j));
        } else if (message instanceof PeerJoined p) {
            json = event(SignalFields.EVENT_PEER_JOINED, p.peer() == null ? null : peer(p.peer(), p.name(), p.demo()));
        } else if (message instanceof PeerLeft p) {
            json = event(SignalFields.EVENT_PEER_LEFT, p.peer() == null ? null : peer(p.peer(), p.name(), false));
        } else if (message instanceof PeerName p) {
            JsonObject data = new JsonObject();
            data.addProperty(PEER, p.peer());
            data.addProperty(NAME, p.name());
            json = event(SignalFields.EVENT_PEER_NAME, data);
        } else if (message instanceof Sfu sfu) {
            JsonObject data = new JsonObject();
            data.addProperty(SignalFields.URL, sfu.url());
            data.addProperty(SignalFields.VIDEOROOM, sfu.videoroom());
            data.addProperty(SignalFields.PIN, sfu.pin());
            json = event(SignalFields.EVENT_SFU, data);
        } else if (message instanceof Hello h) {
            json = event(SignalFields.EVENT_HELLO, single(NAME, new JsonPrimitive(h.name())));
        } else if (message instanceof RoomFull r) {
            json = event(SignalFields.EVENT_ROOM_FULL, single(ROOM, new JsonPrimitive(r.room())));
            if (r.message() != null) {
                json.getAsJsonObject(DATA).addProperty(MESSAGE, r.message());
            }
        } else if (message instanceof Bye) {
            json = event(SignalFields.EVENT_BYE, null);
        } else if (message instanceof ServerError e) {
            json = event(SignalFields.EVENT_ERROR, serverError(e));
        } else {
            throw new IllegalArgumentException("not a message that is ever sent: " + message);
        }
        return GSON.toJson(json);
    }

    private static JsonObject event(String name, JsonObject data) {
        JsonObject json = new JsonObject();
        json.addProperty(EVENT, name);
        if (data != null) {
            json.add(DATA, data);
        }
        return json;
    }

    /** Group calls only: after the message's own members, so a 1:1 message is byte for byte what it always was. */
    private static void route(JsonObject json, String from, String to) {
        if (from != null) {
            json.addProperty(FROM, from);
        }
        if (to != null) {
            json.addProperty(TO, to);
        }
    }

    private static JsonObject peer(String id, String name, boolean demo) {
        JsonObject json = new JsonObject();
        json.addProperty(PEER, id);
        json.addProperty(NAME, name == null ? "" : name);
        if (demo) {
            json.addProperty(DEMO, true);
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
        json.addProperty(TYPE, d.type());
        json.addProperty(SDP, d.sdp());
        return json;
    }

    private static JsonObject candidate(IceCandidate c) {
        // Chromium's RTCIceCandidate.toJSON() order; sdpMid/sdpMLineIndex are written as null when absent.
        JsonObject json = new JsonObject();
        json.addProperty(CANDIDATE, c.candidate());
        json.addProperty(SDP_MID, c.sdpMid());
        json.addProperty(SDP_MLINE_INDEX, c.sdpMLineIndex());
        if (c.usernameFragment() != null) {
            json.addProperty(USERNAME_FRAGMENT, c.usernameFragment());
        }
        return json;
    }

    private static JsonObject joined(Joined j) {
        JsonObject json = new JsonObject();
        json.addProperty(ROOM, j.room());
        json.addProperty(PEERS, j.peers());
        JsonArray servers = new JsonArray();
        for (IceServer s : j.iceServers()) {
            JsonObject server = new JsonObject();
            JsonArray urls = new JsonArray();
            s.urls().forEach(urls::add);
            server.add(URLS, urls);
            if (s.username() != null) {
                server.addProperty(USERNAME, s.username());
            }
            if (s.credential() != null) {
                server.addProperty(CREDENTIAL, s.credential());
            }
            servers.add(server);
        }
        json.add(ICE_SERVERS, servers);
        if (j.relayOnly()) {
            // Absent means "all", as in RTCConfiguration, so older clients and pages read an unchanged welcome.
            json.addProperty(ICE_TRANSPORT_POLICY, "relay");
        }
        if (j.queued() > 0) {
            json.addProperty(QUEUED, j.queued());
        }
        if (j.id() != null) {
            json.addProperty(ID, j.id());
            json.addProperty(SIZE, j.size());
            JsonArray members = new JsonArray();
            for (SignalMessage.Peer p : j.members()) {
                JsonObject member = new JsonObject();
                member.addProperty(ID, p.id());
                member.addProperty(NAME, p.name());
                if (p.demo()) {
                    member.addProperty(DEMO, true);
                }
                members.add(member);
            }
            json.add(MEMBERS, members);
        }
        return json;
    }

    private static JsonObject serverError(ServerError e) {
        JsonObject json = new JsonObject();
        json.addProperty(CODE, e.code());
        json.addProperty(MESSAGE, e.message());
        return json;
    }
}
