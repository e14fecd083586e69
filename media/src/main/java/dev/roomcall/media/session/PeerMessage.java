package dev.roomcall.media.session;

import java.util.Objects;

/**
 * What the two ends of a call tell each other directly over the "chat" data channel, bypassing the server.
 * On the wire each is one JSON text frame with a {@code "type"} field (see {@link PeerMessageCodec}); the browser
 * page speaks the same format.
 */
public sealed interface PeerMessage {

    /**
     * A line of text chat. Always plain text: receivers show it as text, never as markup.
     *
     * @param text      at most {@link ChatText#MAX_CHARS} characters, without control characters except newlines
     * @param shortened true if the sender's text was longer and was cut to fit
     */
    record Chat(String text, boolean shortened) implements PeerMessage {
        public Chat {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * Whether the sender's microphone and camera are switched on, so the other side can say "muted" for certain
     * instead of guessing from silence. Sent when the channel opens and on every change.
     */
    record MediaState(boolean microphone, boolean camera) implements PeerMessage {}
}
