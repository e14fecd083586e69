package dev.roomcall.media;

import dev.roomcall.signaling.IceServer;
import java.util.List;
import java.util.Set;

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
 * @param sends      the keys of the local tracks this session sends ({@code LocalMedia.CAMERA}, ...); empty: every
 *                   local track. A media server's publisher sends its camera and its shared screen as two feeds, each
 *                   from a session of its own.
 */
public record SessionConfig(boolean polite, List<IceServer> iceServers, boolean relayOnly, boolean receiveOnly,
                            Set<String> sends) {
    public SessionConfig {
        iceServers = iceServers == null ? List.of() : List.copyOf(iceServers);
        sends = sends == null ? Set.of() : Set.copyOf(sends);
    }

    /** A session that sends every local track, or (receive-only) none. */
    public SessionConfig(boolean polite, List<IceServer> iceServers, boolean relayOnly, boolean receiveOnly) {
        this(polite, iceServers, relayOnly, receiveOnly, Set.of());
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

    /** A publication to an SFU: this side offers, the SFU answers, and only the local tracks {@code keys} go. */
    public static SessionConfig publishing(Set<String> keys, List<IceServer> iceServers, boolean relayOnly) {
        if (keys == null || keys.isEmpty()) {
            throw new IllegalArgumentException("a publication sends at least one local track");
        }
        return new SessionConfig(false, iceServers, relayOnly, false, keys);
    }

    /** Whether this session sends the local track {@code key}. */
    public boolean sends(String key) {
        return !receiveOnly && (sends.isEmpty() || sends.contains(key));
    }
}
