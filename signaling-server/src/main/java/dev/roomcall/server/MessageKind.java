package dev.roomcall.server;

import dev.roomcall.signaling.SignalMessage.Problem;
import java.util.Objects;

/**
 * All the relay needs to know about a message a member sent: pass it on, a purposeful hang-up, an
 * extension only the server may send, or why it is invalid. {@link RelayClassifier} tells it from the
 * bytes; it agrees with what {@code SignalCodec.decode} would make of the same message.
 *
 * <p>Public only so the benchmarks can measure the classifier; not part of the server's API.
 */
public sealed interface MessageKind {

    /** An offer, answer or ICE candidate in either dialect, not addressed: forwarded unchanged to the other member. */
    MessageKind RELAYABLE = new Relayable(null, null);

    /** The {@code bye} extension: the sender hangs up on purpose. */
    MessageKind BYE = new Bye();

    /**
     * An offer, answer or ICE candidate, forwarded unchanged.
     *
     * @param from the sender's member id as the message states it; null when it names none
     * @param to   the addressee's member id; null for "the other member" (rooms of two only)
     */
    record Relayable(String from, String to) implements MessageKind {}

    /** The {@code hello} extension: the sender says its display name (as sent, not yet bounded). */
    record Hello(String name) implements MessageKind {
        public Hello {
            Objects.requireNonNull(name, "name");
        }
    }

    record Bye() implements MessageKind {}

    /**
     * One of the extensions only the server sends ({@code joined}, {@code peer-left}, ...).
     *
     * @param name the name SignalMessage gives it ({@code Joined}, {@code PeerLeft}, ...), for the log
     */
    record Extension(String name) implements MessageKind {
        public Extension {
            Objects.requireNonNull(name, "name");
        }
    }

    /** The message is not one the relay passes on; problem and detail are SignalCodec's own words. */
    record Invalid(Problem problem, String detail) implements MessageKind {
        public Invalid {
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
