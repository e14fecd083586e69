package dev.roomcall.server;

import dev.roomcall.signaling.SignalCodec;
import dev.roomcall.signaling.SignalMessage;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * One whole WebSocket message exactly as a member sent it. The relay passes it on in the same
 * frame type with the same bytes: peers such as a Node {@code ws} relay's clients send JSON in
 * binary frames and expect it back that way.
 */
sealed interface Payload {

    /** Classifies the message; the relay still forwards this payload, never a re-encoding. */
    SignalMessage decode();

    record Text(String text) implements Payload {
        public Text {
            Objects.requireNonNull(text, "text");
        }

        @Override
        public SignalMessage decode() {
            return SignalCodec.decode(text);
        }
    }

    /** Holds a private copy, so the sender's buffer may be reused as soon as this exists. */
    final class Binary implements Payload {
        private final byte[] bytes;

        Binary(ByteBuffer source) {
            bytes = new byte[source.remaining()];
            source.duplicate().get(bytes);
        }

        /** A fresh buffer each call: sending consumes a buffer's position. */
        ByteBuffer buffer() {
            return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
        }

        @Override
        public SignalMessage decode() {
            return SignalCodec.decode(buffer());
        }
    }
}
