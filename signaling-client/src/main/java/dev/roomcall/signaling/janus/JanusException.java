package dev.roomcall.signaling.janus;

/**
 * Janus refused a request, or could not be reached. {@code code} is Janus's own error code (for example 458 "no such
 * session", 426 "no such room" from the VideoRoom plugin) or {@link #UNREACHABLE} when no answer came at all.
 */
public final class JanusException extends Exception {

    /** The connection failed, closed, or the answer did not come in time. */
    public static final int UNREACHABLE = -1;

    private final int code;

    public JanusException(int code, String reason) {
        super(reason);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
