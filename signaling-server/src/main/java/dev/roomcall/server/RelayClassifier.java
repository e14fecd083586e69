package dev.roomcall.server;

import dev.roomcall.signaling.SignalCodec;
import dev.roomcall.signaling.SignalLimits;
import dev.roomcall.signaling.SignalMessage.Problem;
import dev.roomcall.signaling.SignalMessage;
import dev.roomcall.signaling.SignalRules;
import java.nio.ByteBuffer;

/**
 * Tells from a message's UTF-8 bytes what the relay must do with it, without building a JSON tree or
 * even a String: the relay forwards the original bytes, so all it needs is the {@link MessageKind}.
 *
 * <p>The answer is the one {@link SignalCodec#decode(ByteBuffer)} implies: the same {@link SignalLimits} and
 * {@link SignalRules} judge it ({@code RelayClassifierTest} holds the two to that). The {@link StreamingReader}
 * keeps only the members the rules read.
 *
 * <p>Public only so the benchmarks can measure it.
 */
public final class RelayClassifier {

    /** What a message that is not UTF-8 is; a text frame like that is a protocol error, not just an invalid message. */
    public static final MessageKind.Invalid NOT_UTF8 = new MessageKind.Invalid(Problem.MALFORMED, SignalLimits.NOT_UTF8);

    private RelayClassifier() {}

    /** Classifies one whole message; the array is only read. */
    public static MessageKind classify(byte[] message) {
        if (message.length > SignalLimits.MAX_MESSAGE_BYTES) {
            return new MessageKind.Invalid(Problem.TOO_LARGE, SignalLimits.tooLarge(message.length));
        }
        MessageCharacters text = MessageCharacters.of(message);
        if (text == null) {
            return NOT_UTF8;
        }
        if (text.blank) {
            return new MessageKind.Invalid(Problem.MALFORMED, SignalLimits.EMPTY);
        }
        return kindOf(StreamingReader.read(text));
    }

    /** What the relay does with a decoded message: the demos' three are passed on, a bye hangs up. */
    static MessageKind kindOf(SignalMessage message) {
        if (message instanceof SignalMessage.Offer o) {
            return relayable(o.from(), o.to());
        }
        if (message instanceof SignalMessage.Answer a) {
            return relayable(a.from(), a.to());
        }
        if (message instanceof SignalMessage.Candidate c) {
            return relayable(c.from(), c.to());
        }
        if (message instanceof SignalMessage.Hello hello) {
            return new MessageKind.Hello(hello.name());
        }
        if (message instanceof SignalMessage.Bye) {
            return MessageKind.BYE;
        }
        if (message instanceof SignalMessage.Invalid invalid) {
            return new MessageKind.Invalid(invalid.problem(), invalid.detail());
        }
        return new MessageKind.Extension(message.getClass().getSimpleName());
    }

    private static MessageKind relayable(String from, String to) {
        return from == null && to == null ? MessageKind.RELAYABLE : new MessageKind.Relayable(from, to);
    }
}
