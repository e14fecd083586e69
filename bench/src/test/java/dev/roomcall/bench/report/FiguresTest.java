package dev.roomcall.bench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roomcall.bench.stats.Summary;
import java.util.List;
import org.junit.jupiter.api.Test;

class FiguresTest {

    @Test
    void medianComesFirstThenTheRange() {
        assertEquals("20.0 (10.0–31.5)", Figures.medianAndRange(Summary.of(List.of(10.0, 20.0, 31.5)), 1));
        assertEquals("7", Figures.medianAndRange(Summary.of(List.of(7.0)), 0));
    }

    @Test
    void whatWasNotMeasuredShowsAsADashNeverAsNaNOrZero() {
        assertEquals(Figures.MISSING, Figures.medianAndRange(Summary.EMPTY, 1));
        assertEquals(Figures.MISSING, Figures.number(Double.NaN, 1));
        assertEquals(Figures.MISSING, Figures.ratio(Double.NaN));
    }

    @Test
    void ratiosHaveTwoDecimalsAndATimesSign() {
        assertEquals("0.47×", Figures.ratio(0.4666));
    }
}
