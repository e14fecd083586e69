package dev.roomcall.media.session;

/** The peer connection's overall state, as the W3C {@code RTCPeerConnectionState} defines it. */
public enum ConnectionState {
    NEW, CONNECTING, CONNECTED, DISCONNECTED, FAILED, CLOSED
}
