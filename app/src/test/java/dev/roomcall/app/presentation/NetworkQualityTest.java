package dev.roomcall.app.presentation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NetworkQualityTest {

    @Test
    void aLanCallWithNoLossIsGoodEvenWhenTheRoundTripReadsZero() {
        assertEquals(NetworkQuality.GOOD, NetworkQuality.rate(0, 0));
        assertEquals(NetworkQuality.GOOD, NetworkQuality.rate(80, 0.5));
        assertEquals(NetworkQuality.GOOD, NetworkQuality.rate(150, 1));
    }

    @Test
    void someDelayOrSomeLossIsFair() {
        assertEquals(NetworkQuality.FAIR, NetworkQuality.rate(151, 0));
        assertEquals(NetworkQuality.FAIR, NetworkQuality.rate(20, 1.5));
        assertEquals(NetworkQuality.FAIR, NetworkQuality.rate(400, 5));
    }

    @Test
    void longDelayOrHeavyLossIsPoorWhicheverComesFirst() {
        assertEquals(NetworkQuality.POOR, NetworkQuality.rate(401, 0));
        assertEquals(NetworkQuality.POOR, NetworkQuality.rate(10, 5.1));
        assertEquals(NetworkQuality.POOR, NetworkQuality.rate(900, 30));
    }
}
