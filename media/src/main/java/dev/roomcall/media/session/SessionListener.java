package dev.roomcall.media.session;

import dev.roomcall.media.MediaWarning;
import dev.roomcall.media.stats.CallStats;
import dev.roomcall.media.stats.DtlsVerification;

/**
 * What a {@link PeerSession} reports. Every callback runs on the call's executor given to
 * {@code MediaEngine.createSession}, in order, and never after the session closed (except the final
 * {@link ConnectionState#CLOSED}); hand UI work over to the toolkit's thread.
 */
public interface SessionListener {
    default void onConnectionState(ConnectionState state) {}

    /**
     * The same news with the moment libwebrtc reported the change ({@link System#nanoTime()}), for a listener that
     * times the call's set-up: the callback itself comes later, when the executor gets to it. By default it is
     * {@link #onConnectionState(ConnectionState)}; the session calls this one (the final {@code CLOSED} excepted).
     */
    default void onConnectionState(ConnectionState state, long changedNanos) {
        onConnectionState(state);
    }

    /**
     * The first remote video frame was decoded and converted, at {@code arrivedNanos} ({@link System#nanoTime()}
     * on the decoder's thread: this callback itself comes later, when the executor gets to it).
     */
    default void onFirstRemoteVideo(int width, int height, long arrivedNanos) {}

    /**
     * The peer started sharing a screen or window (a second video track) and its first frame was decoded;
     * {@code PeerSession.remoteScreen()} shows it.
     */
    default void onRemoteShareStarted(int width, int height) {}

    /** The peer stopped sharing (it removed the track whose share {@link #onRemoteShareStarted} announced). */
    default void onRemoteShareStopped() {}

    /**
     * In a subscription ({@code SessionConfig.receiveOnly}): the video on m-section {@code mid} decoded its first
     * frame; {@code PeerSession.remoteVideo(mid)} shows it. Again after the m-section carried nothing for a while
     * and then someone else's video.
     */
    default void onRemoteVideo(String mid, int width, int height) {}

    /** About once a second while the session is open. */
    default void onStats(CallStats stats) {}

    /**
     * Something went wrong that the session survived (or that ended negotiation).
     *
     * @param code one of the {@code PeerSession.ERROR_*} codes
     */
    default void onError(String code, String message) {}

    /**
     * Connectivity was lost (ICE {@code disconnected} for a while, or {@code failed}) and the session asked for an
     * ICE restart; {@code attempt} counts restarts since the connection last worked.
     */
    default void onIceRestart(int attempt) {}

    /**
     * Something about this side's media changed mid-call that the person should know, such as the microphone's
     * sound no longer arriving ({@link MediaWarning#AUDIO_SYSTEM_LOST}) and coming back ({@link MediaWarning#AUDIO_SYSTEM_BACK}).
     */
    default void onMediaWarning(MediaWarning warning) {}

    /** The "chat" data channel opened (messages can be sent) or closed. */
    default void onDataChannel(boolean open) {}

    /**
     * Both descriptions are set: the DTLS fingerprints of both ends and the code people compare aloud. Arrives
     * once per call (again only if a renegotiation changed a certificate).
     */
    default void onVerification(DtlsVerification verification) {}

    /** The peer sent a message over the data channel; chat text is already bounded by {@link ChatText}. */
    default void onPeerMessage(PeerMessage message) {}

    /**
     * In a subscription ({@code SessionConfig.receiveOnly}): a message a media server relayed from one of its
     * publishers on a data channel named {@code label} (Janus names it by the publisher's feed id, so the sender is
     * the server's word, not the message's); chat text is already bounded by {@link ChatText}.
     */
    default void onRelayedMessage(String label, PeerMessage message) {}
}
