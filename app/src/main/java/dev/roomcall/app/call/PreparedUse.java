package dev.roomcall.app.call;

/**
 * Whether a new peer session takes the call's prepared one (made while the signaling socket connected, tracks on,
 * role not yet known) or a new one: a pure decision, so each case is a line in a table test.
 */
enum PreparedUse {
    /** Bind the prepared session to this person and start it in the role they call for. */
    USE,
    /** Open a new session; the prepared one, if any, waits for a later session it fits. */
    OPEN,
    /** The prepared session died before it was used (libwebrtc refused it): let it go and open a new one. */
    DROP_AND_OPEN;

    /**
     * @param prepared whether the call holds a prepared session
     * @param alive    whether it is still open
     * @param fits     whether it can serve this session's config ({@code PreparedFit.fits})
     */
    static PreparedUse decide(boolean prepared, boolean alive, boolean fits) {
        if (!prepared) {
            return OPEN;
        }
        if (!alive) {
            return DROP_AND_OPEN;
        }
        return fits ? USE : OPEN;
    }
}
