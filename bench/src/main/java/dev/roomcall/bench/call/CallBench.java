package dev.roomcall.bench.call;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import dev.roomcall.bench.proc.Boot;
import dev.roomcall.bench.proc.CpuSnapshot;
import dev.roomcall.bench.proc.Jcmd;
import dev.roomcall.bench.proc.ProcessTree;
import dev.roomcall.bench.proc.ThreadSnapshot;
import dev.roomcall.bench.proc.TreeProbe;
import dev.roomcall.bench.report.Machine;
import dev.roomcall.server.ServerConfig;
import dev.roomcall.server.SignalingServer;
import dev.roomcall.testkit.Chromium;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The call benchmark: on one Roomcall server, a reference Chromium waits in a room and the measured peer joins it —
 * a second Chromium, or the Roomcall app — alternately, several times each. See BENCHMARKS.md.
 */
@Command(name = "call-bench", mixinStandardHelpOptions = true,
        description = "Chromium ↔ Chromium vs Roomcall ↔ Chromium: set-up, CPU, memory, received video.")
public final class CallBench implements Callable<Integer> {

    @Option(names = "--reps", defaultValue = "3", description = "Calls of each kind (default ${DEFAULT-VALUE}).")
    int repetitions;

    @Option(names = "--steady", defaultValue = "30", description = "Seconds of steady call measured (default ${DEFAULT-VALUE}).")
    int steadySeconds;

    @Option(names = "--settle", defaultValue = "10",
            description = "Seconds after the first frame before measuring: bitrate ramp-up, JIT (default ${DEFAULT-VALUE}).")
    int settleSeconds;

    @Option(names = "--timeout", defaultValue = "60", description = "Seconds allowed for a call to show its first frame.")
    int timeoutSeconds;

    @Option(names = "--app-jar", defaultValue = "../app/target/roomcall.jar", description = "The packaged app.")
    Path appJar;

    @Option(names = "--app-jvm-option", description = "Extra JVM option for the app (repeatable), e.g. -Xmx256m.")
    List<String> appJvmOptions = new ArrayList<>();

    @Option(names = "--out", defaultValue = "target/bench", description = "Where reports and the camera file go.")
    Path out;

    @Option(names = "--only", description = "Run only one kind of call: CHROMIUM or ROOMCALL.")
    Side only;

    @Option(names = "--chromium-prefers", paramLabel = "CODEC",
            description = "Make every Chromium page ask for this video codec first (e.g. H264, as Roomcall's camera "
                    + "does); default: Chromium's own order, VP8 first.")
    String chromiumPrefers;

    private final VideoFormat format = new VideoFormat(1280, 720, 30);
    private final ProcessTree processes = new ProcessTree();
    private final TreeProbe probe = new TreeProbe(processes);

    public static void main(String[] args) {
        int code = new CommandLine(new CallBench()).setCaseInsensitiveEnumValuesAllowed(true).execute(args);
        System.exit(code);
    }

    @Override
    public Integer call() throws Exception {
        if (repetitions < 1 || steadySeconds < 1 || settleSeconds < 0 || timeoutSeconds < 5) {
            throw new CommandLine.ParameterException(new CommandLine(this), "need --reps ≥ 1, --steady ≥ 1, --settle ≥ 0, --timeout ≥ 5");
        }
        Path logs = Files.createDirectories(out.resolve("logs"));
        Path camera = camera();
        String loadBefore = Machine.loadAverages();
        ZonedDateTime started = ZonedDateTime.now();
        List<CallSample> samples = new ArrayList<>();
        ServerConfig config = ServerConfig.builder().host("127.0.0.1").port(0).build();
        try (SignalingServer server = SignalingServer.start(config)) {
            for (int rep = 1; rep <= repetitions; rep++) {
                for (Side side : Side.values()) {
                    if (only != null && only != side) {
                        continue;
                    }
                    CallSample sample = runOnce(server, side, rep, camera, logs);
                    samples.add(sample);
                    System.out.println(progress(sample));
                }
            }
        }
        String loadAfter = Machine.loadAverages();
        CallReport report = new CallReport(samples);
        String markdown = markdown(report, samples, started, loadBefore, loadAfter);
        String stamp = started.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Files.writeString(out.resolve("call-" + stamp + ".md"), markdown, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("call-" + stamp + ".json"), json(samples, started, loadBefore, loadAfter), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("call-latest.md"), markdown, StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(markdown);
        System.out.println("written: " + out.resolve("call-" + stamp + ".md") + " and .json");
        return report.failures().isEmpty() ? 0 : 1;
    }

    private Path camera() throws IOException {
        Path file = out.resolve("camera-" + format.width() + "x" + format.height() + "-" + format.fps() + "fps.y4m");
        int frames = 2 * format.fps(); // a 2-second loop
        long expected = Y4mWriter.header(format.width(), format.height(), format.fps()).length()
                + (long) frames * ("FRAME\n".length() + Y4mWriter.frameBytes(format.width(), format.height()));
        if (!Files.isRegularFile(file) || Files.size(file) != expected) {
            Y4mWriter.write(file, new MovingPattern(format.width(), format.height(), frames), format.fps(), frames);
        }
        return file;
    }

    private CallSample runOnce(SignalingServer server, Side side, int rep, Path camera, Path logs) {
        String room = "bench-" + side.name().toLowerCase(Locale.ROOT) + "-" + rep + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffL);
        String page = server.httpUri() + "#" + room;
        String tag = side.name().toLowerCase(Locale.ROOT) + "-" + rep;
        try (ChromiumPeer reference = ChromiumPeer.open("reference-" + tag, page, camera, format, logs,
                chromiumPrefers)) {
            awaitState(reference, "waiting");
            int referencePid = reference.browserPid(processes);
            if (side == Side.CHROMIUM) {
                try (ChromiumPeer measured = ChromiumPeer.open("measured-" + tag, page, camera, format, logs,
                        chromiumPrefers)) {
                    PageMarks marks = awaitFirstFrame(measured);
                    int pid = measured.browserPid(processes);
                    // Launch = the browser process's start (not chromedriver's), from /proc, to 10 ms.
                    double launchEpoch = Boot.epochMillisOfStartTicks(processes.of(pid).get(0).startTicks());
                    return measure(side, rep, marks.wsOpenEpochMs() - launchEpoch, marks.connectedMs(), marks.firstFrameMs(),
                            pid, reference, referencePid, measured::stats, false);
                }
            }
            List<String> args = List.of("--server", server.uri().toString(), "--room", room);
            try (AppPeer app = AppPeer.start(appJar, appJvmOptions, args, logs.resolve("app-" + tag + ".log"))) {
                Duration timeout = Duration.ofSeconds(timeoutSeconds);
                AppPeer.Event open = app.await("signaling-open", timeout);
                double connected = app.await("connected", timeout).json().get("ms").getAsDouble();
                double first = app.await("first-remote-video", timeout).json().get("ms").getAsDouble();
                double startToOpen = (open.nanos() - app.startNanos()) / 1e6;
                return measure(side, rep, startToOpen, connected, first, (int) app.pid(), reference, referencePid,
                        app::latestStats, true);
            }
        } catch (Exception | AssertionError e) {
            System.err.println(side.call + " #" + rep + " failed: " + e);
            return CallSample.failed(side, rep, e.getClass().getSimpleName() + ": " + firstLine(e.getMessage()));
        }
    }

    /** Settles, then measures the steady window; nothing talks to the measured peer inside the window. */
    private CallSample measure(Side side, int rep, double startToOpen, double connected, double firstFrame, int pid,
                               ChromiumPeer reference, int referencePid, StatsSource measuredStats, boolean jvm)
            throws Exception {
        Thread.sleep(settleSeconds * 1000L);
        PageMarks answering = reference.marks(); // long reached by now; read outside the steady window
        PeerStats receivedBefore = measuredStats.read();
        PeerStats sentBefore = reference.stats();
        double load = Machine.load1();
        Function<String, String> label = jvm ? commandLine -> "java" : ChromiumProcessType::of;
        CpuSnapshot cpuBefore = probe.cpu(pid);
        ThreadSnapshot threadsBefore = probe.threads(pid, label);
        CpuSnapshot referenceBefore = probe.cpu(referencePid);
        Thread.sleep(steadySeconds * 1000L);
        CpuSnapshot cpuAfter = probe.cpu(pid);
        ThreadSnapshot threadsAfter = probe.threads(pid, label);
        CpuSnapshot referenceAfter = probe.cpu(referencePid);
        double pss = probe.pssMib(pid);
        int treeSize = probe.size(pid);
        PeerStats receivedAfter = measuredStats.read();
        PeerStats sentAfter = reference.stats();
        double heap = jvm ? Jcmd.heapUsedMib(pid) : Double.NaN;
        return new CallSample(side, rep, startToOpen, connected, firstFrame,
                answering.answerMs(), answering.offerToFirstSentMs(),
                cpuBefore.percentOfOneCoreUntil(cpuAfter), pss, heap, treeSize,
                receivedAfter.fpsSince(receivedBefore), receivedAfter.width(), receivedAfter.height(),
                sentAfter.fpsSince(sentBefore), sentAfter.width(), sentAfter.height(), reference.decodedCodec(),
                referenceBefore.percentOfOneCoreUntil(referenceAfter), load,
                (cpuAfter.nanos() - cpuBefore.nanos()) / 1e9, threadsBefore.until(threadsAfter), null);
    }

    @FunctionalInterface
    private interface StatsSource {
        PeerStats read() throws Exception;
    }

    private void awaitState(ChromiumPeer peer, String state) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
        String last = null;
        while (System.nanoTime() < deadline) {
            last = peer.state();
            if (state.equals(last)) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(peer.name() + " did not reach '" + state + "' within " + timeoutSeconds + " s (last: " + last + ")");
    }

    private PageMarks awaitFirstFrame(ChromiumPeer peer) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(timeoutSeconds).toNanos();
        PageMarks marks = PageMarks.NONE;
        while (System.nanoTime() < deadline) {
            marks = peer.marks();
            if (marks.hasFirstFrame() && !Double.isNaN(marks.connected())) {
                return marks;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(peer.name() + " showed no remote frame within " + timeoutSeconds + " s; marks: " + marks);
    }

    private String markdown(CallReport report, List<CallSample> samples, ZonedDateTime started, String loadBefore, String loadAfter) {
        StringBuilder md = new StringBuilder();
        md.append("Measured ").append(started.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(" on ")
                .append(Machine.describe()).append("; ").append(Machine.commandOutput(Chromium.CHROMIUM.toString(), "--version"))
                .append(".\n\n");
        md.append("Parameters: ").append(repetitions).append(" call(s) of each kind, alternating; ")
                .append(settleSeconds).append(" s settle, ").append(steadySeconds).append(" s steady window; video ")
                .append(format).append(" on every side; app JVM options: ")
                .append(appJvmOptions.isEmpty() ? "none (java -jar defaults)" : String.join(" ", appJvmOptions))
                .append("; Chromium pages' video codec order: ")
                .append(chromiumPrefers == null ? "Chromium's own (VP8 first)" : chromiumPrefers + " first")
                .append(". Load average (1/5/15 min) before: ").append(loadBefore).append(", after: ").append(loadAfter).append(".\n\n");
        md.append("Cells: median (min–max) over the repetitions.\n\n");
        md.append(report.table());
        String profiles = new ProfileReport(samples).tables();
        if (!profiles.isEmpty()) {
            md.append("\nWhere the CPU went in the steady window (utime + stime of every thread, /proc/PID/task/TID/stat):\n")
                    .append(profiles);
        }
        List<String> failures = report.failures();
        if (!failures.isEmpty()) {
            md.append("\nFailed repetitions (left out of the table):\n\n");
            failures.forEach(f -> md.append("- ").append(f).append('\n'));
        }
        return md.toString();
    }

    private String json(List<CallSample> samples, ZonedDateTime started, String loadBefore, String loadAfter) {
        Gson gson = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().disableHtmlEscaping().create();
        JsonObject root = new JsonObject();
        root.addProperty("started", started.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        root.addProperty("machine", Machine.describe());
        root.addProperty("chromium", Machine.commandOutput(Chromium.CHROMIUM.toString(), "--version"));
        root.addProperty("video", format.toString());
        root.addProperty("repetitions", repetitions);
        root.addProperty("settleSeconds", settleSeconds);
        root.addProperty("steadySeconds", steadySeconds);
        root.addProperty("appJvmOptions", String.join(" ", appJvmOptions));
        root.addProperty("chromiumPrefers", chromiumPrefers == null ? "" : chromiumPrefers);
        root.addProperty("loadBefore", loadBefore);
        root.addProperty("loadAfter", loadAfter);
        root.add("samples", gson.toJsonTree(samples));
        return gson.toJson(root);
    }

    private static String progress(CallSample s) {
        if (!s.ok()) {
            return String.format(Locale.ROOT, "%-22s #%d FAILED: %s", s.side().call, s.repetition(), s.error());
        }
        return String.format(Locale.ROOT,
                "%-22s #%d first frame %5.0f ms, CPU %5.1f %%, PSS %5.0f MiB, heap %5.1f MiB, recv %4.1f fps %dx%d, sent %4.1f fps %dx%d, load %.2f",
                s.side().call, s.repetition(), s.firstFrameMs(), s.cpuPercent(), s.pssMib(), s.heapMib(), s.receivedFps(),
                s.receivedWidth(), s.receivedHeight(), s.sentFps(), s.sentWidth(), s.sentHeight(), s.loadAverage());
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
