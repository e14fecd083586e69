package dev.roomcall.bench.relay;

/**
 * The relay load: an ICE candidate in the demo's event dialect, the message a call sends most of, about 200 bytes.
 * The send time rides in the candidate's foundation field, so the receiver reads it back without a JSON parser and
 * the relay sees an ordinary, valid message.
 */
final class StampedMessage {

    private static final String PREFIX = "{\"event\":\"_ice_candidate\",\"data\":{\"candidate\":{\"candidate\":\"candidate:";
    private static final String SUFFIX = " 1 udp 2122194687 192.0.2.2 55173 typ host generation 0 ufrag Hp7l network-id 1\","
            + "\"sdpMid\":\"0\",\"sdpMLineIndex\":0,\"usernameFragment\":\"Hp7l\"}}}";
    private static final String MARK = "candidate:";

    private StampedMessage() {}

    /** A candidate message carrying {@code nanos} (a {@link System#nanoTime()} reading, may be negative). */
    static String of(long nanos) {
        // The foundation must be ice-chars; a sign would not be, so the time is written as an unsigned number.
        return PREFIX + Long.toUnsignedString(nanos) + SUFFIX;
    }

    /**
     * The time written by {@link #of(long)}.
     *
     * @throws IllegalArgumentException if the text is not such a message
     */
    static long stamp(String message) {
        int start = message.indexOf(MARK);
        if (start < 0) {
            throw new IllegalArgumentException("not a stamped message: " + message);
        }
        start += MARK.length();
        int end = message.indexOf(' ', start);
        if (end < 0) {
            throw new IllegalArgumentException("not a stamped message: " + message);
        }
        try {
            return Long.parseUnsignedLong(message, start, end, 10);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a stamped message: " + message, e);
        }
    }
}
