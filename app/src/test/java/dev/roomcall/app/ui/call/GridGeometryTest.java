package dev.roomcall.app.ui.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roomcall.app.call.PeerId;
import dev.roomcall.app.presentation.group.GridLayout;
import dev.roomcall.app.presentation.group.Slot;
import dev.roomcall.app.ui.call.GridGeometry.Box;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GridGeometryTest {

    private static List<Slot> cameras(int n) {
        return java.util.stream.IntStream.range(0, n).mapToObj(i -> Slot.camera(new PeerId("p" + i))).toList();
    }

    private static GridLayout grid(GridLayout.Kind kind, int columns, int rows, int n) {
        return new GridLayout(kind, columns, rows, cameras(n), List.of(), Optional.empty());
    }

    private static GridLayout focus(int strip) {
        List<Slot> all = cameras(strip + 1);
        return new GridLayout(GridLayout.Kind.FOCUS, 1, 1, all.subList(0, 1), all.subList(1, all.size()),
                Optional.empty());
    }

    record Case(String name, GridLayout layout, double width, double height, List<Box> main, List<Box> strip) {}

    private static final List<Case> CASES = List.of(
            new Case("waiting: nothing to place", GridLayout.WAITING, 1000, 640, List.of(), List.of()),
            new Case("one other person: the whole pane, as a two-person call",
                    grid(GridLayout.Kind.SINGLE, 1, 1, 1), 1000, 640, List.of(new Box(0, 0, 1000, 640)), List.of()),
            // Area 968 × 311 from (16, 64), above a 4:3 self-view of 220 × 165; two 16:9 tiles of 478 wide are
            // 268.875 high, centred in it.
            new Case("two: side by side, video-shaped, between the room bar and the self-view",
                    grid(GridLayout.Kind.SIDE_BY_SIDE, 2, 1, 2), 1000, 640,
                    List.of(new Box(16, 85.0625, 478, 268.875), new Box(506, 85.0625, 478, 268.875)), List.of()),
            // Cells 478 × 238: height-bound, so 423.1 × 238, the block centred horizontally.
            new Case("three: 2×2 filled row by row, the bottom right left free",
                    grid(GridLayout.Kind.GRID, 2, 2, 3), 1000, 640,
                    List.of(new Box(70.888, 64, 423.111, 238), new Box(506, 64, 423.111, 238),
                            new Box(70.888, 314, 423.111, 238)), List.of()),
            new Case("focus without a strip: the pane between the bars",
                    focus(0), 1000, 640, List.of(new Box(16, 64, 968, 488)), List.of()),
            // Strip 200 wide at x 784; below it the self-view's 165 (4:3) and a gap stay free.
            new Case("focus: large on the left, the strip on the right above the self-view",
                    focus(2), 1000, 640, List.of(new Box(16, 64, 756, 488)),
                    List.of(new Box(784, 64, 200, 112.5), new Box(784, 188.5, 200, 112.5))),
            new Case("focus with a long strip in a low window: the small tiles shrink to fit above the self-view",
                    focus(3), 1000, 480, List.of(new Box(16, 64, 756, 328)),
                    List.of(new Box(846.37, 64, 75.26, 42.33), new Box(846.37, 118.33, 75.26, 42.33),
                            new Box(846.37, 172.67, 75.26, 42.33))),
            new Case("a pane too small for anything still gives sizes, never negative ones",
                    grid(GridLayout.Kind.SIDE_BY_SIDE, 2, 1, 2), 10, 10,
                    List.of(new Box(10, 64, 0, 0), new Box(22, 64, 0, 0)), List.of()));

    @Test
    void everyPictureHasItsPlace() {
        for (Case c : CASES) {
            GridGeometry.Placement at = GridGeometry.place(c.layout(), c.width(), c.height());
            assertBoxes(c.name() + " (main)", c.main(), at.main());
            assertBoxes(c.name() + " (strip)", c.strip(), at.strip());
        }
    }

    private static void assertBoxes(String what, List<Box> expected, List<Box> actual) {
        assertEquals(expected.size(), actual.size(), what + ": " + actual);
        for (int i = 0; i < expected.size(); i++) {
            Box e = expected.get(i);
            Box a = actual.get(i);
            String where = what + ", picture " + i + ": " + a;
            assertEquals(e.x(), a.x(), 0.1, where);
            assertEquals(e.y(), a.y(), 0.1, where);
            assertEquals(e.width(), a.width(), 0.1, where);
            assertEquals(e.height(), a.height(), 0.1, where);
        }
    }
}
