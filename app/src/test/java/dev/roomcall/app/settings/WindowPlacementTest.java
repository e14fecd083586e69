package dev.roomcall.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class WindowPlacementTest {

    private static final WindowPlacement.Area LAPTOP = new WindowPlacement.Area(0, 0, 1440, 870);
    private static final WindowPlacement.Area MONITOR = new WindowPlacement.Area(1440, -200, 2560, 1400);

    @Test
    void aWindowOnAScreenStaysWhereItWas() {
        WindowPlacement placed = new WindowPlacement(2000, 100, 1200, 800, false);
        assertEquals(placed, placed.fitInto(List.of(LAPTOP, MONITOR)));
    }

    @Test
    void aWindowLeftOnAMonitorThatIsGoneComesBackCentredOnThePrimaryScreen() {
        WindowPlacement onMonitor = new WindowPlacement(2000, 100, 1200, 800, true);
        assertEquals(new WindowPlacement(120, 35, 1200, 800, true), onMonitor.fitInto(List.of(LAPTOP)));
    }

    @Test
    void aWindowHangingOffTheEdgeIsPulledOnto() {
        WindowPlacement offRight = new WindowPlacement(1000, 700, 1000, 600, false);
        assertEquals(new WindowPlacement(440, 270, 1000, 600, false), offRight.fitInto(List.of(LAPTOP)));
    }

    @Test
    void aWindowLargerThanTheScreenShrinksToIt() {
        WindowPlacement huge = new WindowPlacement(-50, -50, 3000, 2000, false);
        assertEquals(new WindowPlacement(0, 0, 1440, 870, false), huge.fitInto(List.of(LAPTOP)));
    }

    @Test
    void aTinyWindowGrowsToTheSmallestUsefulSize() {
        WindowPlacement tiny = new WindowPlacement(100, 100, 50, 40, false);
        WindowPlacement fitted = tiny.fitInto(List.of(LAPTOP));
        assertEquals(WindowPlacement.MIN_WIDTH, fitted.width());
        assertEquals(WindowPlacement.MIN_HEIGHT, fitted.height());
    }

    @Test
    void theScreenShowingMostOfTheWindowKeepsIt() {
        WindowPlacement straddling = new WindowPlacement(1300, 100, 1000, 600, false);
        assertEquals(new WindowPlacement(1440, 100, 1000, 600, false), straddling.fitInto(List.of(LAPTOP, MONITOR)));
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new WindowPlacement(Double.NaN, 0, 800, 600, false));
        assertThrows(IllegalArgumentException.class, () -> new WindowPlacement(0, 0, 0, 600, false));
        assertThrows(IllegalArgumentException.class, () -> new WindowPlacement(0, 0, 800, Double.POSITIVE_INFINITY, false));
    }
}
