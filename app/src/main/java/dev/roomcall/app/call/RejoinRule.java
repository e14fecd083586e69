package dev.roomcall.app.call;

import dev.roomcall.signaling.NegotiationRole;

/**
 * What a group call does with each person when the server welcomes it into its room again, after its signaling
 * connection broke or its node drained (docs/protocol.md §13, "Keeping a member id across nodes"). A pure decision.
 *
 * <p>With the same member id as before, nobody was told that we left: whoever is still connected to us keeps the very
 * same peer connection (its media never stopped), and renegotiates through the new connection when it needs to. A new
 * id means the room saw us leave: the others closed their side, so we start over as a newcomer.
 */
final class RejoinRule {

    /** What happens to one person's session. */
    enum Step {
        /** Keep the session as it is: the person is here and the connection with them lives. */
        KEEP,
        /** Keep the live session while the person is on the way back (not in the room yet); close it if it drops. */
        AWAIT,
        /** Close the session, if any, and wait for the person's offer (or for nobody). */
        CLOSE,
        /** Replace the session, if any, with a new one that offers: we are the newcomer to this person. */
        OFFER
    }

    private RejoinRule() {}

    /**
     * @param sameId      the server gave us the member id we had before (always false on the first welcome)
     * @param listed      the person is in the welcome's member list (already in the room)
     * @param liveSession we hold a session with the person and it is connected now
     */
    static Step toward(boolean sameId, Role role, boolean listed, boolean liveSession) {
        if (sameId && liveSession) {
            return listed ? Step.KEEP : Step.AWAIT;
        }
        if (listed && WhoOffers.towardMember(role, true) == NegotiationRole.OFFER) {
            return Step.OFFER;
        }
        return Step.CLOSE;
    }
}
