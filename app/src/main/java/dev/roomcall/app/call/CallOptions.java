package dev.roomcall.app.call;

import dev.roomcall.signaling.IceServer;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/**
 * What one call needs to know before it starts: where to signal, which room, who offers, and how to reach the peer.
 *
 * @param iceServers STUN/TURN servers; replaced by the ones Roomcall's server announces when it announces any
 * @param relayOnly  only TURN-relayed paths, never a direct one (the server can ask for this too, never undo it)
 */
public record CallOptions(URI server, String room, Role role, List<IceServer> iceServers, boolean relayOnly) {
    public CallOptions {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(role, "role");
        iceServers = iceServers == null ? List.of() : List.copyOf(iceServers);
    }

    /** Direct paths allowed. */
    public CallOptions(URI server, String room, Role role, List<IceServer> iceServers) {
        this(server, room, role, iceServers, false);
    }
}
