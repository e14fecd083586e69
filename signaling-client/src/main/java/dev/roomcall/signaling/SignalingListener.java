package dev.roomcall.signaling;

/**
 * Receives a {@link SignalingClient}'s news. Every call comes on the client's one event thread, in the order things
 * happened, so an implementation needs no locking of its own; it should not block for long, since later
 * news waits behind it. An exception thrown here is logged and the client carries on.
 */
public interface SignalingListener {

    /**
     * @param reason a short human-readable explanation, e.g. "connection lost (1006); retrying in 0.4 s" or
     *               "the room is full (4001)"; never null
     */
    void onStateChanged(SignalingState state, String reason);

    /**
     * A message from the server or the peer. Messages that could not be understood arrive as
     * {@link SignalMessage.Invalid}; the connection stays up.
     */
    void onMessage(SignalMessage message);
}
