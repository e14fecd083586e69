package dev.roomcall.media.session;

import dev.roomcall.media.SessionConfig;

/**
 * Whether a session made with one config can serve a call leg that wants another: a prepared session learns its
 * role, and the ICE servers the room announces, only when it starts. The politeness follows the role and the ICE
 * servers and policy are set again before anything is gathered; what it sends or receives is in its tracks and
 * cannot change.
 */
public final class PreparedFit {

    private PreparedFit() {}

    public static boolean fits(SessionConfig made, SessionConfig wanted) {
        return made != null && wanted != null && made.receiveOnly() == wanted.receiveOnly()
                && made.sends().equals(wanted.sends());
    }

    /** Whether {@code wanted} needs the peer connection's ICE configuration set again. */
    static boolean iceChanged(SessionConfig made, SessionConfig wanted) {
        return made.relayOnly() != wanted.relayOnly() || !made.iceServers().equals(wanted.iceServers());
    }
}
