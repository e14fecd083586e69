package dev.roomcall.app.presentation.group;

import dev.roomcall.app.call.PeerId;
import java.util.Objects;

/** Someone's arrival or departure, as the grid tells it (the name as shown on their tile). */
public record Presence(Change change, PeerId peer, String name) {

    /** What happened. */
    public enum Change {
        /** Came in while this side was here: said, and chimed. */
        ARRIVED,
        /** Was already in the room when this side came: said, but no chime. */
        WAS_THERE,
        /** Left: said, and chimed. */
        LEFT
    }

    public Presence {
        Objects.requireNonNull(change, "change");
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(name, "name");
    }
}
