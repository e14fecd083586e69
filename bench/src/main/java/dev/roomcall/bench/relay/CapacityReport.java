package dev.roomcall.bench.relay;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/** The capacity run as Markdown: one column per relay, then what limits one node, worked out from the numbers. */
final class CapacityReport {

    /** Heap used (not collected) saw-tooths with every young collection: it is judged more loosely. */
    static final double HEAP_TOLERANCE = 0.20;
    static final double THREADS_TOLERANCE = 0.05;
    static final double PSS_TOLERANCE = 0.05;

    private CapacityReport() {}

    static String table(List<CapacityResult> results) {
        StringBuilder md = new StringBuilder("| | ");
        results.forEach(r -> md.append(r.relay()).append(" | "));
        md.append("\n|---|");
        results.forEach(r -> md.append("---:|"));
        md.append('\n');
        row(md, results, "idle members open / asked (at the end)", r -> r.idleStillOpen() + " / " + r.idleRequested()
                + (r.idleStopReason() == null ? "" : " (" + r.idleStopReason() + ")"));
        row(md, results, "active pairs × messages/s per member, seconds", r -> r.pairs() + " × " + fmt(r.perSecond())
                + ", " + fmt(r.seconds()));
        row(md, results, "PSS empty → with idle members, MiB", r -> fmt(r.pssBeforeMib()) + " → " + fmt(r.pssIdleMib()));
        row(md, results, "**PSS per idle member, KiB**", r -> "**" + fmt(r.pssPerIdleKib()) + "**");
        row(md, results, "live heap empty → with idle members, MiB (of max)", r -> Double.isNaN(r.heapBeforeMib()) ? "–"
                : fmt(r.heapBeforeMib()) + " → " + fmt(r.heapIdleMib()) + " (" + fmt(r.maxHeapMib()) + ")");
        row(md, results, "live heap per idle member, KiB", r -> fmt(r.heapPerIdleKib()));
        row(md, results, "live heap after the pairs stopped, MiB", r -> fmt(r.heapAfterMib()));
        row(md, results, "heap used under load min–max MiB, growth, verdict", r -> range(r, CapacitySample::heapUsedMib, HEAP_TOLERANCE));
        row(md, results, "threads min–max, growth, verdict", r -> range(r, s -> s.threads(), THREADS_TOLERANCE));
        row(md, results, "PSS under load min–max MiB, growth, verdict", r -> range(r, CapacitySample::pssMib, PSS_TOLERANCE));
        row(md, results, "file descriptors open (max) / limit", r -> r.samples().stream().mapToInt(CapacitySample::fds).max().orElse(0)
                + " / " + r.fdLimit());
        row(md, results, "messages delivered (msgs/s)", r -> r.delivered() + " (" + fmt(r.delivered() / r.seconds()) + ")");
        row(md, results, "latency p50 / **p99** / p99.9 / max, µs", r -> r.latency()[0] + " / **" + r.latency()[1] + "** / "
                + r.latency()[2] + " / " + r.latency()[3]);
        row(md, results, "**lost / late or duplicate / misdelivered**", r -> "**" + r.tally().lost() + " / "
                + r.tally().lateOrDuplicate() + " / " + r.tally().misdelivered() + "** of " + r.tally().sent());
        row(md, results, "pair errors (closed, failed sends)", r -> Long.toString(r.errors()));
        row(md, results, "relay CPU, % of one core", r -> fmt(r.relayCpuPercent()));
        row(md, results, "load generator CPU, % of one core", r -> fmt(r.clientCpuPercent()));
        return md.toString();
    }

    /** What one node runs out of first, from the measured costs: file descriptors, heap, CPU. */
    static String limits(CapacityResult r) {
        double fdPerMember = 1; // one socket per connected member; the rest of the relay's descriptors are fixed
        int fdsNow = r.samples().stream().mapToInt(CapacitySample::fds).max().orElse(0);
        int members = r.idleStillOpen() + 2 * r.pairs();
        long byFds = (long) ((r.fdLimit() - (fdsNow - members * fdPerMember)) / fdPerMember);
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "- %s: file descriptors allow about %,d members (limit %,d, %,d open now for %,d members)",
                r.relay(), byFds, r.fdLimit(), fdsNow, members));
        if (!Double.isNaN(r.maxHeapMib()) && r.heapPerIdleKib() > 0) {
            long byHeap = (long) ((r.maxHeapMib() - r.heapBeforeMib()) * 1024 / r.heapPerIdleKib());
            s.append(String.format(Locale.ROOT, "; the heap (%.0f MiB, %.1f KiB live per idle member) about %,d members",
                    r.maxHeapMib(), r.heapPerIdleKib(), byHeap));
        }
        double msgsPerSecond = r.delivered() / r.seconds();
        if (r.relayCpuPercent() > 0) {
            s.append(String.format(Locale.ROOT, "; CPU: %.0f msgs/s took %.1f %% of a core, so one core relays about %,.0f msgs/s"
                    + " (the idle members' cost, such as a heartbeat, included)", msgsPerSecond, r.relayCpuPercent(),
                    msgsPerSecond * 100 / r.relayCpuPercent()));
        }
        return s.append(".\n").toString();
    }

    private static String range(CapacityResult r, ToDoubleFunction<CapacitySample> value, double tolerance) {
        List<Double> values = r.samples().stream().map(value::applyAsDouble).filter(v -> !Double.isNaN(v)).toList();
        if (values.size() < 3) {
            return "–";
        }
        Flatness f = Flatness.of(values, tolerance);
        double min = values.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double max = values.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        return fmt(min) + "–" + fmt(max) + ", " + String.format(Locale.ROOT, "%+.1f %%", f.growth() * 100)
                + (f.flat() ? ", flat" : ", **growing**");
    }

    private interface Cell {
        String of(CapacityResult r);
    }

    private static void row(StringBuilder md, List<CapacityResult> results, String label, Cell cell) {
        md.append("| ").append(label).append(" | ");
        results.forEach(r -> md.append(cell.of(r)).append(" | "));
        md.append('\n');
    }

    private static String fmt(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        return Math.abs(v) >= 100 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v);
    }
}
