package dev.roomcall.app.call;

import dev.roomcall.media.stats.CallStats;
import java.util.Objects;

/** The newest statistics of the session with one other person. */
public record PeerStats(PeerId peer, String name, CallStats stats) {
    public PeerStats {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(stats, "stats");
        name = name == null ? "" : name;
    }
}
