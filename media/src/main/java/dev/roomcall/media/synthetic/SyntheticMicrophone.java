package dev.roomcall.media.synthetic;

import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes a quiet 440 Hz tone into a {@link CustomAudioSource} in 10 ms chunks, 48 kHz mono 16-bit.
 *
 * <p>The pump wakes every 20 ms and pushes two chunks back to back, as sound systems deliver their buffers: the
 * encoder codes 20 ms Opus frames, so it sends the same packets at the same pace, and the pump (and the audio
 * encoder's thread that each push wakes) run half as often as with one chunk per wake.
 */
public final class SyntheticMicrophone implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SyntheticMicrophone.class);

    /** Chunks pushed per wake-up; the wake-up period is this many 10 ms chunks. */
    static final int CHUNKS_PER_WAKE = 2;

    private final CustomAudioSource source = new CustomAudioSource();
    private final ToneGenerator tone = new ToneGenerator(440, 0.2);
    private final byte[] chunk = new byte[ToneGenerator.BYTES_PER_CHUNK];
    private final ScheduledExecutorService pump = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "roomcall-fake-microphone");
        thread.setDaemon(true);
        return thread;
    });
    private boolean failed;

    public CustomAudioSource source() {
        return source;
    }

    public void start() {
        pump.scheduleAtFixedRate(this::pushChunks, 0, 10L * CHUNKS_PER_WAKE, TimeUnit.MILLISECONDS);
    }

    private void pushChunks() {
        if (failed) {
            return;
        }
        try {
            for (int i = 0; i < CHUNKS_PER_WAKE; i++) {
                tone.next(chunk);
                source.pushAudio(chunk, 16, ToneGenerator.SAMPLE_RATE, 1, ToneGenerator.SAMPLES_PER_CHUNK);
            }
        } catch (RuntimeException | Error e) {
            failed = true;
            LOG.error("synthetic microphone stopped", e);
        }
    }

    /** Stops pushing; the source itself is disposed by its owner. */
    @Override
    public void close() {
        pump.shutdownNow();
        try {
            if (!pump.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.warn("synthetic microphone pump did not stop within 2 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
