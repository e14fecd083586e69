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

    /** An offer, answer or ICE candidate in either dialect: forwarded unchanged. */
    MessageKind RELAYABLE = new Relayable();

    /** The {@code bye} extension: the sender hangs up on purpose. */
    MessageKind BYE = new Bye();

    record Relayable() implements MessageKind {}

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
