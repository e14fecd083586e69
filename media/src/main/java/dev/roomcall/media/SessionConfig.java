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
 * @param relayOnly  ICE transport policy "relay": only TURN relay candidates are gathered and used, so the peer
 *                   never learns this machine's addresses. Without a TURN server among {@code iceServers} such a
 *                   session cannot connect; it never falls back to direct paths.
 * @param receiveOnly a subscription to a media server's forwarded feeds: the session sends no local track, and
 *                   each video it receives (one per m-section, one per person) is a picture of its own
 *                   ({@code PeerSession.remoteVideo(mid)}) rather than the peer's camera and screen
 */
public record SessionConfig(boolean polite, List<IceServer> iceServers, boolean relayOnly, boolean receiveOnly) {
    public SessionConfig {
        iceServers = iceServers == null ? List.of() : List.copyOf(iceServers);
    }

    /** A call leg with one peer, both sending. */
    public SessionConfig(boolean polite, List<IceServer> iceServers, boolean relayOnly) {
        this(polite, iceServers, relayOnly, false);
    }

    /** All candidate types allowed. */
    public SessionConfig(boolean polite, List<IceServer> iceServers) {
        this(polite, iceServers, false);
    }

    /** A subscription to an SFU's feeds: the SFU offers, this side answers and sends nothing. */
    public static SessionConfig subscription(List<IceServer> iceServers, boolean relayOnly) {
        return new SessionConfig(true, iceServers, relayOnly, true);
    }
}
