package dev.roomcall.media.session;

/**
 * The one rule for chat text, applied on sending and again on receiving (the other side may be anything): plain
 * text of at most {@link #MAX_CHARS} characters. Control characters other than line breaks and tabs are dropped,
 * so a message can neither hide text nor mess up a view; a too-long message is cut at a character boundary (never
 * between the two halves of a surrogate pair) and marked as shortened, so the reader is told.
 */
public final class ChatText {

    /** Generous for a chat line, small enough that nobody pastes a book into a call. */
    public static final int MAX_CHARS = 1000;

    private ChatText() {}

    /** {@code text} cleaned and bounded; blank input gives an empty text. */
    public static PeerMessage.Chat bound(String text) {
        return bound(text, false);
    }

    static PeerMessage.Chat bound(String text, boolean alreadyShortened) {
        if (text == null) {
            return new PeerMessage.Chat("", alreadyShortened);
        }
        StringBuilder kept = new StringBuilder(Math.min(text.length(), MAX_CHARS));
        boolean shortened = alreadyShortened;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int width = Character.charCount(codePoint);
            i += width;
            if (!allowed(codePoint)) {
                continue;
            }
            if (kept.length() + width > MAX_CHARS) {
                shortened = true;
                break;
            }
            kept.appendCodePoint(codePoint);
        }
        String result = kept.toString().strip();
        return new PeerMessage.Chat(result, shortened);
    }

    private static boolean allowed(int codePoint) {
        if (codePoint == '\n' || codePoint == '\t') {
            return true;
        }
        int type = Character.getType(codePoint);
        // Controls, unpaired surrogates, and the invisible bidi overrides that can disguise what a text says.
        return type != Character.CONTROL && type != Character.SURROGATE && type != Character.UNASSIGNED
                && !(codePoint >= 0x202A && codePoint <= 0x202E) && !(codePoint >= 0x2066 && codePoint <= 0x2069);
    }
}
