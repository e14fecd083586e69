package dev.roomcall.app.notify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.ShortBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The chime reaches a real sound system: a private PulseAudio server whose only speaker is a null sink; what the
 * sink plays is recorded from its monitor with parec and measured. The chime is played by a process of its own
 * (Java Sound through ALSA's PulseAudio plugin), pointed at the private server with PULSE_SERVER.
 */
class ChimeOnPulseAudioTest {

    private static final int RATE = 22050;

    private Path dir;
    private Process pulse;

    @BeforeEach
    void startPulseAudio() throws Exception {
        dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "pulse");
        pulse = new ProcessBuilder("pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--use-pid-file=no",
                "--log-target=stderr",
                "-L", "module-native-protocol-unix socket=" + socket() + " auth-anonymous=1",
                "-L", "module-null-sink sink_name=chime_speaker")
                .redirectErrorStream(true).redirectOutput(dir.resolve("pulseaudio.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!Files.exists(socket())) {
            if (System.nanoTime() > deadline || !pulse.isAlive()) {
                throw new AssertionError("PulseAudio did not start: " + Files.readString(dir.resolve("pulseaudio.log")));
            }
            Thread.sleep(50);
        }
    }

    @AfterEach
    void stopPulseAudio() throws Exception {
        pulse.destroy();
        pulse.waitFor(10, TimeUnit.SECONDS);
    }

    @Test
    void theArrivalChimeIsHeardOnTheSpeakerAndItsVolumeFollowsTheSetting() throws Exception {
        double loud = rmsWhilePlaying("1.0", "ARRIVED");
        double quiet = rmsWhilePlaying("0.25", "ARRIVED");
        double off = rmsWhilePlaying("0", "LEFT");

        assertTrue(loud > 1500, "the chime is heard at full volume: rms " + loud);
        assertTrue(quiet > loud * 0.15 && quiet < loud * 0.35, "a quarter of the volume: " + quiet + " vs " + loud);
        assertEquals(0, off, 1, "volume 0 is the off switch: rms " + off);
    }

    private double rmsWhilePlaying(String volume, String kind) throws Exception {
        Process parec = new ProcessBuilder("parec", "--server=unix:" + socket(), "-d", "chime_speaker.monitor",
                "--raw", "--format=s16le", "--rate=" + RATE, "--channels=1", "--latency-msec=20",
                "--process-time-msec=20").redirectError(dir.resolve("parec.log").toFile()).start();
        ByteArrayOutputStream recording = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try {
                parec.getInputStream().transferTo(new SynchronizedSink(recording));
            } catch (java.io.IOException ended) {
                // parec was stopped
            }
        });
        reader.start();
        awaitRecorded(recording, RATE / 5, parec);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder player = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                PlayChime.class.getName(), volume, kind)).redirectErrorStream(true)
                .redirectOutput(dir.resolve("player-" + volume + ".log").toFile());
        player.environment().put("PULSE_SERVER", "unix:" + socket());
        Process play = player.start();
        assertTrue(play.waitFor(30, TimeUnit.SECONDS), "the chime finished");
        awaitRecorded(recording, size(recording) + RATE, parec);
        parec.destroy();
        parec.waitFor(10, TimeUnit.SECONDS);
        reader.join(10_000);
        String log = Files.readString(dir.resolve("player-" + volume + ".log"));
        assertEquals(volume.equals("0") ? 3 : 0, play.exitValue(), "played (0) or nothing to play (3): " + log);
        synchronized (recording) {
            return peakWindowRms(recording.toByteArray());
        }
    }

    private void awaitRecorded(ByteArrayOutputStream recording, int bytes, Process parec) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (size(recording) < bytes) {
            if (System.nanoTime() > deadline || !parec.isAlive()) {
                throw new AssertionError("parec recorded " + size(recording) + " of " + bytes + " bytes: "
                        + Files.readString(dir.resolve("parec.log")));
            }
            Thread.sleep(20);
        }
    }

    private static int size(ByteArrayOutputStream recording) {
        synchronized (recording) {
            return recording.size();
        }
    }

    /** Writes into a buffer that the test reads meanwhile. */
    private static final class SynchronizedSink extends java.io.OutputStream {
        private final ByteArrayOutputStream target;

        SynchronizedSink(ByteArrayOutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) {
            synchronized (target) {
                target.write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) {
            synchronized (target) {
                target.write(b, off, len);
            }
        }
    }

    /** The loudest 50 ms of the recording, so leading and trailing silence does not dilute the chime. */
    private static double peakWindowRms(byte[] raw) {
        ShortBuffer samples = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer();
        List<Double> windows = new ArrayList<>();
        int size = RATE / 20;
        for (int start = 0; start + size <= samples.limit(); start += size) {
            double sum = 0;
            for (int i = start; i < start + size; i++) {
                sum += (double) samples.get(i) * samples.get(i);
            }
            windows.add(Math.sqrt(sum / size));
        }
        assertTrue(windows.size() > 10, "recorded " + raw.length + " bytes");
        return windows.stream().mapToDouble(Double::doubleValue).max().orElse(0);
    }

    private Path socket() {
        return dir.resolve("native");
    }
}
