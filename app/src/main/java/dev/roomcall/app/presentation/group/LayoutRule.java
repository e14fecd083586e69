package dev.roomcall.app.presentation.group;

import dev.roomcall.app.call.PeerId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides the {@link GridLayout} from the people present, in order of arrival. A pinned person goes large (their
 * shared screen, if they share one, else their camera), since that is what the person here asked for; otherwise
 * a shared screen goes large, since text on a screen is unreadable small; otherwise everyone gets an equal share.
 * Everything not large sits in the strip: the cameras in order of arrival, then other shared screens.
 */
public final class LayoutRule {

    private LayoutRule() {}

    public static GridLayout decide(List<Tile> tiles) {
        if (tiles.isEmpty()) {
            return GridLayout.WAITING;
        }
        Optional<PeerId> presenter = tiles.stream().filter(Tile::sharingScreen).map(Tile::peer).findFirst();
        Optional<Slot> focus = tiles.stream().filter(Tile::pinned).findFirst()
                .map(t -> t.sharingScreen() ? Slot.screen(t.peer()) : Slot.camera(t.peer()))
                .or(() -> presenter.map(Slot::screen));
        if (focus.isPresent()) {
            List<Slot> strip = new ArrayList<>(allSlots(tiles));
            strip.remove(focus.get());
            return new GridLayout(GridLayout.Kind.FOCUS, 1, 1, List.of(focus.get()), strip, presenter);
        }
        List<Slot> cameras = tiles.stream().map(t -> Slot.camera(t.peer())).toList();
        int n = cameras.size();
        if (n == 1) {
            return new GridLayout(GridLayout.Kind.SINGLE, 1, 1, cameras, List.of(), presenter);
        }
        if (n == 2) {
            return new GridLayout(GridLayout.Kind.SIDE_BY_SIDE, 2, 1, cameras, List.of(), presenter);
        }
        // Three or four in 2×2; rooms made larger on a standalone server get three columns.
        int columns = n <= 4 ? 2 : 3;
        int rows = (n + columns - 1) / columns;
        return new GridLayout(GridLayout.Kind.GRID, columns, rows, cameras, List.of(), presenter);
    }

    private static List<Slot> allSlots(List<Tile> tiles) {
        List<Slot> slots = new ArrayList<>();
        tiles.forEach(t -> slots.add(Slot.camera(t.peer())));
        tiles.stream().filter(Tile::sharingScreen).forEach(t -> slots.add(Slot.screen(t.peer())));
        return slots;
    }
}
