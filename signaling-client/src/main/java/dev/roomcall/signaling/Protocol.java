package dev.roomcall.signaling;

/** Names both ends must agree on. */
public final class Protocol {
    /**
     * WebSocket subprotocol a client offers to say "I understand Roomcall's extension messages".
     * Roomcall's server only sends extensions to connections that negotiated it.
     */
    public static final String SUBPROTOCOL = "roomcall.v1";

    /** Query parameter that carries the room for relays that route by query rather than path. */
    public static final String ROOM_PARAM = "room";
    /**
     * Query parameter with which a {@code roomcall.v1} client says how many others it can talk to at once; the only
     * value is {@link #ONE_PEER}, and a room that holds such a client stays a room of two (docs/protocol.md §13).
     */
    public static final String PEERS_PARAM = "peers";
    public static final String ONE_PEER = "1";
    /**
     * Query parameter with a client's {@link MemberToken}: every node gives the client the member id the token hashes
     * to, so a call keeps its ids when its room moves to another node (docs/protocol.md §13).
     */
    public static final String MEMBER_PARAM = "member";

    /** The room a server puts a connection in when its URL names none. */
    public static final String DEFAULT_ROOM = "default";

    /** WebSocket close code (private range) for "this room already has two members". */
    public static final int CLOSE_ROOM_FULL = 4001;
    /** WebSocket close code for "a limit was exceeded" (size, rate, connections per address). */
    public static final int CLOSE_LIMIT = 4008;
    /**
     * WebSocket close code (private range) for "the same member joined again on a newer connection": the node keeps
     * the newer one. Final: the client that holds the token already moved on to that newer connection.
     */
    public static final int CLOSE_REPLACED = 4009;
    /** Standard WebSocket close code the server uses for "you broke a rule" (bad room name, bad origin). */
    public static final int CLOSE_POLICY = 1008;
    /** Standard WebSocket close code for "that message was larger than {@link SignalCodec#MAX_MESSAGE_BYTES}". */
    public static final int CLOSE_TOO_BIG = 1009;
    /**
     * Standard WebSocket close code 1012 "service restart": the server node is draining and asks its members to
     * reconnect at once; a load balancer sends them to a live node. Clients reconnect without a back-off wait.
     */
    public static final int CLOSE_SERVICE_RESTART = 1012;
    /**
     * Standard WebSocket close code 1013 "try again later": a draining node refuses a new join. Clients reconnect
     * with their usual back-off, by which time the load balancer has stopped sending joins to that node.
     */
    public static final int CLOSE_TRY_AGAIN_LATER = 1013;
    /**
     * Standard WebSocket code (never sent, only reported locally) for "the TLS handshake failed": the client refused
     * the server's certificate. Final, like the server's refusals: trying again meets the same certificate.
     */
    public static final int CLOSE_TLS = 1015;

    private Protocol() {}
}
