package dev.roomcall.media;

import dev.roomcall.signaling.IceServer;
import java.util.List;

/**
 * Per-call settings.
 *
 * @param polite     the perfect-negotiation role: on an offer collision the polite peer rolls its own offer
 *                   back and answers, the impolite peer ignores the incoming offer. Exactly one side of a call
 *                   must be polite.
 * @param iceServers STUN/TURN servers (may be empty: host candidates only)
 */
public record SessionConfig(boolean polite, List<IceServer> iceServers) {
    public SessionConfig {
        iceServers = iceServers == null ? List.of() : List.copyOf(iceServers);
    }
}
