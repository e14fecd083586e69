package dev.roomcall.app.call;

import dev.roomcall.signaling.IceServer;
import java.net.URI;
import java.util.List;
import java.util.Objects;

/** What one call needs to know before it starts: where to signal, which room, and who offers. */
public record CallOptions(URI server, String room, Role role, List<IceServer> iceServers) {
    public CallOptions {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(room, "room");
        Objects.requireNonNull(role, "role");
        iceServers = iceServers == null ? List.of() : List.copyOf(iceServers);
    }
}
