package dev.roomcall.app.presentation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LevelMeterTest {

    @Test
    void theScaleIsInDecibelsSoAnOrdinaryVoiceFillsMostOfTheBar() {
        assertEquals(0, LevelMeter.scale(0));
        assertEquals(0, LevelMeter.scale(0.0005), "below -60 dB: empty");
        assertEquals(1, LevelMeter.scale(1), 1e-9);
        assertEquals(2.0 / 3, LevelMeter.scale(0.1), 1e-9, "-20 dB");
        assertEquals(0.77, LevelMeter.scale(0.2), 0.01, "the synthetic tone");
        assertEquals(0, LevelMeter.scale(Double.NaN));
    }

    @Test
    void theBarJumpsUpAndFallsSlowly() {
        LevelMeter meter = new LevelMeter();
        assertEquals(LevelMeter.scale(0.2), meter.update(0.2, 100), 1e-9, "rises at once");
        double afterTenth = meter.update(0, 100);
        assertTrue(afterTenth > 0.6 && afterTenth < LevelMeter.scale(0.2), "falls gently: " + afterTenth);
        meter.update(0, 5_000);
        assertEquals(0, meter.shown(), "empty after a long silence");
    }
}
