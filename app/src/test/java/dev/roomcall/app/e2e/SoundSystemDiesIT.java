package dev.roomcall.app.e2e;

import dev.roomcall.testkit.LabProcess;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A call on a real sound system (a private PulseAudio server with a null microphone and speaker, what a desktop
 * has) whose server dies mid-call: the app says so, the video goes on, and hanging up still works.
 */
class SoundSystemDiesIT {

    @Test
    void whenTheSoundServerDiesMidCallTheAppSaysSoAndTheVideoGoesOn() throws Exception {
        Path dir = Files.createTempDirectory("roomcall-pulse");
        Path socket = dir.resolve("native");
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        String room = "sound-" + Long.toString(System.nanoTime(), 36);
        LabProcess pulse = LabProcess.start("sound-pulseaudio", List.of("env", "XDG_RUNTIME_DIR=" + dir, "HOME=" + dir,
                "pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--use-pid-file=no", "--log-target=stderr",
                "-L", "module-native-protocol-unix socket=" + socket + " auth-anonymous=1",
                "-L", "module-null-sink sink_name=roomcall_speaker",
                "-L", "module-null-source source_name=roomcall_microphone"), E2eDirs.logs());
        try (AppProcess peer = AppProcess.start("sound-peer", "--fake-media", "--host", Integer.toString(port),
                "--room", room)) {
            awaitFile(socket, pulse);
            peer.await("joined", Duration.ofSeconds(30));
            try (AppProcess app = AppProcess.startWithPrefix(List.of("env", "PULSE_SERVER=unix:" + socket), "sound-app",
                    "--server", "ws://127.0.0.1:" + port + "/", "--room", room)) {
                app.await("connected", Duration.ofSeconds(60));
                app.await("first-remote-video", Duration.ofSeconds(30));
                app.await("stats", json -> json.get("audioBytesReceived").getAsLong() > 0, Duration.ofSeconds(20));
                // Mid-call, not while playout is still starting: three seconds of sound both ways first.
                for (int second = 0; second < 3; second++) {
                    Set<JsonObject> before = AppEventsSoFar.of(app, "stats");
                    app.await("stats", json -> !before.contains(json), Duration.ofSeconds(10));
                }
                assertEquals(Set.of(), AppEventsSoFar.of(app, "warning").stream()
                        .filter(w -> w.get("code").getAsString().contains("audio")).collect(java.util.stream.Collectors.toSet()),
                        "the sound system answered at start");

                pulse.close();

                JsonObject lost = app.await("warning", w -> "audio-system-lost".equals(w.get("code").getAsString()),
                        Duration.ofSeconds(30));
                assertTrue(lost.get("message").getAsString().contains("microphone"), lost.toString());
                Set<JsonObject> statsSoFar = AppEventsSoFar.of(app, "stats");
                long frames = statsSoFar.stream().mapToLong(s -> s.get("framesDecoded").getAsLong()).max().orElse(0);
                app.await("stats", s -> !statsSoFar.contains(s) && s.get("framesDecoded").getAsLong() > frames + 30,
                        Duration.ofSeconds(30));
                assertEquals(Set.of(), AppEventsSoFar.of(app, "ended"), "the call goes on");

                assertEquals(0, app.terminate(Duration.ofSeconds(20)), "hanging up without a sound system still ends cleanly");
                peer.await("peer-left", Duration.ofSeconds(10));
                assertTrue(app.nonEventLines().isEmpty(), app.nonEventLines().toString());
            }
        } finally {
            pulse.close();
        }
    }

    private static void awaitFile(Path socket, LabProcess pulse) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!Files.exists(socket)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("PulseAudio made no socket at " + socket + ":\n" + pulse.tail());
            }
            Thread.sleep(100);
        }
    }
}
