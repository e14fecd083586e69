package dev.roomcall.app.call;

import dev.roomcall.signaling.NegotiationRole;

/**
 * Decides who makes the offer, from what signaling says: a pure state machine with no engine, socket or thread, so
 * every case is a line in a table test. The call feeds it each signaling event and does what the returned
 * {@link Move} says.
 *
 * <ul>
 *   <li>On Roomcall's server the newcomer offers: whoever is already there hears {@code peer-joined} and meets the
 *       offer with a fresh, polite session.</li>
 *   <li>A {@link Role#CALLER} on a plain relay (which never says who is there) offers as soon as the socket opens.</li>
 *   <li>When the server says messages were queued for us while we were away, we look at them before deciding: one
 *       of them may be the other side's offer, and offering too would make the two collide.</li>
 *   <li>A session that survived a signaling outage keeps the media flowing while we are alone; once the other
 *       person is back on a new connection it cannot be renegotiated with, so it is replaced.</li>
 * </ul>
 *
 * <p>In a group room (member ids, no demo page) each pair decides for itself with {@link #towardMember}; this state
 * machine is the two-person call without member ids (a demo relay, a demo page in the room, an old server).
 */
public final class WhoOffers {

    /** What the call does next. */
    public enum Move {
        /** Nothing changes. */
        NONE,
        /** Close the peer session, if any, and wait. */
        CLOSE,
        /** Replace the peer session with a new one that offers. */
        OFFER,
        /** Replace the peer session with a new, polite one that waits for an offer. */
        ANSWER,
        /** Hand the message to the current session. */
        DELIVER,
        /** Start a polite session and hand it the message (an offer arrived with no session). */
        ANSWER_AND_DELIVER,
        /** No session is there for this message: drop it. */
        DROP,
        /** Drop the message, then offer: the last queued message was not an offer, so the other side waits for ours. */
        DROP_AND_OFFER
    }

    private final Role role;
    /** Counts signaling connections, so a session can tell whether it predates the current one. */
    private int connectionEpoch;
    private int sessionEpoch = -1;
    private boolean hasSession;
    private int awaitingQueued;

    public WhoOffers(Role role) {
        this.role = role;
    }

    /**
     * Who offers to one member of a group room: the newcomer offers to everyone listed in its {@code joined}, and
     * waits for an offer from everyone announced later ({@link NegotiationRole#toward}). A {@link Role#CALLEE}
     * never offers, as in a two-person call.
     *
     * @param listedInJoined the member was already there when we joined
     */
    public static NegotiationRole towardMember(Role role, boolean listedInJoined) {
        return role == Role.CALLEE ? NegotiationRole.WAIT : NegotiationRole.toward(listedInJoined, false);
    }

    /** The signaling socket opened (first time or after an outage). */
    public Move opened() {
        connectionEpoch++;
        return role == Role.CALLER && !hasSession ? remember(Move.OFFER) : Move.NONE;
    }

    /**
     * Roomcall's server welcomed us into the room.
     *
     * @param peers  how many others are there
     * @param queued how many messages the server held for us and sends next
     */
    public Move joined(int peers, int queued) {
        boolean sessionFromThisConnection = hasSession && sessionEpoch == connectionEpoch;
        if (peers == 0 || sessionFromThisConnection) {
            return Move.NONE;
        }
        if (role == Role.CALLEE) {
            return remember(Move.CLOSE);
        }
        if (queued > 0) {
            awaitingQueued = queued;
            return remember(Move.CLOSE);
        }
        return remember(Move.OFFER);
    }

    /** Someone joined after us: they offer on a new connection. */
    public Move peerJoined() {
        return remember(Move.ANSWER);
    }

    /** The other person left or said bye. */
    public Move peerLeft() {
        return remember(Move.CLOSE);
    }

    /** An offer, answer or candidate from the other side arrived. */
    public Move peerSignal(boolean offer) {
        boolean wasQueued = awaitingQueued > 0;
        if (wasQueued) {
            awaitingQueued = offer ? 0 : awaitingQueued - 1;
        }
        if (hasSession) {
            return Move.DELIVER;
        }
        if (offer) {
            return remember(Move.ANSWER_AND_DELIVER);
        }
        return wasQueued && awaitingQueued == 0 ? remember(Move.DROP_AND_OFFER) : Move.DROP;
    }

    /** Tracks whether a session exists and on which connection it began. */
    private Move remember(Move move) {
        switch (move) {
            case CLOSE -> hasSession = false;
            case OFFER, ANSWER, ANSWER_AND_DELIVER, DROP_AND_OFFER -> {
                hasSession = true;
                sessionEpoch = connectionEpoch;
            }
            default -> { }
        }
        return move;
    }
}
