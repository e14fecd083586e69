package dev.roomcall.media.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ToneGeneratorTest {

    @Test
    void tenMillisecondsOf48kHzMono16BitIs960Bytes() {
        assertEquals(480, ToneGenerator.SAMPLES_PER_CHUNK);
        assertEquals(960, ToneGenerator.BYTES_PER_CHUNK);
        assertThrows(IllegalArgumentException.class, () -> new ToneGenerator(440, 0.2).next(new byte[100]));
    }

    @Test
    void oneSecondHasThePitchAndLevelAskedFor() {
        ToneGenerator tone = new ToneGenerator(440, 0.2);
        byte[] chunk = new byte[ToneGenerator.BYTES_PER_CHUNK];
        int crossings = 0;
        int peak = 0;
        int previous = 0;
        for (int n = 0; n < 100; n++) {
            tone.next(chunk);
            for (int i = 0; i < ToneGenerator.SAMPLES_PER_CHUNK; i++) {
                int sample = sample(chunk, i);
                if ((previous < 0) != (sample < 0)) {
                    crossings++;
                }
                peak = Math.max(peak, Math.abs(sample));
                previous = sample;
            }
        }
        assertTrue(Math.abs(crossings - 880) <= 2, "440 Hz crosses zero 880 times a second, got " + crossings);
        assertTrue(Math.abs(peak - 0.2 * Short.MAX_VALUE) < 50, "peak " + peak);
    }

    @Test
    void chunksJoinWithoutAClick() {
        ToneGenerator tone = new ToneGenerator(440, 0.2);
        byte[] chunk = new byte[ToneGenerator.BYTES_PER_CHUNK];
        double maxStep = 2 * Math.PI * 440 / 48_000 * 0.2 * Short.MAX_VALUE + 2;
        tone.next(chunk);
        for (int n = 0; n < 50; n++) {
            int last = sample(chunk, ToneGenerator.SAMPLES_PER_CHUNK - 1);
            tone.next(chunk);
            int first = sample(chunk, 0);
            assertTrue(Math.abs(first - last) <= maxStep, "jump of " + Math.abs(first - last) + " at chunk " + n);
        }
    }

    @Test
    void chunksCopiedFromTheLoopAreTheSineSampleForSampleOverManyLoops() {
        for (int hz : new int[] {440, 997, 1}) {
            ToneGenerator tone = new ToneGenerator(hz, 0.2);
            byte[] chunk = new byte[ToneGenerator.BYTES_PER_CHUNK];
            double step = 2 * Math.PI * hz / 48_000;
            long n = 0;
            for (int c = 0; c < 300; c++) { // 3 s: 120 loops of 440 Hz's 1200 samples, 997 Hz's 48000-sample loop 3 times
                tone.next(chunk);
                for (int i = 0; i < ToneGenerator.SAMPLES_PER_CHUNK; i++, n++) {
                    double expected = Math.sin((n % 48_000) * step) * 0.2 * Short.MAX_VALUE;
                    assertTrue(Math.abs(sample(chunk, i) - expected) <= 1, hz + " Hz, sample " + n);
                }
            }
        }
    }

    @Test
    void aPitchOutsideWhatTheSampleRateCarriesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ToneGenerator(0, 0.2));
        assertThrows(IllegalArgumentException.class, () -> new ToneGenerator(24_001, 0.2));
        assertThrows(IllegalArgumentException.class, () -> new ToneGenerator(440, 1.5));
    }

    private static int sample(byte[] chunk, int index) {
        return (short) ((chunk[2 * index] & 0xFF) | (chunk[2 * index + 1] << 8));
    }
}
