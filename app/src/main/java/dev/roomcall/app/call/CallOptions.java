package dev.roomcall.app.call;

import dev.roomcall.signaling.DisplayText;
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
 * @param displayName     the name others see, bounded as the server bounds it ({@link DisplayText.Kind#NAME});
 *                        {@code ""} to say none
 */
public record CallOptions(URI server, String room, Role role, List<IceServer> iceServers, boolean relayOnly,
                          String certificatePin, String displayName) {
    public CallOptions {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(role, "role");
        iceServers = iceServers == null ? List.of() : List.copyOf(iceServers);
        displayName = displayName == null ? "" : DisplayText.bound(displayName, DisplayText.Kind.NAME).text();
    }

    /** Without a display name. */
    public CallOptions(URI server, String room, Role role, List<IceServer> iceServers, boolean relayOnly,
                       String certificatePin) {
        this(server, room, role, iceServers, relayOnly, certificatePin, "");
    }

    /** The same call under another display name. */
    public CallOptions withDisplayName(String name) {
        return new CallOptions(server, room, role, iceServers, relayOnly, certificatePin, name);
    }
}
