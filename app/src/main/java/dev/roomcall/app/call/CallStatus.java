package dev.roomcall.app.call;

/** The words a person sees for each moment of a call; null means "keep what is shown". */
public final class CallStatus {

    private CallStatus() {}

    public static String describe(CallEvent event) {
        if (event instanceof CallEvent.SignalingOpen) {
            return "Connected to the server. Waiting for someone to open the link…";
        }
        if (event instanceof CallEvent.Joined joined) {
            return joined.peers() > 0 ? "Calling…" : "Waiting for someone to open the link…";
        }
        if (event instanceof CallEvent.PeerJoined) {
            return "Someone joined. Connecting…";
        }
        if (event instanceof CallEvent.Connected) {
            return "Connected";
        }
        if (event instanceof CallEvent.Disconnected) {
            return "Connection interrupted. Trying to recover…";
        }
        if (event instanceof CallEvent.SignalingLost) {
            return "Signaling lost, reconnecting…";
        }
        if (event instanceof CallEvent.PeerLeft) {
            return "The other person left. Waiting for someone to open the link…";
        }
        if (event instanceof CallEvent.RoomFull) {
            return "This room is full: two people are already in it.";
        }
        if (event instanceof CallEvent.Error error) {
            return "Problem: " + error.message();
        }
        if (event instanceof CallEvent.Ended) {
            return "Call ended.";
        }
        return null;
    }
}
