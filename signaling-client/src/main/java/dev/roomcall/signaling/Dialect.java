package dev.roomcall.signaling;

/** The two wire shapes the browser demos use for the same offer/answer/candidate messages. */
public enum Dialect {
    /** {@code {"event":"_offer","data":{"sdp":{...}}}}: the WebSocket relay demo (004). */
    EVENT,
    /** {@code {"sdp":{...}}} and {@code {"candidate":{...}}}: the hash-room demo (000). */
    BARE
}
