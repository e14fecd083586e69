package dev.roomcall.signaling;

import java.util.List;

/** A STUN or TURN server as RTCPeerConnection's {@code iceServers} entries describe it. */
public record IceServer(List<String> urls, String username, String credential) {
    public IceServer {
        urls = List.copyOf(urls);
        if (urls.isEmpty()) {
            throw new IllegalArgumentException("an ICE server needs at least one URL");
        }
    }

    public static IceServer stun(String url) {
        return new IceServer(List.of(url), null, null);
    }
}
