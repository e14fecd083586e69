package dev.roomcall.bench.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void anOddCountHasItsMiddleValueAsMedianAndItsExtremesAsSpread() {
        Summary s = Summary.of(List.of(30.0, 10.0, 20.0));
        assertEquals(new Summary(3, 20.0, 10.0, 30.0), s);
        assertEquals(1.0, s.relativeSpread(), 1e-12);
    }

    @Test
    void anEvenCountAveragesTheTwoMiddleValues() {
        assertEquals(25.0, Summary.of(List.of(40.0, 10.0, 20.0, 30.0)).median(), 1e-12);
    }

    @Test
    void oneOutlierDoesNotMoveTheMedian() {
        assertEquals(11.0, Summary.of(List.of(10.0, 11.0, 500.0)).median(), 1e-12);
    }

    @Test
    void missingMeasurementsAreLeftOutRatherThanCountedAsZero() {
        Summary s = Summary.of(Arrays.asList(Double.NaN, 8.0, null, 12.0));
        assertEquals(2, s.count());
        assertEquals(10.0, s.median(), 1e-12);
    }

    @Test
    void nothingMeasuredSummarisesToNaNAndRatiosWithItAreNaN() {
        Summary none = Summary.of(List.of(Double.NaN));
        assertEquals(0, none.count());
        assertTrue(Double.isNaN(none.median()));
        assertTrue(Double.isNaN(none.ratioTo(Summary.of(List.of(1.0)))));
        assertTrue(Double.isNaN(Summary.of(List.of(1.0)).ratioTo(none)));
    }

    @Test
    void theRatioComparesMedians() {
        Summary roomcall = Summary.of(List.of(30.0, 31.0, 90.0));
        Summary chromium = Summary.of(List.of(60.0, 62.0, 61.0));
        assertEquals(31.0 / 61.0, roomcall.ratioTo(chromium), 1e-12);
    }

    @Test
    void aZeroDenominatorGivesNoRatio() {
        assertTrue(Double.isNaN(Summary.of(List.of(1.0)).ratioTo(Summary.of(List.of(0.0)))));
    }
}
