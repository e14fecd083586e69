package dev.roomcall.signaling;

/**
 * The one rule for text that comes from the other side and is shown to a person: chat messages, display names and
 * room codes. It is always shown as text (never markup), and this rule makes sure what is shown is what it looks
 * like and fits the view:
 *
 * <ul>
 *   <li>bounded: at most {@link Kind#maxChars()} UTF-16 units, cut at a character boundary and marked
 *       {@linkplain Bounded#shortened() shortened}; a 1 MB input costs no more than the limit to read;</li>
 *   <li>C0 and C1 control characters and DEL are dropped (a chat keeps line breaks and tabs; a name or room code
 *       is one line, so its whitespace becomes single spaces);</li>
 *   <li>the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) are dropped: they can make
 *       {@code "exe.txt"} read as {@code "txt.exe"}. Right-to-left text stays readable, since the Unicode bidi
 *       algorithm lays it out by itself, and the plain marks LRM/RLM/ALM stay;</li>
 *   <li>invisible characters that only serve to disguise (zero-width space U+200B, word joiner U+2060, BOM U+FEFF,
 *       the invisible operators U+2061–U+2064, the deprecated format controls U+206A–U+206F, interlinear annotation
 *       U+FFF9–U+FFFB) are dropped. The zero-width joiner and non-joiner (U+200D, U+200C) stay: emoji sequences
 *       (👩‍💻, 👨‍👩‍👧) and scripts such as Persian and the Indic ones need them;</li>
 *   <li>a lone surrogate (half of a character, invalid UTF-16) becomes U+FFFD, so the reader sees that something
 *       was there;</li>
 *   <li>more than {@link #MAX_MARKS_PER_CHARACTER} combining marks on one character ("Zalgo" text that spills over
 *       neighbouring lines) are dropped; real scripts need fewer;</li>
 *   <li>leading and trailing tabs, line breaks and Unicode spaces are removed.</li>
 * </ul>
 *
 * The browser page applies the same rule ({@code displayText} in {@code assets/web/display-text.js}); both are tested
 * against one corpus.
 */
public final class DisplayText {

    /** Enough for every script's stacked vowels and tone marks; "Zalgo" text uses dozens. */
    public static final int MAX_MARKS_PER_CHARACTER = 4;

    /** What the text is, which decides its length and whether it may have several lines. */
    public enum Kind {
        /** A chat message: up to 1000 UTF-16 units, several lines. */
        CHAT(1000, true),
        /** A person's display name: one line of up to 64 units. */
        NAME(64, false),
        /** A room code or hand-made room name as shown: one line of up to 64 units. */
        ROOM_CODE(64, false);

        private final int maxChars;
        private final boolean multiline;

        Kind(int maxChars, boolean multiline) {
            this.maxChars = maxChars;
            this.multiline = multiline;
        }

        public int maxChars() {
            return maxChars;
        }

        public boolean multiline() {
            return multiline;
        }
    }

    /** Text fit to show, and whether it had to be cut to fit (so the reader can be told). */
    public record Bounded(String text, boolean shortened) {}

    private static final char REPLACEMENT = '\uFFFD';

    private DisplayText() {}

    /** {@code raw} made fit to show as {@code kind}; null gives an empty text. */
    public static Bounded bound(String raw, Kind kind) {
        if (raw == null) {
            return new Bounded("", false);
        }
        StringBuilder kept = new StringBuilder(Math.min(raw.length(), kind.maxChars()));
        boolean shortened = false;
        int marks = 0;
        for (int i = 0; i < raw.length(); ) {
            int codePoint = raw.codePointAt(i);
            i += Character.charCount(codePoint);
            if (Character.isSurrogate((char) codePoint) && Character.charCount(codePoint) == 1) {
                codePoint = REPLACEMENT;
            }
            int type = Character.getType(codePoint);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK) {
                if (++marks > MAX_MARKS_PER_CHARACTER) {
                    continue;
                }
            } else {
                marks = 0;
            }
            int shown = shown(codePoint, kind);
            if (shown < 0 || (shown == ' ' && !kind.multiline() && endsWithSpace(kept))) {
                continue;
            }
            if (kept.length() + Character.charCount(shown) > kind.maxChars()) {
                shortened = true;
                break;
            }
            kept.appendCodePoint(shown);
        }
        return new Bounded(strip(kept), shortened);
    }

    /** Without leading and trailing tabs, line breaks and Unicode spaces (the page trims exactly these too). */
    private static String strip(StringBuilder text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    private static boolean isSpace(char c) {
        int type = Character.getType(c);
        return c == '\t' || c == '\n' || type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** What a code point is shown as: itself, a replacement, or -1 for nothing. */
    private static int shown(int codePoint, Kind kind) {
        if (codePoint == '\n' || codePoint == '\t' || codePoint == 0x2028 || codePoint == 0x2029) {
            if (!kind.multiline()) {
                return ' ';
            }
            return codePoint == '\t' ? '\t' : '\n';
        }
        if (codePoint < 0x20 || (codePoint >= 0x7F && codePoint <= 0x9F)) {
            return -1;
        }
        if (hidden(codePoint)) {
            return -1;
        }
        if (!kind.multiline() && Character.isSpaceChar(codePoint)) {
            return ' ';
        }
        return codePoint;
    }

    /** Bidi overrides and invisible characters that can disguise a text (see the class comment). */
    static boolean hidden(int c) {
        return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069)
                || c == 0x200B || c == 0x2060 || c == 0xFEFF || (c >= 0x2061 && c <= 0x2064)
                || (c >= 0x206A && c <= 0x206F) || (c >= 0xFFF9 && c <= 0xFFFB);
    }

    private static boolean endsWithSpace(StringBuilder text) {
        return text.length() == 0 || text.charAt(text.length() - 1) == ' ';
    }
}
