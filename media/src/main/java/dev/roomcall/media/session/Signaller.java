package dev.roomcall.media.session;

import dev.roomcall.signaling.SignalMessage;

/**
 * Where a {@link PeerSession} sends its offers, answers and ICE candidates.
 * Called on the call's executor, in the order the messages must arrive; it should hand the message to the
 * socket and return rather than block.
 */
@FunctionalInterface
public interface Signaller {
    /** Receives only {@link SignalMessage.Offer}, {@link SignalMessage.Answer} and {@link SignalMessage.Candidate}. */
    void send(SignalMessage message);
}
