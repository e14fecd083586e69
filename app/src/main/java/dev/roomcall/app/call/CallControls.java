package dev.roomcall.app.call;

import dev.roomcall.media.session.PeerMessage;
import java.util.Optional;

/** What a call screen can ask of a running call; {@link CallController} is the real one. Callable from any thread. */
public interface CallControls {

    /** Sends silence instead of the microphone while off; the peer is told over the data channel. */
    void setMicrophoneEnabled(boolean on);

    /** Sends the "camera off" slate instead of the picture while off; the peer is told over the data channel. */
    void setCameraEnabled(boolean on);

    boolean microphoneEnabled();

    boolean cameraEnabled();

    /**
     * Sends a chat line, bounded by {@link dev.roomcall.media.session.ChatText}.
     *
     * @return what was sent (possibly shortened), or empty if no chat is open with anyone
     */
    Optional<PeerMessage.Chat> sendChat(String text);

    /** The microphone's current level, 0..1 (0 outside a call). */
    double microphoneLevel();

    /** Ends the call; the peer is told at once. */
    void hangUp();
}
