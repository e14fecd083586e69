package dev.roomcall.bench.relay;

import dev.roomcall.bench.report.Figures;
import dev.roomcall.bench.report.MarkdownTable;
import java.util.ArrayList;
import java.util.List;

/** The relay tables: each run, then Roomcall against Node per load. */
final class RelayReport {

    static final String ROOMCALL = "Roomcall";
    static final String NODE = "Node ws";

    private RelayReport() {}

    static String runs(List<LoadResult> results) {
        MarkdownTable table = new MarkdownTable("pairs × in flight", "relay", "msgs/s", "p50 µs", "p99 µs", "p99.9 µs",
                "max µs", "relay CPU %", "relay CPU µs/msg", "client CPU %", "relay PSS MiB", "errors");
        for (LoadResult r : results) {
            table.row(r.pairs() + " × " + r.window(), r.relay(), Figures.number(r.messagesPerSecond(), 0),
                    Figures.number(r.p50Micros(), 0), Figures.number(r.p99Micros(), 0), Figures.number(r.p999Micros(), 0),
                    Figures.number(r.maxMicros(), 0), Figures.number(r.relayCpuPercent(), 0),
                    Figures.number(r.relayCpuMicrosPerMessage(), 1), Figures.number(r.clientCpuPercent(), 0), Figures.number(r.relayPssMib(), 0), Long.toString(r.errors()));
        }
        return table.render();
    }

    /** Per load, the medians over repetitions of Roomcall against Node: throughput ratio and p99 ratio. */
    static String comparison(List<LoadResult> results) {
        MarkdownTable table = new MarkdownTable("pairs × in flight", "Roomcall msgs/s", "Node msgs/s",
                "throughput Roomcall / Node", "Roomcall p99 µs", "Node p99 µs", "p99 Roomcall / Node",
                "relay CPU per msg Roomcall / Node", "target");
        List<String> loads = new ArrayList<>();
        for (LoadResult r : results) {
            String key = r.pairs() + " × " + r.window();
            if (!loads.contains(key)) {
                loads.add(key);
            }
        }
        for (String load : loads) {
            double roomcallRate = median(results, load, ROOMCALL, true);
            double nodeRate = median(results, load, NODE, true);
            double roomcallP99 = median(results, load, ROOMCALL, false);
            double nodeP99 = median(results, load, NODE, false);
            double cpuRatio = median(results, load, ROOMCALL, LoadResult::relayCpuMicrosPerMessage)
                    / median(results, load, NODE, LoadResult::relayCpuMicrosPerMessage);
            table.row(load, Figures.number(roomcallRate, 0), Figures.number(nodeRate, 0), Figures.ratio(roomcallRate / nodeRate),
                    Figures.number(roomcallP99, 0), Figures.number(nodeP99, 0), Figures.ratio(roomcallP99 / nodeP99),
                    Figures.ratio(cpuRatio), "≥ 2× at ≤ 1× p99");
        }
        return table.render();
    }

    static String idle(List<IdleResult> results) {
        MarkdownTable table = new MarkdownTable("relay", "connections open / opened", "stopped because",
                "PSS idle MiB", "PSS with the first batch MiB", "PSS with them MiB", "PSS per connection KiB", "PSS per connection after the first batch KiB",
                "live heap per connection KiB");
        for (IdleResult r : results) {
            table.row(r.relay(), r.stillOpen() + " / " + r.opened(), r.stopReason(), Figures.number(r.pssIdleMib(), 1),
                    r.firstBatch() + ": " + Figures.number(r.pssFirstBatchMib(), 1), Figures.number(r.pssLoadedMib(), 1), Figures.number(r.pssPerConnectionKib(), 1),
                    Figures.number(r.pssMarginalPerConnectionKib(), 1), Figures.number(r.bytesPerConnection() / 1024, 1));
        }
        return table.render();
    }

    private static double median(List<LoadResult> results, String load, String relay, boolean rate) {
        return median(results, load, relay, rate ? LoadResult::messagesPerSecond : LoadResult::p99Micros);
    }

    private static double median(List<LoadResult> results, String load, String relay,
                                 java.util.function.ToDoubleFunction<LoadResult> figure) {
        List<Double> values = new ArrayList<>();
        for (LoadResult r : results) {
            if ((r.pairs() + " × " + r.window()).equals(load) && r.relay().equals(relay)) {
                values.add(figure.applyAsDouble(r));
            }
        }
        return dev.roomcall.bench.stats.Summary.of(values).median();
    }
}
