package dev.roomcall.app.call;

import dev.roomcall.signaling.IceServer;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * What one call needs to know before it starts: where to signal, which room, who offers, and how to reach the peer.
 *
 * @param iceServers      this person's STUN/TURN servers; the ones Roomcall's server announces come first
 * @param relayOnly       only TURN-relayed paths, never a direct one (the server can ask for this too, never undo it)
 * @param certificatePin  the SHA-256 fingerprint the server's certificate must have (the built-in server's
 *                        self-signed one, which this app made); null to trust certificate authorities as usual
 */
public record CallOptions(URI server, String room, Role role, List<IceServer> iceServers, boolean relayOnly,
                          String certificatePin) {
    public CallOptions {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(role, "role");
        iceServers = iceServers == null ? List.of() : List.copyOf(iceServers);
    }
}
