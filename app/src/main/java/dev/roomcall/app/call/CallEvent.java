package dev.roomcall.app.call;

import dev.roomcall.media.MediaWarning;
import dev.roomcall.media.stats.CallStats;
import dev.roomcall.media.stats.DtlsVerification;

/**
 * What a call reports to whoever shows it: the headless JSON lines and the window both read these.
 * {@code ms} fields count from the moment the room was joined (signaling open).
 */
public sealed interface CallEvent {

    record SignalingOpen(String url) implements CallEvent {}

    /** The socket dropped unexpectedly; the client is reconnecting. Media keeps flowing meanwhile. */
    record SignalingLost(String reason) implements CallEvent {}

    record Joined(String room, int peers) implements CallEvent {}

    record PeerJoined() implements CallEvent {}

    record Connected(long ms) implements CallEvent {}

    /** ICE dropped: the call may come back by itself. */
    record Disconnected() implements CallEvent {}

    /** Connectivity stayed lost, so the call asked for new ICE candidates ({@code attempt} since it last worked). */
    record IceRestart(int attempt) implements CallEvent {}

    /** Something about this side's media changed mid-call, e.g. the microphone's sound stopped arriving. */
    record MediaProblem(MediaWarning warning) implements CallEvent {}

    record FirstRemoteVideo(int width, int height, long ms) implements CallEvent {}

    record Stats(CallStats stats) implements CallEvent {}

    /** Both DTLS fingerprints of the current peer's session and the code the two people can compare aloud. */
    record Verification(DtlsVerification verification) implements CallEvent {}

    /**
     * This side started sharing a screen or window with everyone in the call.
     *
     * @param source the shared source's name (a window's title, or "Screen 1")
     * @param window true for one window, false for a whole screen
     * @param width  the size sent (the source's, or scaled into the share's cap)
     */
    record ShareStarted(String source, boolean window, int width, int height) implements CallEvent {}

    /** This side's share ended: stopped on purpose, or because the window closed or the screen changed. */
    record ShareStopped(String reason) implements CallEvent {}

    /** The peer started sharing a screen or window and its first frame was decoded. */
    record RemoteShareStarted(int width, int height) implements CallEvent {}

    /** The peer stopped sharing. */
    record RemoteShareStopped() implements CallEvent {}

    record PeerLeft(String reason) implements CallEvent {}

    record RoomFull(String room) implements CallEvent {}

    record Error(String code, String message) implements CallEvent {}

    /** Always the last event of a call. */
    record Ended(String reason) implements CallEvent {}
}
