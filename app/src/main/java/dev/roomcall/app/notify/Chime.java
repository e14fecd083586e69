package dev.roomcall.app.notify;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.UnsupportedAudioFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The short bundled sounds for "someone arrived" (rising) and "someone left" (falling), 16-bit mono WAVs played
 * through the system's default output at a volume from 0 (silent, nothing is opened) to 1.
 */
public final class Chime {

    /** Which sound. */
    public enum Kind {
        ARRIVED("arrived.wav"), LEFT("left.wav");

        private final String resource;

        Kind(String resource) {
            this.resource = resource;
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(Chime.class);

    private final double volume;

    /** @param volume 0 (off) to 1 (as recorded) */
    public Chime(double volume) {
        if (!(volume >= 0 && volume <= 1)) {
            throw new IllegalArgumentException("Chime volume must be between 0 and 1, not " + volume);
        }
        this.volume = volume;
    }

    /** Plays {@code kind} on a background thread; never throws. */
    public void play(Kind kind) {
        if (volume == 0) {
            return;
        }
        Thread player = new Thread(() -> playAndWait(kind), "roomcall-chime");
        player.setDaemon(true);
        player.start();
    }

    /** Plays {@code kind} and returns when it has been heard; false (and a log line) when there is no sound output. */
    public boolean playAndWait(Kind kind) {
        if (volume == 0) {
            return false;
        }
        try (InputStream raw = Chime.class.getResourceAsStream(kind.resource);
             AudioInputStream in = AudioSystem.getAudioInputStream(new BufferedInputStream(raw))) {
            AudioFormat format = in.getFormat();
            byte[] pcm = in.readAllBytes();
            scale(pcm, volume);
            try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
                line.open(format);
                line.start();
                line.write(pcm, 0, pcm.length);
                // Sound servers behind ALSA (PulseAudio, PipeWire) report a drained line while their own buffer
                // still holds the end of the sound, and closing drops it: trailing silence carries it out.
                byte[] tail = new byte[line.getBufferSize() + (int) format.getFrameRate() * format.getFrameSize() / 2];
                line.write(tail, 0, tail.length);
                line.drain();
            }
            return true;
        } catch (IOException | UnsupportedAudioFileException | LineUnavailableException | IllegalArgumentException e) {
            LOG.info("Chime not played (no sound output?): {}", e.toString());
            return false;
        }
    }

    /** Signed 16-bit little-endian samples times {@code gain}. */
    static void scale(byte[] pcm, double gain) {
        for (int i = 0; i + 1 < pcm.length; i += 2) {
            int sample = (short) ((pcm[i] & 0xff) | (pcm[i + 1] << 8));
            int scaled = (int) Math.round(sample * gain);
            pcm[i] = (byte) scaled;
            pcm[i + 1] = (byte) (scaled >> 8);
        }
    }
}
