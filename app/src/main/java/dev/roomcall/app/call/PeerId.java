package dev.roomcall.app.call;

import java.util.Objects;

/**
 * Whom a peer session is with. In a group room it is the member id the server gave that person ({@code p1},
 * {@code p2}, …); a two-person call without member ids (a demo relay, a room with a demo page, an old server) has
 * one key, {@link #OTHER}.
 */
public record PeerId(String value) {

    /** The one other person of a two-person call without member ids. */
    public static final PeerId OTHER = new PeerId("other");

    public PeerId {
        Objects.requireNonNull(value, "value");
    }

    /** The key of a group member. */
    public static PeerId member(String id) {
        return new PeerId(id);
    }

    @Override
    public String toString() {
        return value;
    }
}
