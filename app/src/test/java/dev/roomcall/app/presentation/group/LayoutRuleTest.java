package dev.roomcall.app.presentation.group;

import static dev.roomcall.app.presentation.group.GridLayout.Kind.FOCUS;
import static dev.roomcall.app.presentation.group.GridLayout.Kind.GRID;
import static dev.roomcall.app.presentation.group.GridLayout.Kind.SIDE_BY_SIDE;
import static dev.roomcall.app.presentation.group.GridLayout.Kind.SINGLE;
import static dev.roomcall.app.presentation.group.GridLayout.Kind.WAITING;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roomcall.app.call.PeerId;
import dev.roomcall.media.render.FrameSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LayoutRuleTest {

    private static final PeerId ANA = new PeerId("ana");
    private static final PeerId BO = new PeerId("bo");
    private static final PeerId CY = new PeerId("cy");
    private static final PeerId DU = new PeerId("du");
    private static final PeerId EL = new PeerId("el");

    private static final FrameSource SCREEN = FakeSource.INSTANCE;

    /** "ana" is there; "ana*" is pinned; "ana+" shares a screen. */
    private static List<Tile> people(String... specs) {
        List<Tile> tiles = new ArrayList<>();
        for (String spec : specs) {
            String id = spec.replaceAll("[*+]", "");
            Tile tile = Tile.arrived(new PeerId(id), id).withPinned(spec.contains("*"));
            tiles.add(spec.contains("+") ? tile.withScreen(SCREEN) : tile);
        }
        return tiles;
    }

    private static Slot cam(PeerId p) {
        return Slot.camera(p);
    }

    private static Slot scr(PeerId p) {
        return Slot.screen(p);
    }

    record Case(String name, List<Tile> tiles, GridLayout expected) {}

    private static GridLayout layout(GridLayout.Kind kind, int columns, int rows, List<Slot> main, List<Slot> strip,
                                     PeerId presenter) {
        return new GridLayout(kind, columns, rows, main, strip, Optional.ofNullable(presenter));
    }

    private static final List<Case> CASES = List.of(
            new Case("nobody yet: waiting", people(), GridLayout.WAITING),
            new Case("one other person: one large picture, as in a two-person call",
                    people("ana"), layout(SINGLE, 1, 1, List.of(cam(ANA)), List.of(), null)),
            new Case("two: side by side in order of arrival",
                    people("ana", "bo"), layout(SIDE_BY_SIDE, 2, 1, List.of(cam(ANA), cam(BO)), List.of(), null)),
            new Case("three: 2×2, the free cell for the self-view",
                    people("ana", "bo", "cy"),
                    layout(GRID, 2, 2, List.of(cam(ANA), cam(BO), cam(CY)), List.of(), null)),
            new Case("four (a larger room): still 2×2",
                    people("ana", "bo", "cy", "du"),
                    layout(GRID, 2, 2, List.of(cam(ANA), cam(BO), cam(CY), cam(DU)), List.of(), null)),
            new Case("five: three columns",
                    people("ana", "bo", "cy", "du", "el"),
                    layout(GRID, 3, 2, List.of(cam(ANA), cam(BO), cam(CY), cam(DU), cam(EL)), List.of(), null)),
            new Case("a pinned person goes large, the others small in the strip",
                    people("ana", "bo*", "cy"),
                    layout(FOCUS, 1, 1, List.of(cam(BO)), List.of(cam(ANA), cam(CY)), null)),
            new Case("pinning the only other person focuses them with an empty strip",
                    people("ana*"), layout(FOCUS, 1, 1, List.of(cam(ANA)), List.of(), null)),
            new Case("a shared screen goes large; its presenter's camera joins the strip and is named",
                    people("ana", "bo+"),
                    layout(FOCUS, 1, 1, List.of(scr(BO)), List.of(cam(ANA), cam(BO)), BO)),
            new Case("a shared screen in a two-person call goes large too",
                    people("ana+"), layout(FOCUS, 1, 1, List.of(scr(ANA)), List.of(cam(ANA)), ANA)),
            new Case("two screens: the first to arrive goes large, the other screen is in the strip",
                    people("ana", "bo+", "cy+"),
                    layout(FOCUS, 1, 1, List.of(scr(BO)), List.of(cam(ANA), cam(BO), cam(CY), scr(CY)), BO)),
            new Case("a pin beats a shared screen; the screen waits in the strip and its presenter is still named",
                    people("ana*", "bo+"),
                    layout(FOCUS, 1, 1, List.of(cam(ANA)), List.of(cam(BO), scr(BO)), BO)),
            new Case("pinning a presenter shows their screen large and their camera small",
                    people("ana", "bo*+"),
                    layout(FOCUS, 1, 1, List.of(scr(BO)), List.of(cam(ANA), cam(BO)), BO)));

    @Test
    void theLayoutFollowsFromWhoIsHereWhoIsPinnedAndWhoShares() {
        for (Case c : CASES) {
            assertEquals(c.expected(), LayoutRule.decide(c.tiles()), c.name());
        }
    }

    @Test
    void onlyAFocusedLayoutHasAFocusedSlot() {
        assertEquals(Optional.of(cam(BO)), LayoutRule.decide(people("ana", "bo*")).focused());
        assertEquals(Optional.empty(), LayoutRule.decide(people("ana", "bo")).focused());
        assertEquals(Optional.empty(), GridLayout.WAITING.focused());
    }
}
