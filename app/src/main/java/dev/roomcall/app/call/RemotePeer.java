package dev.roomcall.app.call;

import java.util.Objects;

/** Another person in the call: whom a session is with, and the display name they said ({@code ""} until then). */
public record RemotePeer(PeerId id, String name) {
    public RemotePeer {
        Objects.requireNonNull(id, "id");
        name = name == null ? "" : name;
    }
}
