package dev.roomcall.app.call;

import dev.roomcall.media.session.PeerMessage;

/** Receives a call's events in order, on the call's own thread: never block in it. */
@FunctionalInterface
public interface CallListener {
    void onEvent(CallEvent event);

    /** Chat now reaches someone ({@code true}) or no one: a chat channel with one of the people opened or closed. */
    default void onChatChannel(boolean open) {}

    /** Someone sent a chat line or told us about their microphone and camera. */
    default void onPeerMessage(PeerMessage message) {}

    /** {@code peer} sent a chat line or told us about their microphone and camera; by default the same as without. */
    default void onPeerMessage(PeerId peer, PeerMessage message) {
        onPeerMessage(message);
    }
}
