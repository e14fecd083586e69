package dev.roomcall.media.synthetic;

/**
 * A continuous sine tone cut into chunks of 16-bit little-endian mono PCM, the shape
 * {@code CustomAudioSource.pushAudio} takes. The phase carries over between chunks so the tone has no clicks.
 */
final class ToneGenerator {
    static final int SAMPLE_RATE = 48_000;
    static final int SAMPLES_PER_CHUNK = SAMPLE_RATE / 100;
    static final int BYTES_PER_CHUNK = SAMPLES_PER_CHUNK * 2;

    private final double phaseStep;
    private final double amplitude;
    private double phase;

    /**
     * @param frequencyHz pitch
     * @param level       peak level as a fraction of full scale (0..1)
     */
    ToneGenerator(double frequencyHz, double level) {
        if (level < 0 || level > 1) {
            throw new IllegalArgumentException("level must be within 0..1");
        }
        this.phaseStep = 2 * Math.PI * frequencyHz / SAMPLE_RATE;
        this.amplitude = level * Short.MAX_VALUE;
    }

    /** Writes the next 10 ms into {@code chunk}, which must hold {@link #BYTES_PER_CHUNK} bytes. */
    void next(byte[] chunk) {
        if (chunk.length < BYTES_PER_CHUNK) {
            throw new IllegalArgumentException("a 10 ms chunk needs " + BYTES_PER_CHUNK + " bytes");
        }
        for (int i = 0; i < SAMPLES_PER_CHUNK; i++) {
            int sample = (int) Math.round(Math.sin(phase) * amplitude);
            chunk[2 * i] = (byte) sample;
            chunk[2 * i + 1] = (byte) (sample >> 8);
            phase += phaseStep;
        }
        phase %= 2 * Math.PI;
    }
}
