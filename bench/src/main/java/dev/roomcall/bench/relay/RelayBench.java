package dev.roomcall.bench.relay;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import dev.roomcall.bench.proc.ProcessTree;
import dev.roomcall.bench.proc.TreeProbe;
import dev.roomcall.bench.report.Machine;
import dev.roomcall.testkit.ListeningProcess;
import dev.roomcall.testkit.NodeRelay;
import java.net.URI;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The relay benchmark: Roomcall's SignalingServer (in its own JVM, with the JVM options of the shipped systemd unit,
 * and optionally a second one with other options) and a Node ws relay with rooms, under the same closed-loop load
 * over loopback, taking turns; then idle connections to each, weighing every process's PSS.
 */
@Command(name = "relay-bench", mixinStandardHelpOptions = true,
        description = "Roomcall's relay vs a Node ws relay: throughput and latency; memory of idle connections.")
public final class RelayBench implements Callable<Integer> {

    @Option(names = "--load", split = ",", defaultValue = "1x1,10x8,50x8",
            description = "Loads as PAIRSxIN_FLIGHT, comma-separated (default ${DEFAULT-VALUE}).")
    List<String> loads;

    @Option(names = "--warmup", defaultValue = "5", description = "Seconds of load before measuring (default ${DEFAULT-VALUE}).")
    int warmupSeconds;

    @Option(names = "--seconds", defaultValue = "10", description = "Seconds measured per load and relay (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--reps", defaultValue = "1", description = "Repetitions of every load (default ${DEFAULT-VALUE}).")
    int repetitions;

    @Option(names = "--idle-cap", defaultValue = "18000",
            description = "Most idle connections to open; each side of a connection is a file descriptor, and this"
                    + " machine allows a process 20000 (default ${DEFAULT-VALUE}).")
    int idleCap;

    @Option(names = "--idle-sources", defaultValue = "4", description = "Loopback source addresses for idle connections.")
    int idleSources;

    @Option(names = "--skip-throughput", description = "Only the idle-connection test.")
    boolean skipThroughput;

    @Option(names = "--skip-idle", description = "Only the throughput test.")
    boolean skipIdle;

    @Option(names = "--server-jvm-option", description = "Extra JVM option for Roomcall's server (repeatable).")
    List<String> serverJvmOptions = new ArrayList<>();

    @Option(names = "--server-unit", defaultValue = "../packaging/server/roomcall-server.service",
            description = "The systemd unit whose java options Roomcall's server is started with (default ${DEFAULT-VALUE}).")
    Path serverUnit;

    @Option(names = "--compare-jvm-options",
            description = "Also run a second Roomcall server with these JVM options instead of the unit's"
                    + " (space-separated, e.g. the options before a change), in the same run.")
    String compareJvmOptions;

    @Option(names = "--capacity", description = "Instead of the above: one node's capacity, idle members and active"
            + " pairs held together for minutes (see the --capacity-* options).")
    boolean capacity;

    @Option(names = "--capacity-idle", defaultValue = "10000", description = "Idle members, two per room (default ${DEFAULT-VALUE}).")
    int capacityIdle;

    @Option(names = "--capacity-rooms", description = "Rooms of the idle members; must be half of --capacity-idle (default: half).")
    Integer capacityRooms;

    @Option(names = "--capacity-pairs", defaultValue = "500", description = "Active rooms of two (default ${DEFAULT-VALUE}).")
    int capacityPairs;

    @Option(names = "--capacity-rate", defaultValue = "5",
            description = "Candidates each active member sends a second (default ${DEFAULT-VALUE}).")
    double capacityRate;

    @Option(names = "--capacity-minutes", defaultValue = "10", description = "How long the pairs send (default ${DEFAULT-VALUE}).")
    double capacityMinutes;

    @Option(names = "--capacity-sample-seconds", defaultValue = "10",
            description = "How often heap, threads, PSS and descriptors are read (default ${DEFAULT-VALUE}).")
    int capacitySampleSeconds;

    @Option(names = "--capacity-warmup", defaultValue = "10",
            description = "Seconds of the pairs' sending left out of the latency figures: the relay's and the load"
                    + " generator's JIT compiling the message path (default ${DEFAULT-VALUE}; counted from the first"
                    + " sample at or after it).")
    int capacityWarmupSeconds;

    @Option(names = "--capacity-relays", split = ",", defaultValue = "roomcall,node",
            description = "Which relays, one after the other (default ${DEFAULT-VALUE}).")
    List<String> capacityRelays;

    @Option(names = "--node", defaultValue = "node", description = "The node executable.")
    String node;

    @Option(names = "--node-relay", defaultValue = "target/node-relay",
            description = "Where the testkit's relay.js is installed (npm ci on first use).")
    Path nodeRelay;

    @Option(names = "--out", defaultValue = "target/bench", description = "Where the reports go.")
    Path out;

    /** The JVM relay starts slower than Node's: give either a minute to say it listens. */
    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);

    private final TreeProbe probe = new TreeProbe(new ProcessTree());

    public static void main(String[] args) {
        System.exit(new CommandLine(new RelayBench()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Path logs = Files.createDirectories(out.resolve("logs"));
        ZonedDateTime started = ZonedDateTime.now();
        String loadBefore = Machine.loadAverages();
        List<String> unitOptions = ServiceUnitJvmOptions.read(serverUnit);
        if (capacity) {
            return new CapacityBench(this, probe, logs, started, loadBefore, unitOptions).run();
        }
        List<LoadResult> results = new ArrayList<>();
        if (!skipThroughput) {
            List<ListeningProcess> relays = startRelays(unitOptions, logs, "");
            try {
                for (int rep = 1; rep <= repetitions; rep++) {
                    for (String load : loads) {
                        int[] pw = parseLoad(load);
                        // Take turns at going first, so no relay always gets the quieter machine.
                        List<ListeningProcess> order = new ArrayList<>(relays);
                        java.util.Collections.rotate(order, rep - 1);
                        for (ListeningProcess relay : order) {
                            LoadResult r = new PairLoad(probe).run(relay.name(), URI.create("ws://127.0.0.1:" + relay.port() + "/"),
                                    relay.pid(), pw[0], pw[1], Duration.ofSeconds(warmupSeconds), Duration.ofSeconds(seconds));
                            results.add(r);
                            System.out.printf(Locale.ROOT, "%-9s %3d × %-3d %9.0f msgs/s  p50 %6.0f µs  p99 %7.0f µs  relay CPU %4.0f %%  client CPU %4.0f %%  errors %d%n",
                                    r.relay(), r.pairs(), r.window(), r.messagesPerSecond(), r.p50Micros(), r.p99Micros(),
                                    r.relayCpuPercent(), r.clientCpuPercent(), r.errors());
                        }
                    }
                }
            } finally {
                closeAll(relays);
            }
        }
        List<IdleResult> idle = new ArrayList<>();
        if (!skipIdle) {
            // One relay at a time, each freshly started, so no other relay's connections share the machine's memory.
            for (RelayStart start : relayStarts(unitOptions)) {
                try (ListeningProcess relay = start.start(logs, "-idle")) {
                    Thread.sleep(3000);
                    IdleResult r = new IdleConnections(probe).run(relay, !relay.name().equals(RelayReport.NODE), idleCap, idleSources);
                    idle.add(r);
                    System.out.printf(Locale.ROOT, "idle %s: %d opened, %d still open (%s); PSS %.1f → %.1f MiB, %.1f KiB each, %.1f KiB each after the first %d%n",
                            r.relay(), r.opened(), r.stillOpen(), r.stopReason(), r.pssIdleMib(), r.pssLoadedMib(),
                            r.pssPerConnectionKib(), r.pssMarginalPerConnectionKib(), r.firstBatch());
                }
            }
        }
        String loadAfter = Machine.loadAverages();
        String markdown = markdown(results, idle, unitOptions, started, loadBefore, loadAfter);
        String stamp = started.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Files.writeString(out.resolve("relay-" + stamp + ".md"), markdown, StandardCharsets.UTF_8);
        Files.writeString(out.resolve("relay-latest.md"), markdown, StandardCharsets.UTF_8);
        Gson gson = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().disableHtmlEscaping().create();
        JsonObject json = new JsonObject();
        json.addProperty("started", started.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        json.addProperty("machine", Machine.describe());
        json.addProperty("node", Machine.commandOutput(node, "--version"));
        json.addProperty("loadBefore", loadBefore);
        json.addProperty("loadAfter", loadAfter);
        json.add("loads", gson.toJsonTree(results));
        json.add("serverJvmOptions", gson.toJsonTree(unitOptions));
        if (compareJvmOptions != null) {
            json.addProperty("compareJvmOptions", compareJvmOptions);
        }
        if (!idle.isEmpty()) {
            json.add("idle", gson.toJsonTree(idle));
        }
        Files.writeString(out.resolve("relay-" + stamp + ".json"), gson.toJson(json), StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(markdown);
        System.out.println("written: " + out.resolve("relay-" + stamp + ".md") + " and .json");
        return 0;
    }

    /** Starts one relay; {@code suffix} tells its log apart. */
    private interface RelayStart {
        ListeningProcess start(Path logs, String suffix) throws Exception;
    }

    /** Starts Roomcall with the unit's options, Roomcall with the compared options, or Node. */
    ListeningProcess startCapacityRelay(String which, List<String> unitOptions, Path logs) throws Exception {
        return switch (which) {
            case "roomcall" -> startRoomcall(RelayReport.ROOMCALL, unitOptions, logs.resolve("relay-roomcall-capacity.log"));
            case "roomcall-compare" -> startRoomcall(compareLabel(), compareOptions(),
                    logs.resolve("relay-roomcall-compare-capacity.log"));
            case "node" -> startNode(logs.resolve("relay-node-capacity.log"));
            default -> throw new IllegalArgumentException("--capacity-relays takes roomcall and node, not '" + which + "'");
        };
    }

    /** The relays of a capacity run in order: with --compare-jvm-options, a second Roomcall right after the first. */
    List<String> capacityRelayOrder() {
        List<String> order = new ArrayList<>();
        for (String which : capacityRelays) {
            order.add(which.strip());
            if (which.strip().equals("roomcall") && compareJvmOptions != null) {
                order.add("roomcall-compare");
            }
        }
        return order;
    }

    private List<String> compareOptions() {
        return List.of(compareJvmOptions.strip().split("\\s+"));
    }

    /** Roomcall with the unit's options, Roomcall with the compared options (if any), Node. */
    private List<RelayStart> relayStarts(List<String> unitOptions) {
        List<RelayStart> starts = new ArrayList<>();
        starts.add((logs, suffix) -> startRoomcall(RelayReport.ROOMCALL, unitOptions, logs.resolve("relay-roomcall" + suffix + ".log")));
        if (compareJvmOptions != null) {
            starts.add((logs, suffix) -> startRoomcall(compareLabel(), compareOptions(),
                    logs.resolve("relay-roomcall-compare" + suffix + ".log")));
        }
        starts.add((logs, suffix) -> startNode(logs.resolve("relay-node" + suffix + ".log")));
        return starts;
    }

    private List<ListeningProcess> startRelays(List<String> unitOptions, Path logs, String suffix) throws Exception {
        List<ListeningProcess> relays = new ArrayList<>();
        try {
            for (RelayStart start : relayStarts(unitOptions)) {
                relays.add(start.start(logs, suffix));
            }
            return relays;
        } catch (Exception e) {
            closeAll(relays);
            throw e;
        }
    }

    private String compareLabel() {
        return RelayReport.ROOMCALL + " " + compareJvmOptions.strip();
    }

    private static void closeAll(List<ListeningProcess> relays) {
        for (ListeningProcess relay : relays) {
            relay.close();
        }
    }

    private ListeningProcess startRoomcall(String name, List<String> jvmOptions, Path log) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(serverJvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), RoomcallRelayMain.class.getName(), "0"));
        return ListeningProcess.start(name, command, Path.of("."), log, START_TIMEOUT);
    }

    private ListeningProcess startNode(Path log) throws Exception {
        Path dir = NodeRelay.install(nodeRelay, log.getParent());
        List<String> command = new ArrayList<>(NodeRelay.command(NodeRelay.Setup.benchmark()));
        command.set(0, node);
        return ListeningProcess.start(RelayReport.NODE, command, dir, log, START_TIMEOUT);
    }

    private String markdown(List<LoadResult> results, List<IdleResult> idle, List<String> unitOptions,
                            ZonedDateTime started, String loadBefore, String loadAfter) {
        StringBuilder md = new StringBuilder();
        md.append("Measured ").append(started.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(" on ")
                .append(Machine.describe()).append("; Node ").append(Machine.commandOutput(node, "--version"))
                .append(", ws 8.23.0. Load average (1/5/15 min) before: ").append(loadBefore).append(", after: ")
                .append(loadAfter).append(".\n\n");
        md.append("\"").append(RelayReport.ROOMCALL).append("\" runs with the JVM options of ").append(serverUnit)
                .append(": `").append(String.join(" ", unitOptions)).append("`.\n\n");
        if (!results.isEmpty()) {
            md.append("Closed loop over loopback: per pair, the given number of ~200-byte ICE-candidate messages in flight,")
                    .append(" each answered on arrival; ").append(warmupSeconds).append(" s warm-up, ").append(seconds)
                    .append(" s measured, ").append(repetitions).append(" repetition(s). Latency is one way, sender → relay → receiver.\n\n");
            md.append(RelayReport.comparison(results)).append('\n');
            md.append(RelayReport.runs(results)).append('\n');
        }
        if (!idle.isEmpty()) {
            md.append("Idle connections, two per room, one relay at a time:\n\n").append(RelayReport.idle(idle));
        }
        return md.toString();
    }

    static int[] parseLoad(String load) {
        String[] parts = load.trim().toLowerCase(Locale.ROOT).split("x");
        if (parts.length != 2) {
            throw new IllegalArgumentException("a load is PAIRSxIN_FLIGHT, e.g. 10x8; got '" + load + "'");
        }
        int pairs = Integer.parseInt(parts[0].trim());
        int window = Integer.parseInt(parts[1].trim());
        if (pairs < 1 || window < 1 || window > 64) {
            throw new IllegalArgumentException("need ≥ 1 pair and 1..64 messages in flight (the servers queue at most 64): " + load);
        }
        return new int[] {pairs, window};
    }
}
