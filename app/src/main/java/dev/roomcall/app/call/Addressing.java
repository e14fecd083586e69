package dev.roomcall.app.call;

import dev.roomcall.signaling.SignalMessage;

/**
 * Puts the sender's and the addressee's member ids on what a session sends (docs/protocol.md §13): in a group room
 * the server relays an offer, answer or candidate only to its {@code to}. A session with a demo page, or any
 * two-person call without member ids, sends its messages as they are.
 */
final class Addressing {

    private Addressing() {}

    /** {@code message} from {@code from} to {@code to}; unchanged when either id is null or it is no session message. */
    static SignalMessage address(SignalMessage message, String from, String to) {
        if (from == null || to == null) {
            return message;
        }
        if (message instanceof SignalMessage.Offer offer) {
            return new SignalMessage.Offer(offer.description(), from, to);
        }
        if (message instanceof SignalMessage.Answer answer) {
            return new SignalMessage.Answer(answer.description(), from, to);
        }
        if (message instanceof SignalMessage.Candidate candidate) {
            return new SignalMessage.Candidate(candidate.candidate(), from, to);
        }
        return message;
    }

    /** The sender's member id of an offer, answer or candidate; null when it came unaddressed (or is something else). */
    static String from(SignalMessage message) {
        if (message instanceof SignalMessage.Offer offer) {
            return offer.from();
        }
        if (message instanceof SignalMessage.Answer answer) {
            return answer.from();
        }
        if (message instanceof SignalMessage.Candidate candidate) {
            return candidate.from();
        }
        return null;
    }
}
