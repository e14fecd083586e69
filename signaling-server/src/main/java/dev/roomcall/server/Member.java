package dev.roomcall.server;

/**
 * One connection as the room logic sees it. Implementations must not block: {@link Rooms} calls
 * these under its lock, which is what keeps every member's view of the room in one order.
 */
interface Member {

    /** Small per-server number for log lines; never a secret. */
    int id();

    /** True if the connection negotiated {@code roomcall.v1} and so may receive extension messages. */
    boolean speaksExtensions();

    /**
     * True if this member can be in a room of more than two: it speaks {@code roomcall.v1} and did not connect with
     * {@code peers=1} (a client that holds one call at a time, as Roomcall's desktop app does for now).
     */
    default boolean joinsGroups() {
        return speaksExtensions();
    }

    /**
     * The member id this connection's {@link dev.roomcall.signaling.MemberToken} hashes to, which every node gives it
     * (so a call keeps its ids across nodes); null without a token (the node numbers it p1, p2, …).
     */
    default String claimedId() {
        return null;
    }

    /** Queues the message for sending, in call order. */
    void send(Payload payload);

    /** Starts a close handshake with this code and reason. */
    void close(int code, String reason);
}
