package dev.roomcall.app.call;

import dev.roomcall.signaling.IceServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The STUN/TURN servers a peer session is given. */
final class IceServerList {

    private IceServerList() {}

    /**
     * The deployment's servers first (a Roomcall server hands out fresh TURN credentials on every join), then this
     * person's own STUN/TURN servers that the deployment did not already name: a server announcing only STUN must
     * not take away the TURN relay someone configured.
     */
    static List<IceServer> merged(List<IceServer> announced, List<IceServer> own) {
        List<IceServer> merged = new ArrayList<>(announced);
        Set<String> named = new HashSet<>();
        announced.forEach(server -> named.addAll(server.urls()));
        for (IceServer server : own) {
            if (server.urls().stream().noneMatch(named::contains)) {
                merged.add(server);
            }
        }
        return List.copyOf(merged);
    }

    /** Whether a relay is among them: relay-only calls have no other way to connect. */
    static boolean hasTurn(List<IceServer> servers) {
        return servers.stream().flatMap(s -> s.urls().stream()).map(url -> url.toLowerCase(Locale.ROOT))
                .anyMatch(url -> url.startsWith("turn:") || url.startsWith("turns:"));
    }
}
