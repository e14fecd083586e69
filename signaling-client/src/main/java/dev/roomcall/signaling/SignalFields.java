package dev.roomcall.signaling;

import java.util.List;
import java.util.Set;

/**
 * The names signaling messages use on the wire: the events of Roomcall's dialect and the members the rules read.
 * The codec writes and reads them, and the server's streaming classifier knows from these sets which members it must
 * keep, so a name exists once.
 */
public final class SignalFields {

    public static final String EVENT_OFFER = "_offer";
    public static final String EVENT_ANSWER = "_answer";
    public static final String EVENT_CANDIDATE = "_ice_candidate";
    public static final String EVENT_JOINED = "joined";
    public static final String EVENT_PEER_JOINED = "peer-joined";
    public static final String EVENT_PEER_LEFT = "peer-left";
    public static final String EVENT_ROOM_FULL = "room-full";
    public static final String EVENT_BYE = "bye";
    public static final String EVENT_ERROR = "error";
    public static final String EVENT_HELLO = "hello";
    public static final String EVENT_PEER_NAME = "peer-name";
    public static final String EVENT_SFU = "sfu";

    public static final String EVENT = "event";
    public static final String DATA = "data";
    public static final String SDP = "sdp";
    public static final String TYPE = "type";
    public static final String CANDIDATE = "candidate";
    public static final String SDP_MID = "sdpMid";
    public static final String SDP_MLINE_INDEX = "sdpMLineIndex";
    public static final String USERNAME_FRAGMENT = "usernameFragment";
    public static final String ROOM = "room";
    public static final String PEERS = "peers";
    public static final String QUEUED = "queued";
    public static final String ICE_SERVERS = "iceServers";
    public static final String URLS = "urls";
    public static final String USERNAME = "username";
    public static final String CREDENTIAL = "credential";
    public static final String ICE_TRANSPORT_POLICY = "iceTransportPolicy";
    public static final String CODE = "code";
    public static final String MESSAGE = "message";
    public static final String FROM = "from";
    public static final String TO = "to";
    public static final String ID = "id";
    public static final String NAME = "name";
    public static final String PEER = "peer";
    public static final String MEMBERS = "members";
    public static final String DEMO = "demo";
    public static final String SIZE = "size";
    public static final String URL = "url";
    public static final String VIDEOROOM = "videoroom";
    public static final String PIN = "pin";

    /** Every member name {@link SignalRules} reads; any other member is only skipped. */
    public static final List<String> READ = List.of(EVENT, DATA, SDP, TYPE, CANDIDATE, SDP_MID, SDP_MLINE_INDEX,
            USERNAME_FRAGMENT, ROOM, PEERS, QUEUED, ICE_SERVERS, URLS, USERNAME, CREDENTIAL, ICE_TRANSPORT_POLICY, CODE,
            MESSAGE, FROM, TO, ID, NAME, PEER, MEMBERS, DEMO, SIZE, URL, VIDEOROOM, PIN);

    /** Members whose string value the rules compare; every other string only has to be one. */
    public static final Set<String> COMPARED_STRINGS = Set.of(EVENT, TYPE, ICE_TRANSPORT_POLICY, FROM, TO, NAME);
    /** Members whose number the rules check (a whole, non-negative number). */
    public static final Set<String> NUMBERS = Set.of(SDP_MLINE_INDEX, PEERS, QUEUED, SIZE, VIDEOROOM);
    /** Members that, as objects, hold members the rules read. */
    public static final Set<String> OBJECTS = Set.of(DATA, SDP, CANDIDATE);
    /** Members that, as arrays, hold elements the rules read. */
    public static final Set<String> ARRAYS = Set.of(ICE_SERVERS, URLS, MEMBERS);
    /** Arrays whose elements are objects the rules read. */
    public static final Set<String> ARRAYS_OF_OBJECTS = Set.of(ICE_SERVERS, MEMBERS);

    private SignalFields() {}
}
