package dev.roomcall.signaling;

/**
 * Who makes the first offer between two members of a room, and so who is polite in perfect negotiation: the one
 * who arrives offers to everyone already there, and waits for an offer from everyone who arrives after it. Both
 * ends of every pair reach opposite answers from what they saw of the room: a member listed in your
 * {@code joined} was there before you; one announced by {@code peer-joined} came after you.
 *
 * <p>One exception keeps a demo page working: when the member already there queued messages for you (a demo page
 * that offers as soon as it opens), its offer is on the way and you answer it instead of making a competing one.
 */
public enum NegotiationRole {

    /** Make the first offer; the impolite peer of perfect negotiation (its offer wins a collision). */
    OFFER,
    /** Wait for the other's offer; the polite peer (rolls back its own offer on a collision). */
    WAIT;

    /**
     * @param peerWasThereFirst the other member was already in the room when this one joined (listed in
     *                          {@code joined}), rather than announced later by {@code peer-joined}
     * @param peerQueuedOffer   the other member is the one whose queued messages followed this one's {@code joined}
     */
    public static NegotiationRole toward(boolean peerWasThereFirst, boolean peerQueuedOffer) {
        return peerWasThereFirst && !peerQueuedOffer ? OFFER : WAIT;
    }

    public boolean polite() {
        return this == WAIT;
    }
}
