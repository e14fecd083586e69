package dev.roomcall.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One whole WebSocket message exactly as a member sent it. The relay passes it on in the same
 * frame type with the same bytes: peers such as a Node {@code ws} relay's clients send JSON in
 * binary frames and expect it back that way. Both kinds hold bytes, so relaying never decodes a
 * message to a String or encodes it again.
 */
sealed interface Payload {

    /** Classifies the message; the relay still forwards this payload, never a re-encoding. */
    MessageKind classify();

    /** A fresh read-only buffer over the bytes each call: sending consumes a buffer's position. */
    ByteBuffer buffer();

    /** A text message as UTF-8. The array is owned by this payload and never changed. */
    final class Text implements Payload {
        private final byte[] utf8;

        /** For messages the server writes itself. */
        Text(String text) {
            this.utf8 = Objects.requireNonNull(text, "text").getBytes(StandardCharsets.UTF_8);
        }

        private Text(byte[] utf8) {
            this.utf8 = utf8;
        }

        /** Takes over an array nobody else writes to: a text frame's bytes as they arrived. */
        static Text ofUtf8(byte[] utf8) {
            return new Text(Objects.requireNonNull(utf8, "utf8"));
        }

        /** Decodes the bytes; for tests and logs, never on the relay path. */
        String text() {
            return new String(utf8, StandardCharsets.UTF_8);
        }

        @Override
        public MessageKind classify() {
            return RelayClassifier.classify(utf8);
        }

        @Override
        public ByteBuffer buffer() {
            return ByteBuffer.wrap(utf8).asReadOnlyBuffer();
        }
    }

    /** Holds a private copy, so the sender's buffer may be reused as soon as this exists. */
    final class Binary implements Payload {
        private final byte[] bytes;

        Binary(ByteBuffer source) {
            bytes = new byte[source.remaining()];
            source.duplicate().get(bytes);
        }

        @Override
        public MessageKind classify() {
            return RelayClassifier.classify(bytes);
        }

        @Override
        public ByteBuffer buffer() {
            return ByteBuffer.wrap(bytes).asReadOnlyBuffer();
        }
    }
}
