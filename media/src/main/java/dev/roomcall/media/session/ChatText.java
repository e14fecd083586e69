package dev.roomcall.media.session;

import dev.roomcall.signaling.DisplayText;

/**
 * The one rule for chat text, applied on sending and again on receiving (the other side may be anything):
 * {@link DisplayText} for a chat message (plain text of at most {@link #MAX_CHARS} characters,
 * no controls or bidi overrides, cut at a character boundary and marked as shortened, so the reader is told).
 */
public final class ChatText {

    /** Generous for a chat line, small enough that nobody pastes a book into a call. */
    public static final int MAX_CHARS = DisplayText.Kind.CHAT.maxChars();

    private ChatText() {}

    /** {@code text} cleaned and bounded; blank input gives an empty text. */
    public static PeerMessage.Chat bound(String text) {
        return bound(text, false);
    }

    static PeerMessage.Chat bound(String text, boolean alreadyShortened) {
        DisplayText.Bounded shown = DisplayText.bound(text, DisplayText.Kind.CHAT);
        return new PeerMessage.Chat(shown.text(), shown.shortened() || alreadyShortened);
    }
}
