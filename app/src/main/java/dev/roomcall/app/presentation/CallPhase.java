package dev.roomcall.app.presentation;

/** Where a call stands, as a person would put it; each has its own words (see {@link CallStatus}). */
public enum CallPhase {
    /** Connecting to the signaling server for the first time. */
    STARTING,
    /** In the room, alone: the link has not been opened yet. */
    WAITING,
    /** Joined a room where someone already waits; our offer is on its way. */
    CALLING,
    /** Someone joined; the two sides are negotiating and connecting. */
    CONNECTING,
    CONNECTED,
    /** The media path dropped (ICE disconnected); it may come back by itself. */
    INTERRUPTED,
    /** The server connection dropped after it had worked; reconnecting (a running call goes on meanwhile). */
    SIGNALING_LOST,
    /** The server has never answered; retrying. */
    SERVER_UNREACHABLE,
    /** The other person left; waiting for someone to open the link again. */
    PEER_LEFT,
    ROOM_FULL,
    /** Something went wrong that needs words (the connection failed, the server refused). */
    FAILED,
    ENDED;

    /** How far along the way into a call this phase is, 0 to 1, for a progress bar; -1 where none belongs. */
    public double progress() {
        switch (this) {
            case STARTING:
                return 0.2;
            case CALLING:
                return 0.5;
            case CONNECTING:
                return 0.65;
            default:
                return -1;
        }
    }

    /** True while there is nothing more to wait for: the screen offers a way back instead. */
    public boolean isFinal() {
        return this == ROOM_FULL || this == ENDED;
    }
}
