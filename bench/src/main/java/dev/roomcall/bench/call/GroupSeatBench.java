package dev.roomcall.bench.call;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.roomcall.bench.proc.CpuSnapshot;
import dev.roomcall.bench.proc.ProcessTree;
import dev.roomcall.bench.proc.TreeProbe;
import dev.roomcall.bench.report.Machine;
import dev.roomcall.server.ServerConfig;
import dev.roomcall.server.SignalingServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * A four-person mesh call on Roomcall's server: three Chromium pages, and in the fourth seat first the Roomcall app
 * (headless), then a fourth Chromium, in one run. The seat's CPU and PSS (its whole process tree) and the frames it
 * decodes from the three others and sends to them, once everyone decodes everyone.
 */
@Command(name = "group-seat", mixinStandardHelpOptions = true,
        description = "The fourth seat of a four-person call: the Roomcall app vs a Chromium, in one run.")
public final class GroupSeatBench implements Callable<Integer> {

    @Option(names = "--steady", defaultValue = "30", description = "Seconds measured (default ${DEFAULT-VALUE}).")
    int steadySeconds;

    @Option(names = "--settle", defaultValue = "10", description = "Seconds after the seat decodes everyone (default ${DEFAULT-VALUE}).")
    int settleSeconds;

    @Option(names = "--app-jar", defaultValue = "../app/target/roomcall.jar", description = "The packaged app.")
    Path appJar;

    @Option(names = "--out", defaultValue = "target/bench", description = "Where the report and the camera file go.")
    Path out;

    /** Small enough that four encoders and twelve decoders fit two cores. */
    private final VideoFormat format = new VideoFormat(640, 360, 15);
    private final ProcessTree processes = new ProcessTree();
    private final TreeProbe probe = new TreeProbe(processes);

    /** What one seat measured. */
    record Seat(String who, double cpu, double pssMib, double decodedFps, double sentFps) {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new GroupSeatBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path logs = Files.createDirectories(out.resolve("logs"));
        Path camera = out.resolve("camera-640x360-15fps.y4m");
        int frames = 2 * format.fps();
        Y4mWriter.write(camera, new MovingPattern(format.width(), format.height(), frames), format.fps(), frames);
        String loadBefore = Machine.loadAverages();
        ZonedDateTime started = ZonedDateTime.now();
        List<Seat> seats = new ArrayList<>();
        try (SignalingServer server = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0).build())) {
            seats.add(seat("Roomcall app", server, camera, logs, true));
            seats.add(seat("Chromium", server, camera, logs, false));
        }
        String markdown = markdown(seats, started, loadBefore, Machine.loadAverages());
        Files.writeString(out.resolve("group-seat-latest.md"), markdown, StandardCharsets.UTF_8);
        System.out.println(markdown);
        return 0;
    }

    private Seat seat(String who, SignalingServer server, Path camera, Path logs, boolean app) throws Exception {
        String room = "seat-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffL);
        String page = server.httpUri() + "#" + room;
        List<ChromiumPeer> others = new ArrayList<>();
        try {
            for (int i = 1; i <= 3; i++) {
                others.add(ChromiumPeer.open("seat-other-" + i + (app ? "-a" : "-c"), page, camera, format, logs));
            }
            if (app) {
                try (AppPeer seat = AppPeer.start(appJar, List.of(), List.of("--server", server.uri().toString(),
                        "--room", room, "--name", "seat"), logs.resolve("group-seat-app.log"))) {
                    return measure(who, (int) seat.pid(), () -> appCounters(seat));
                }
            }
            try (ChromiumPeer seat = ChromiumPeer.open("seat-chromium", page, camera, format, logs)) {
                return measure(who, seat.browserPid(processes), seat::seatCounters);
            }
        } finally {
            others.forEach(ChromiumPeer::close);
        }
    }

    private Seat measure(String who, int pid, Supplier<SeatCounters> counters) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (counters.get().decoding() < 3) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(who + " did not decode all three others within 120 s");
            }
            Thread.sleep(500);
        }
        Thread.sleep(settleSeconds * 1000L);
        SeatCounters before = counters.get();
        CpuSnapshot cpuBefore = probe.cpu(pid);
        Thread.sleep(steadySeconds * 1000L);
        SeatCounters after = counters.get();
        double cpu = cpuBefore.percentOfOneCoreUntil(probe.cpu(pid));
        return new Seat(who, cpu, probe.pssMib(pid), after.decodedFpsSince(before), after.sentFpsSince(before));
    }

    /** The app's newest stats line: its sums over everyone, and how many people it decodes. */
    private static SeatCounters appCounters(AppPeer app) {
        JsonObject stats = app.latest("stats");
        if (stats == null) {
            return new SeatCounters(System.nanoTime(), 0, 0, 0);
        }
        int decoding = 0;
        if (stats.has("peers")) {
            for (JsonElement peer : stats.getAsJsonArray("peers")) {
                if (peer.getAsJsonObject().get("framesDecoded").getAsLong() > 0) {
                    decoding++;
                }
            }
        }
        return new SeatCounters(System.nanoTime(), stats.get("framesDecoded").getAsLong(),
                stats.get("framesSent").getAsLong(), decoding);
    }

    private String markdown(List<Seat> seats, ZonedDateTime started, String loadBefore, String loadAfter) {
        StringBuilder md = new StringBuilder();
        md.append("## The fourth seat of a four-person call: Roomcall app vs Chromium (`bench/run.sh group-seat`)\n\n");
        md.append("Run ").append(started).append(" on ").append(Machine.describe()).append("; load before ")
                .append(loadBefore).append(", after ").append(loadAfter).append(". Three Chromium pages (fake camera ")
                .append(format.width()).append('x').append(format.height()).append(" at ").append(format.fps())
                .append(" fps) in each room; ").append(steadySeconds).append(" s measured after ").append(settleSeconds)
                .append(" s of settling.\n\n");
        md.append("| Fourth seat | CPU (% of a core, whole tree) | PSS (MiB) | Frames decoded/s from the 3 others |"
                + " Frames sent/s (all copies) |\n|---|---:|---:|---:|---:|\n");
        for (Seat s : seats) {
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.1f | %.1f |%n", s.who(), s.cpu(), s.pssMib(),
                    s.decodedFps(), s.sentFps()));
        }
        Seat app = seats.get(0);
        Seat chromium = seats.get(1);
        md.append(String.format(Locale.ROOT, "%nRatios app / Chromium: CPU %.2f×, PSS %.2f×.%n",
                app.cpu() / chromium.cpu(), app.pssMib() / chromium.pssMib()));
        return md.toString();
    }
}
