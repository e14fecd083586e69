package dev.roomcall.app.call;

import dev.roomcall.media.session.PeerMessage;

/** Receives a call's events in order, on the call's own thread: never block in it. */
@FunctionalInterface
public interface CallListener {
    void onEvent(CallEvent event);

    /** The chat data channel with the current peer opened or closed. */
    default void onChatChannel(boolean open) {}

    /** The current peer sent a chat line or told us about its microphone and camera. */
    default void onPeerMessage(PeerMessage message) {}
}
