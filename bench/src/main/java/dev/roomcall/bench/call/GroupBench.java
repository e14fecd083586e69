package dev.roomcall.bench.call;

import com.google.gson.JsonObject;
import dev.roomcall.bench.proc.CpuSnapshot;
import dev.roomcall.bench.proc.ProcessTree;
import dev.roomcall.bench.report.Machine;
import dev.roomcall.server.ServerConfig;
import dev.roomcall.server.SignalingServer;
import dev.roomcall.server.sfu.SfuSettings;
import dev.roomcall.testkit.Janus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * One room of {@code --people} headless apps, first as a mesh on Roomcall's server, then hosted on Debian's Janus
 * (the server with {@code --sfu-from 0}), in one run: what the first app uploads and how much CPU it and everything
 * else take once the call is steady.
 */
@Command(name = "group", mixinStandardHelpOptions = true,
        description = "A room of headless apps as a mesh and on Janus: upload and CPU of one app, in one run.")
public final class GroupBench implements Callable<Integer> {

    @Option(names = "--people", defaultValue = "4", description = "Apps in the room (default ${DEFAULT-VALUE}).")
    int people;

    @Option(names = "--steady", defaultValue = "30", description = "Seconds measured (default ${DEFAULT-VALUE}).")
    int steadySeconds;

    @Option(names = "--settle", defaultValue = "10", description = "Seconds after everyone sees everyone (default ${DEFAULT-VALUE}).")
    int settleSeconds;

    @Option(names = "--app-jar", defaultValue = "../app/target/roomcall.jar", description = "The packaged app.")
    Path appJar;

    @Option(names = "--janus-config", defaultValue = "../packaging/server/janus", description = "Janus's deployment files.")
    Path janusConfig;

    @Option(names = "--out", defaultValue = "target/bench", description = "Where the report goes.")
    Path out;

    private final ProcessTree processes = new ProcessTree();

    /** What one room measured. */
    record Sample(String mode, double uploadKbps, double firstAppCpu, double allAppsCpu, double janusCpu,
                  double framesDecodedPerSecond, long firstAppPssKib) {}

    public static void main(String[] args) {
        System.exit(new CommandLine(new GroupBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path logs = Files.createDirectories(out.resolve("logs"));
        String loadBefore = Machine.loadAverages();
        ZonedDateTime started = ZonedDateTime.now();
        List<Sample> samples = new ArrayList<>();
        try (SignalingServer mesh = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0)
                .roomSize(Math.max(2, Math.min(people, ServerConfig.MAX_ROOM_SIZE))).build())) {
            samples.add(room("mesh", mesh, null, logs));
        }
        try (Janus janus = Janus.start(janusConfig, out.resolve("janus"), "group-bench");
             SignalingServer sfu = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0)
                     .sfu(new SfuSettings(janus.uri(), null, "group-bench", 0, Math.max(people, 2), 1_000_000)).build())) {
            samples.add(room("sfu", sfu, janus, logs));
        }
        String markdown = markdown(samples, started, loadBefore, Machine.loadAverages());
        Files.writeString(out.resolve("group-latest.md"), markdown, StandardCharsets.UTF_8);
        System.out.println(markdown);
        return 0;
    }

    private Sample room(String mode, SignalingServer server, Janus janus, Path logs) throws Exception {
        String room = "group-" + mode + "-" + Long.toHexString(ThreadLocalRandom.current().nextLong() & 0xffffffL);
        List<AppPeer> apps = new ArrayList<>();
        try {
            for (int i = 1; i <= people; i++) {
                apps.add(AppPeer.start(appJar, List.of(), List.of("--server", server.uri().toString(), "--room", room,
                        "--name", "p" + i), logs.resolve("group-" + mode + "-" + i + ".log")));
            }
            awaitEveryoneSeesEveryone(apps, janus != null);
            Thread.sleep(settleSeconds * 1000L);
            String statsEvent = janus == null ? "stats" : "sfu-stats";
            AppPeer first = apps.get(0);
            JsonObject statsBefore = first.latest(statsEvent);
            long decodedBefore = decoded(apps, statsEvent);
            CpuSnapshot firstBefore = cpu(first.pid());
            List<CpuSnapshot> allBefore = new ArrayList<>();
            for (AppPeer app : apps) {
                allBefore.add(cpu(app.pid()));
            }
            CpuSnapshot janusBefore = janus == null ? null : cpu(janusPid());
            long startNanos = System.nanoTime();
            Thread.sleep(steadySeconds * 1000L);
            double seconds = (System.nanoTime() - startNanos) / 1e9;
            JsonObject statsAfter = first.latest(statsEvent);
            double allCpu = 0;
            for (int i = 0; i < apps.size(); i++) {
                allCpu += allBefore.get(i).percentOfOneCoreUntil(cpu(apps.get(i).pid()));
            }
            double upload = (statsAfter.get("bytesSent").getAsLong() - statsBefore.get("bytesSent").getAsLong()) * 8 / 1000.0
                    / seconds;
            return new Sample(mode, upload, firstBefore.percentOfOneCoreUntil(cpu(first.pid())), allCpu,
                    janusBefore == null ? 0 : janusBefore.percentOfOneCoreUntil(cpu(janusPid())),
                    (decoded(apps, statsEvent) - decodedBefore) / seconds, pssKib(first.pid()));
        } finally {
            apps.forEach(AppPeer::close);
        }
    }

    private void awaitEveryoneSeesEveryone(List<AppPeer> apps, boolean sfu) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        int wanted = apps.size() - 1;
        for (AppPeer app : apps) {
            if (sfu) {
                app.await("moved-to-sfu", Duration.ofSeconds(60));
            }
            while (app.count("first-remote-video") < wanted) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("not everyone saw everyone within 120 s");
                }
                Thread.sleep(200);
            }
        }
    }

    private static long decoded(List<AppPeer> apps, String statsEvent) {
        long total = 0;
        for (AppPeer app : apps) {
            JsonObject stats = app.latest(statsEvent);
            total += stats == null ? 0 : stats.get("framesDecoded").getAsLong();
        }
        return total;
    }

    private CpuSnapshot cpu(long pid) {
        return CpuSnapshot.of(System.nanoTime(), processes.of((int) pid));
    }

    private int janusPid() {
        return processes.pidsWithCommandLineContaining("/usr/bin/janus").get(0);
    }

    private long pssKib(long pid) throws java.io.IOException {
        return dev.roomcall.bench.proc.Pss.parseKib(Files.readString(processes.file((int) pid, "smaps_rollup")));
    }

    private String markdown(List<Sample> samples, ZonedDateTime started, String loadBefore, String loadAfter) {
        StringBuilder md = new StringBuilder();
        md.append("## A room of ").append(people).append(" apps: mesh vs Janus (`bench/run.sh group`)\n\n");
        md.append("Run ").append(started).append(" on ").append(Machine.describe()).append("; load before ")
                .append(loadBefore).append(", after ").append(loadAfter).append(". ").append(steadySeconds)
                .append(" s measured after ").append(settleSeconds).append(" s of settling; each app sends its fake camera at the default settings.\n\n");
        md.append("| Room | First app's upload (kbit/s) | First app's CPU (% of a core) | All apps' CPU | Janus's CPU |"
                + " Frames decoded per second, all apps | First app's PSS (MiB) |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|\n");
        for (Sample s : samples) {
            md.append(String.format(Locale.ROOT, "| %s | %.0f | %.0f | %.0f | %.0f | %.0f | %.0f |%n", s.mode(),
                    s.uploadKbps(), s.firstAppCpu(), s.allAppsCpu(), s.janusCpu(), s.framesDecodedPerSecond(),
                    s.firstAppPssKib() / 1024.0));
        }
        return md.toString();
    }
}
