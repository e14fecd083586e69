package dev.roomcall.app.presentation.group;

import dev.roomcall.app.call.PeerId;
import java.util.Objects;

/** One picture in the grid: a person's camera or the screen they share. */
public record Slot(PeerId peer, Content content) {

    /** Which of a person's pictures. */
    public enum Content { CAMERA, SCREEN }

    public Slot {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(content, "content");
    }

    public static Slot camera(PeerId peer) {
        return new Slot(peer, Content.CAMERA);
    }

    public static Slot screen(PeerId peer) {
        return new Slot(peer, Content.SCREEN);
    }
}
