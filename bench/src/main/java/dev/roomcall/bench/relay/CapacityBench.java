package dev.roomcall.bench.relay;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import dev.roomcall.bench.proc.TreeProbe;
import dev.roomcall.bench.report.Machine;
import dev.roomcall.testkit.ListeningProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code bench/run.sh relay --capacity}: each chosen relay freshly started alone, put under the capacity load, reported. */
final class CapacityBench {

    private final RelayBench options;
    private final TreeProbe probe;
    private final Path logs;
    private final ZonedDateTime started;
    private final String loadBefore;
    private final List<String> unitOptions;

    CapacityBench(RelayBench options, TreeProbe probe, Path logs, ZonedDateTime started, String loadBefore,
                  List<String> unitOptions) {
        this.options = options;
        this.probe = probe;
        this.logs = logs;
        this.started = started;
        this.loadBefore = loadBefore;
        this.unitOptions = unitOptions;
    }

    int run() throws Exception {
        int rooms = options.capacityRooms == null ? options.capacityIdle / 2 : options.capacityRooms;
        if (options.capacityIdle < 0 || options.capacityIdle % 2 != 0 || rooms * 2 != options.capacityIdle) {
            throw new IllegalArgumentException("idle members come two per room: --capacity-idle must be even and twice"
                    + " --capacity-rooms; got " + options.capacityIdle + " and " + rooms);
        }
        if (options.capacityPairs < 1 || options.capacityRate <= 0 || options.capacityMinutes <= 0
                || options.capacitySampleSeconds < 1 || options.capacityWarmupSeconds < 0
                || options.capacityWarmupSeconds >= options.capacityMinutes * 60) {
            throw new IllegalArgumentException("need ≥ 1 pair, a rate > 0, minutes > 0, samples ≥ 1 s apart and a"
                    + " warm-up ≥ 0 s shorter than the run");
        }
        CapacityRun load = new CapacityRun(probe, options.capacityIdle, options.capacityPairs, options.capacityRate,
                Duration.ofMillis((long) (options.capacityMinutes * 60_000)),
                Duration.ofSeconds(options.capacitySampleSeconds), Duration.ofSeconds(options.capacityWarmupSeconds),
                options.idleSources);
        String stamp = started.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        List<CapacityResult> results = new ArrayList<>();
        for (String which : options.capacityRelayOrder()) {
            try (ListeningProcess relay = options.startCapacityRelay(which, unitOptions, logs)) {
                Thread.sleep(3000);
                results.add(load.run(relay, which.startsWith("roomcall"),
                        options.out.resolve("capacity-" + stamp + "-" + which + "-timeline.csv")));
            }
        }
        String loadAfter = Machine.loadAverages();
        String markdown = markdown(results, loadAfter);
        Files.writeString(options.out.resolve("capacity-" + stamp + ".md"), markdown, StandardCharsets.UTF_8);
        Gson gson = new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().disableHtmlEscaping().create();
        JsonObject json = new JsonObject();
        json.addProperty("started", started.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        json.addProperty("machine", Machine.describe());
        json.addProperty("loadBefore", loadBefore);
        json.addProperty("loadAfter", loadAfter);
        json.add("serverJvmOptions", gson.toJsonTree(unitOptions));
        if (options.compareJvmOptions != null) {
            json.addProperty("compareJvmOptions", options.compareJvmOptions);
        }
        json.add("results", gson.toJsonTree(results));
        Files.writeString(options.out.resolve("capacity-" + stamp + ".json"), gson.toJson(json), StandardCharsets.UTF_8);
        System.out.println();
        System.out.println(markdown);
        System.out.println("written: " + options.out.resolve("capacity-" + stamp + ".md") + " and .json");
        boolean clean = results.stream().allMatch(r -> r.tally().clean() && r.idleStillOpen() == r.idleRequested());
        return clean ? 0 : 1;
    }

    private String markdown(List<CapacityResult> results, String loadAfter) {
        StringBuilder md = new StringBuilder();
        md.append("Measured ").append(started.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)).append(" on ")
                .append(Machine.describe()).append(". Load average (1/5/15 min) before: ").append(loadBefore)
                .append(", after: ").append(loadAfter).append(". The load generator's open-files limit: ")
                .append(ProcStatus.maxOpenFilesOf(ProcessHandle.current().pid())).append(".\n\n");
        md.append("\"").append(RelayReport.ROOMCALL).append("\" runs with the JVM options of ").append(options.serverUnit)
                .append(": `").append(String.join(" ", unitOptions)).append("`; its members join with `roomcall.v1`.")
                .append(options.compareJvmOptions == null ? "" : " \"" + RelayReport.ROOMCALL + " " + options.compareJvmOptions.strip()
                        + "\" is the same server with those JVM options instead, started after it.")
                .append("\n\n");
        md.append(String.format(Locale.ROOT, "Idle members two per room from %d loopback addresses, then %d active rooms of"
                + " two, each member sending %s numbered ~230-byte candidates a second (open loop), read every %d s;"
                + " latencies from the first sample at or after %d s of sending on.%n%n",
                options.idleSources, options.capacityPairs, options.capacityRate, options.capacitySampleSeconds,
                options.capacityWarmupSeconds));
        md.append(CapacityReport.table(results)).append('\n');
        md.append("What limits one node:\n\n");
        results.forEach(r -> md.append(CapacityReport.limits(r)));
        return md.toString();
    }
}
