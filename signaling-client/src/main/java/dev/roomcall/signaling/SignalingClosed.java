package dev.roomcall.signaling;

/**
 * How a signaling connection ended.
 *
 * @param code     the WebSocket close code: 1000 normal, 1001 going away, 1006 lost without a close frame,
 *                 -1 never connected, {@link Protocol#CLOSE_ROOM_FULL}, {@link Protocol#CLOSE_LIMIT}, ...
 * @param reason   the close frame's reason or the error that ended the connection; may be empty, never null
 * @param byServer whether the server sent the close (as opposed to this client or a network failure)
 */
public record SignalingClosed(int code, String reason, boolean byServer) {

    public SignalingClosed {
        reason = reason == null ? "" : reason;
    }

    /**
     * Whether trying again would not change the outcome: the server refused this client (the room is full, a limit
     * was exceeded, a policy or size rule was broken), or this client refused the server's certificate
     * ({@link Protocol#CLOSE_TLS}). The client does not reconnect after these.
     */
    public boolean isFinal() {
        return code == Protocol.CLOSE_TLS || byServer && (code == Protocol.CLOSE_ROOM_FULL || code == Protocol.CLOSE_LIMIT
                || code == Protocol.CLOSE_POLICY || code == Protocol.CLOSE_TOO_BIG || code == Protocol.CLOSE_REPLACED);
    }

    /** A sentence fit for a status line, e.g. "the room is full (4001 room full)". */
    public String describe() {
        String what;
        switch (code) {
            case Protocol.CLOSE_ROOM_FULL: what = "the room is full"; break;
            case Protocol.CLOSE_LIMIT: what = "the server refused: a limit was exceeded"; break;
            case Protocol.CLOSE_POLICY: what = "the server refused the connection (policy)"; break;
            case Protocol.CLOSE_TOO_BIG: what = "a message was too large"; break;
            case Protocol.CLOSE_REPLACED: what = "this call joined again on a newer connection"; break;
            case Protocol.CLOSE_TLS: what = "the server's certificate was refused"; break;
            case 1000: what = byServer ? "the server closed the connection" : "closed"; break;
            case 1001: what = "the server is going away"; break;
            case Protocol.CLOSE_SERVICE_RESTART: what = "the server node is restarting, moving to another"; break;
            case Protocol.CLOSE_TRY_AGAIN_LATER: what = "the server node is draining"; break;
            case 1006: what = "connection lost"; break;
            case -1: what = "could not connect"; break;
            default: what = "connection closed"; break;
        }
        String detail = code + (reason.isEmpty() ? "" : " " + reason);
        return what + " (" + detail + ")";
    }
}
