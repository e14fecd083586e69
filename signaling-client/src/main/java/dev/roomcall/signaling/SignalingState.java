package dev.roomcall.signaling;

/** Where a {@link SignalingClient} is in its life. */
public enum SignalingState {
    /** The first connection attempt is under way. */
    CONNECTING,
    /** Connected: messages go out at once. */
    OPEN,
    /**
     * The connection failed or dropped and the client is waiting to try again, or trying. Reported again with a
     * new reason after every failed attempt. Messages sent meanwhile are queued.
     */
    RECONNECTING,
    /**
     * Finished for good: closed by the caller, refused by the server (room full, a limit, a policy close), or out of
     * retries. Also what a client reports before {@link SignalingClient#connect()}.
     */
    CLOSED
}
