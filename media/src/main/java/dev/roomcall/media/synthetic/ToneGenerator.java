package dev.roomcall.media.synthetic;

/**
 * A continuous sine tone cut into chunks of 16-bit little-endian mono PCM, the shape
 * {@code CustomAudioSource.pushAudio} takes. The chunks continue one another, so the tone has no clicks.
 *
 * <p>A tone of a whole number of hertz repeats exactly after {@code SAMPLE_RATE / gcd(SAMPLE_RATE, hz)} samples
 * (440 Hz: 1200 samples, 11 periods, 2.4 KB), so that loop is computed once and the chunks are copied out of it:
 * the fake microphone runs a hundred times a second for the whole call and need not evaluate a sine each time.
 */
final class ToneGenerator {
    static final int SAMPLE_RATE = 48_000;
    static final int SAMPLES_PER_CHUNK = SAMPLE_RATE / 100;
    static final int BYTES_PER_CHUNK = SAMPLES_PER_CHUNK * 2;

    private final byte[] loop;
    private int position;

    /**
     * @param frequencyHz pitch, 1 Hz up to the Nyquist frequency
     * @param level       peak level as a fraction of full scale (0..1)
     */
    ToneGenerator(int frequencyHz, double level) {
        if (level < 0 || level > 1) {
            throw new IllegalArgumentException("level must be within 0..1");
        }
        if (frequencyHz < 1 || frequencyHz > SAMPLE_RATE / 2) {
            throw new IllegalArgumentException("frequency must be within 1.." + SAMPLE_RATE / 2 + " Hz");
        }
        int samples = SAMPLE_RATE / gcd(SAMPLE_RATE, frequencyHz);
        double phaseStep = 2 * Math.PI * frequencyHz / SAMPLE_RATE;
        double amplitude = level * Short.MAX_VALUE;
        loop = new byte[2 * samples];
        for (int i = 0; i < samples; i++) {
            int sample = (int) Math.round(Math.sin(i * phaseStep) * amplitude);
            loop[2 * i] = (byte) sample;
            loop[2 * i + 1] = (byte) (sample >> 8);
        }
    }

    /** Writes the next 10 ms into {@code chunk}, which must hold {@link #BYTES_PER_CHUNK} bytes. */
    void next(byte[] chunk) {
        if (chunk.length < BYTES_PER_CHUNK) {
            throw new IllegalArgumentException("a 10 ms chunk needs " + BYTES_PER_CHUNK + " bytes");
        }
        int written = 0;
        while (written < BYTES_PER_CHUNK) {
            int n = Math.min(BYTES_PER_CHUNK - written, loop.length - position);
            System.arraycopy(loop, position, chunk, written, n);
            written += n;
            position = (position + n) % loop.length;
        }
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
