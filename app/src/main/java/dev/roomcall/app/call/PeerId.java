package dev.roomcall.app.call;

import java.util.Objects;

/**
 * Whom a peer session is with. A call keeps its sessions by this key; a Roomcall room holds two people, so today
 * there is only {@link #OTHER}, and a group call gives each member their own id without changing the call's shape.
 */
public record PeerId(String value) {

    /** The one other person in a two-person room. */
    public static final PeerId OTHER = new PeerId("other");

    public PeerId {
        Objects.requireNonNull(value, "value");
    }
}
