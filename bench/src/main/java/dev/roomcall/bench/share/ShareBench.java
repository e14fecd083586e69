package dev.roomcall.bench.share;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.roomcall.bench.proc.CpuSnapshot;
import dev.roomcall.bench.proc.ProcessTree;
import dev.roomcall.bench.proc.TreeProbe;
import dev.roomcall.bench.report.Machine;
import dev.roomcall.server.ServerConfig;
import dev.roomcall.server.SignalingServer;
import dev.roomcall.testkit.Chromium;
import dev.roomcall.testkit.ChromiumOptions;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Sharing one busy 1920x1080 X screen at 15 frames a second into a call with a headless Chromium on Roomcall's page:
 * the Roomcall app ({@code --share screen --share-fps 15}) against Chromium sharing the same screen with
 * getDisplayMedia (a windowed Chromium on the same display, the source picked by
 * {@code --auto-select-desktop-capture-source}). Measured: CPU of the sharer's whole process tree over a steady
 * window, and the screen frames it sent a second. Both also send their fake camera and microphone.
 */
@Command(name = "share-bench", mixinStandardHelpOptions = true,
        description = "CPU of sharing a 1920x1080 screen at 15 fps: Roomcall vs Chromium, in one run.")
public final class ShareBench implements Callable<Integer> {

    @Option(names = "--reps", defaultValue = "2", description = "Runs of each sharer (default ${DEFAULT-VALUE}).")
    int repetitions;

    @Option(names = "--steady", defaultValue = "30", description = "Seconds measured (default ${DEFAULT-VALUE}).")
    int steadySeconds;

    @Option(names = "--settle", defaultValue = "10", description = "Seconds after sharing starts before measuring.")
    int settleSeconds;

    @Option(names = "--app-jar", defaultValue = "../app/target/roomcall.jar", description = "The packaged app.")
    Path appJar;

    @Option(names = "--out", defaultValue = "target/bench", description = "Where the report and logs go.")
    Path out;

    private static final String RECORD_CONNECTIONS = """
            (() => { const O = window.RTCPeerConnection; window.__pcs = [];
              const P = function (...a) { const pc = new O(...a); window.__pcs.push(pc); return pc; };
              P.prototype = O.prototype; Object.setPrototypeOf(P, O); window.RTCPeerConnection = P; })();""";
    private static final String SHARE = """
            const done = arguments[arguments.length - 1];
            const pc = (window.__pcs || []).find((p) => p.connectionState === 'connected');
            if (!pc) { done('not connected'); return; }
            navigator.mediaDevices.getDisplayMedia({ video: { frameRate: { ideal: 15, max: 15 },
                width: { max: 1920 }, height: { max: 1080 } } }).then((s) => {
              const t = s.getVideoTracks()[0]; t.contentHint = 'detail';
              pc.addTrack(t, s); done('ok ' + JSON.stringify(t.getSettings()));
            }, (e) => done('error ' + e.name + ': ' + e.message));""";
    private static final String SCREEN_FRAMES = """
            const [dir, done] = [arguments[0], arguments[arguments.length - 1]];
            Promise.all((window.__pcs || []).map((pc) => pc.getStats())).then((reports) => {
              // The first video m-section is the camera; a later one the screen (docs/protocol.md §12).
              const videos = [];
              for (const r of reports) r.forEach((s) => { if (s.type === dir && s.kind === 'video') videos.push(s); });
              videos.sort((a, b) => Number(a.mid) - Number(b.mid));
              let frames = 0, width = 0;
              for (const s of videos.slice(1)) {
                frames += (dir === 'outbound-rtp' ? s.framesEncoded : s.framesDecoded) || 0;
                width = s.frameWidth || width;
              }
              done([frames, width]);
            }, () => done([0, 0]));""";

    private final ProcessTree processes = new ProcessTree();
    private final TreeProbe probe = new TreeProbe(processes);

    public static void main(String[] args) {
        System.exit(new CommandLine(new ShareBench()).execute(args));
    }

    private record Sample(String sharer, double cpuBaseline, double cpuPercent, double fpsSent, double fpsDecoded,
                          int width) {}

    @Override
    public Integer call() throws Exception {
        Path logs = Files.createDirectories(out.resolve("logs"));
        List<Sample> samples = new ArrayList<>();
        String loadBefore = Machine.loadAverages();
        try (BusyDesktop desktop = BusyDesktop.start(1920, 1080, Files.createDirectories(out.resolve("share-work")));
                SignalingServer server = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0).build())) {
            for (int rep = 1; rep <= repetitions; rep++) {
                samples.add(roomcall(server, desktop, rep, logs));
                System.out.println(samples.get(samples.size() - 1));
                samples.add(chromium(server, desktop, rep, logs));
                System.out.println(samples.get(samples.size() - 1));
            }
        }
        StringBuilder md = new StringBuilder("| sharer | CPU in the call, not sharing | CPU while sharing | "
                + "added by sharing | screen frames sent /s | screen frames decoded /s (receiver) | width decoded |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Sample s : samples) {
            md.append(String.format(Locale.ROOT, "| %s | %.1f %% | %.1f %% | %.1f %% | %.1f | %.1f | %d |%n", s.sharer(),
                    s.cpuBaseline(), s.cpuPercent(), s.cpuPercent() - s.cpuBaseline(), s.fpsSent(), s.fpsDecoded(),
                    s.width()));
        }
        md.append("\nCPU: the sharer's whole process tree, % of one core.");
        md.append("\n").append(Machine.describe()).append(", load before ").append(loadBefore).append(", after ")
                .append(Machine.loadAverages()).append("; ").append(steadySeconds).append(" s measured after ")
                .append(settleSeconds).append(" s settling.\n");
        Files.writeString(out.resolve("share-latest.md"), md, StandardCharsets.UTF_8);
        System.out.println(md);
        return 0;
    }

    private Sample roomcall(SignalingServer server, BusyDesktop desktop, int rep, Path logs) throws Exception {
        Sample baseline = appRun(server, desktop, rep, logs, false);
        Sample sharing = appRun(server, desktop, rep, logs, true);
        return new Sample(sharing.sharer(), baseline.cpuPercent(), sharing.cpuPercent(), sharing.fpsSent(),
                sharing.fpsDecoded(), sharing.width());
    }

    /** One app call, sharing or not (then its CPU is the call's own, for the baseline). */
    private Sample appRun(SignalingServer server, BusyDesktop desktop, int rep, Path logs, boolean share)
            throws Exception {
        String room = "share-bench-app-" + rep + "-" + System.nanoTime();
        try (Chromium receiver = receiver(server, room, logs, "app-" + rep)) {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-jar", appJar.toString(), "--headless", "--fake-media", "--server",
                    server.uri().toString(), "--room", room));
            if (share) {
                command.addAll(List.of("--share", "screen", "--share-fps", "15"));
            }
            ProcessBuilder builder = new ProcessBuilder(command).redirectError(logs.resolve("share-app-" + rep + (share ? "" : "-baseline")
                    + ".log").toFile());
            builder.environment().put("DISPLAY", desktop.display());
            Process app = builder.start();
            AtomicLong framesSent = new AtomicLong(-1);
            AtomicLong framesDecoded = new AtomicLong(-1);
            Thread reader = new Thread(() -> readStats(app, framesSent, framesDecoded), "share-bench-app");
            reader.setDaemon(true);
            reader.start();
            try {
                waitFor(() -> share ? framesSent.get() > 0 : framesDecoded.get() > 0, 60,
                        share ? "the app sharing its screen" : "the app in a call");
                Thread.sleep(settleSeconds * 1000L);
                long sentBefore = framesSent.get();
                long[] decodedBefore = frames(receiver, "inbound-rtp");
                CpuSnapshot before = probe.cpu((int) app.pid());
                Thread.sleep(steadySeconds * 1000L);
                CpuSnapshot after = probe.cpu((int) app.pid());
                long[] decodedAfter = frames(receiver, "inbound-rtp");
                double seconds = (after.nanos() - before.nanos()) / 1e9;
                return new Sample("Roomcall app", Double.NaN, before.percentOfOneCoreUntil(after),
                        (framesSent.get() - sentBefore) / seconds, (decodedAfter[0] - decodedBefore[0]) / seconds,
                        (int) decodedAfter[1]);
            } finally {
                app.destroy();
                app.waitFor();
            }
        }
    }

    private Sample chromium(SignalingServer server, BusyDesktop desktop, int rep, Path logs) throws Exception {
        String room = "share-bench-chromium-" + rep + "-" + System.nanoTime();
        Path windowed = windowedLauncher(desktop.display());
        try (Chromium receiver = receiver(server, room, logs, "chromium-" + rep);
                Chromium sharer = Chromium.start("share-bench-sharer-" + rep, ChromiumOptions.defaults()
                        .launchedBy(List.of(windowed.toString())).withoutConsoleLog()
                        .withExtraArguments("--auto-select-desktop-capture-source=Entire screen"), logs)) {
            sharer.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_CONNECTIONS));
            sharer.driver().get(server.httpUri() + "#" + room);
            waitFor(() -> Boolean.TRUE.equals(sharer.driver().executeScript(
                    "return (window.__pcs || []).some((p) => p.connectionState === 'connected');")), 60, "Chromium connected");
            Thread.sleep(settleSeconds * 1000L);
            int pid = browserPid(sharer);
            CpuSnapshot idleBefore = probe.cpu(pid);
            Thread.sleep(steadySeconds * 1000L);
            double baseline = idleBefore.percentOfOneCoreUntil(probe.cpu(pid));
            Object shared = sharer.driver().executeAsyncScript(SHARE);
            if (!String.valueOf(shared).startsWith("ok")) {
                throw new IllegalStateException("Chromium could not share its screen: " + shared);
            }
            waitFor(() -> frames(sharer, "outbound-rtp")[0] > 0, 60, "Chromium sending its screen");
            Thread.sleep(settleSeconds * 1000L);
            long[] sentBefore = frames(sharer, "outbound-rtp");
            long[] decodedBefore = frames(receiver, "inbound-rtp");
            CpuSnapshot before = probe.cpu(pid);
            Thread.sleep(steadySeconds * 1000L);
            CpuSnapshot after = probe.cpu(pid);
            long[] sentAfter = frames(sharer, "outbound-rtp");
            long[] decodedAfter = frames(receiver, "inbound-rtp");
            double seconds = (after.nanos() - before.nanos()) / 1e9;
            return new Sample(Machine.commandOutput("chromium", "--version").trim(), baseline,
                    before.percentOfOneCoreUntil(after),
                    (sentAfter[0] - sentBefore[0]) / seconds, (decodedAfter[0] - decodedBefore[0]) / seconds,
                    (int) decodedAfter[1]);
        } finally {
            Files.deleteIfExists(windowed);
        }
    }

    private static Chromium receiver(SignalingServer server, String room, Path logs, String tag) {
        Chromium receiver = Chromium.start("share-bench-receiver-" + tag, ChromiumOptions.defaults().withoutConsoleLog(), logs);
        receiver.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_CONNECTIONS));
        receiver.driver().get(server.httpUri() + "#" + room);
        return receiver;
    }

    /** Chromium always starts headless in the harness; the sharer must have a window on the shared display. */
    private static Path windowedLauncher(String display) throws IOException {
        Path script = Files.createTempFile("share-bench-windowed-", ".sh");
        Files.writeString(script, "#!/bin/sh\nexport DISPLAY=" + display + "\nbin=$1; shift\n"
                + "for a do shift; case $a in --headless*) ;; *) set -- \"$@\" \"$a\";; esac; done\nexec \"$bin\" \"$@\"\n");
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private int browserPid(Chromium chromium) {
        List<Integer> pids = processes.pidsWithCommandLineContaining("--user-data-dir=" + chromium.profile());
        for (int pid : pids) {
            var self = processes.of(pid);
            if (!self.isEmpty() && !pids.contains(self.get(0).parent())) {
                return pid;
            }
        }
        throw new IllegalStateException("no sharing Chromium process");
    }

    @SuppressWarnings("unchecked")
    private static long[] frames(Chromium chromium, String direction) {
        List<Number> r = (List<Number>) chromium.driver().executeAsyncScript(SCREEN_FRAMES, direction);
        return new long[] {r.get(0).longValue(), r.get(1).longValue()};
    }

    private static void readStats(Process app, AtomicLong framesSent, AtomicLong framesDecoded) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                JsonObject json = JsonParser.parseString(line).getAsJsonObject();
                if ("stats".equals(json.get("event").getAsString())) {
                    framesSent.set(json.get("screenFramesSent").getAsLong());
                    framesDecoded.set(json.get("framesDecoded").getAsLong());
                } else if ("error".equals(json.get("event").getAsString())) {
                    System.err.println("app: " + json);
                }
            }
        } catch (IOException | RuntimeException ended) {
            // the app exited
        }
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    private static void waitFor(Check check, int seconds, String what) throws Exception {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!check.ok()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("no " + what + " within " + seconds + " s");
            }
            Thread.sleep(250);
        }
    }
}
