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

    /** WebSocket close code (private range) for "this room already has two members". */
    public static final int CLOSE_ROOM_FULL = 4001;
    /** WebSocket close code for "a limit was exceeded" (size, rate, connections per address). */
    public static final int CLOSE_LIMIT = 4008;

    private Protocol() {}
}
