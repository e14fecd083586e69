package dev.roomcall.bench.relay;

/**
 * The capacity benchmark's message: an ICE candidate in the demo's event dialect (about 230 bytes, what a call sends
 * most of) that also says which room and which side sent it and its number in that side's sequence. The tag rides in
 * the candidate's ufrag (ice-chars only), the send time in its foundation, so the relay sees an ordinary candidate.
 *
 * @param nanos a {@link System#nanoTime()} reading at sending
 * @param room  the index of the sender's room
 * @param side  0 or 1: which member of the room sent it
 * @param seq   the sender's count of messages before this one
 */
record CapacityMessage(long nanos, int room, int side, long seq) {

    private static final String PREFIX = "{\"event\":\"_ice_candidate\",\"data\":{\"candidate\":{\"candidate\":\"candidate:";
    private static final String MIDDLE = " 1 udp 2122194687 192.0.2.2 55173 typ host generation 0 ufrag ";
    private static final String UFRAG = "ufrag ";

    CapacityMessage {
        if (room < 0 || (side != 0 && side != 1) || seq < 0) {
            throw new IllegalArgumentException("room ≥ 0, side 0 or 1, seq ≥ 0; got " + room + ", " + side + ", " + seq);
        }
    }

    String text() {
        String tag = "rc" + room + "+" + side + "+" + seq;
        return PREFIX + Long.toUnsignedString(nanos) + MIDDLE + tag + " network-id 1\",\"sdpMid\":\"0\",\"sdpMLineIndex\":0,"
                + "\"usernameFragment\":\"" + tag + "\"}}}";
    }

    /**
     * Reads a message written by {@link #text()}.
     *
     * @throws IllegalArgumentException if the text is not such a message (e.g. the server's own {@code joined})
     */
    static CapacityMessage parse(String text) {
        try {
            long nanos = StampedMessage.stamp(text);
            int start = text.indexOf(UFRAG);
            if (start < 0 || !text.startsWith("rc", start + UFRAG.length())) {
                throw new IllegalArgumentException("no capacity tag in: " + text);
            }
            start += UFRAG.length() + 2;
            int end = text.indexOf(' ', start);
            String[] parts = text.substring(start, end < 0 ? text.length() : end).split("\\+");
            if (parts.length != 3) {
                throw new IllegalArgumentException("no capacity tag in: " + text);
            }
            return new CapacityMessage(nanos, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Long.parseLong(parts[2]));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad capacity tag in: " + text, e);
        }
    }
}
