package dev.roomcall.server;

/** Text from the network made safe for one log line: short, printable, no line breaks to forge entries with. */
final class LogText {

    private static final int MAX_CHARS = 100;

    private LogText() {}

    static String sanitize(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder safe = new StringBuilder(Math.min(text.length(), MAX_CHARS + 1));
        for (int i = 0; i < text.length() && safe.length() < MAX_CHARS; i++) {
            char c = text.charAt(i);
            safe.append(c >= 0x20 && c < 0x7f && c != '"' ? c : '?');
        }
        if (text.length() > MAX_CHARS) {
            safe.append('…');
        }
        return safe.toString();
    }
}
