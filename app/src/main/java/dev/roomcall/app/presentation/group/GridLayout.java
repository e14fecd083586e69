package dev.roomcall.app.presentation.group;

import dev.roomcall.app.call.PeerId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How the call pane is divided among the remote people (the self-view floats in a corner on top in every kind).
 *
 * @param kind      the arrangement
 * @param columns   columns of {@code main} (1 for {@link Kind#SINGLE} and {@link Kind#FOCUS})
 * @param rows      rows of {@code main}
 * @param main      the large pictures, in reading order; in {@link Kind#FOCUS} exactly one
 * @param strip     the small pictures beside a focused one; empty in the other kinds
 * @param presenter whose shared screen there is to speak of (the first person sharing, in order of arrival)
 */
public record GridLayout(Kind kind, int columns, int rows, List<Slot> main, List<Slot> strip,
                         Optional<PeerId> presenter) {

    /** The arrangements. */
    public enum Kind {
        /** Nobody else is here yet. */
        WAITING,
        /** One other person, as large as the pane: a two-person call looks as it always did. */
        SINGLE,
        /** Two people side by side. */
        SIDE_BY_SIDE,
        /** Three or more in a grid (three in 2×2, the free cell left to the self-view). */
        GRID,
        /** A pinned person or a shared screen large, everyone else small in a strip. */
        FOCUS
    }

    public static final GridLayout WAITING = new GridLayout(Kind.WAITING, 0, 0, List.of(), List.of(), Optional.empty());

    public GridLayout {
        Objects.requireNonNull(kind, "kind");
        main = List.copyOf(main);
        strip = List.copyOf(strip);
        Objects.requireNonNull(presenter, "presenter");
    }

    /** The slot shown large in {@link Kind#FOCUS}; empty otherwise. */
    public Optional<Slot> focused() {
        return kind == Kind.FOCUS ? Optional.of(main.get(0)) : Optional.empty();
    }
}
