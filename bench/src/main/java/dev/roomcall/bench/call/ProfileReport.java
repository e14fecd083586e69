package dev.roomcall.bench.call;

import dev.roomcall.bench.proc.CpuProfile;
import dev.roomcall.bench.proc.ThreadCpu;
import dev.roomcall.bench.report.Figures;
import dev.roomcall.bench.report.MarkdownTable;
import dev.roomcall.bench.stats.Summary;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Where the measured side's CPU went in the steady window: the app's threads by kind of work, Chromium's by
 * process type. Each row is the median over the repetitions (a group missing from a repetition counts as 0 there),
 * with the thread names that cost most in it.
 */
final class ProfileReport {

    /** Thread names listed per row. */
    static final int NAMES_PER_ROW = 4;

    private final List<CallSample> samples;

    ProfileReport(List<CallSample> samples) {
        this.samples = List.copyOf(samples);
    }

    /** How a side's threads are grouped: the app's by what they do, Chromium's by the process they run in. */
    static Function<ThreadCpu, String> grouping(Side side) {
        return side == Side.ROOMCALL ? t -> AppThreads.category(t.thread()) : ThreadCpu::process;
    }

    /** The Markdown tables of every side that has a profile; empty if none has. */
    String tables() {
        StringBuilder md = new StringBuilder();
        for (Side side : Side.values()) {
            List<CpuProfile> profiles = profiles(side);
            if (profiles.isEmpty()) {
                continue;
            }
            md.append("\n").append(side.measured).append(", ").append(side == Side.ROOMCALL ? "threads by kind of work" : "threads by process type")
                    .append(" (% of one core; median of ").append(profiles.size()).append("):\n\n");
            md.append(table(profiles, grouping(side), side == Side.ROOMCALL ? "kind of work" : "process type"));
        }
        return md.toString();
    }

    /** One table: a row per group, largest median first, and the total. */
    static String table(List<CpuProfile> profiles, Function<ThreadCpu, String> grouping, String groupTitle) {
        List<Map<String, Double>> groups = new ArrayList<>();
        List<Map<String, Map<String, Double>>> names = new ArrayList<>();
        Set<String> all = new LinkedHashSet<>();
        for (CpuProfile p : profiles) {
            groups.add(p.byGroup(grouping));
            names.add(p.namesByGroup(grouping));
            all.addAll(groups.get(groups.size() - 1).keySet());
        }
        Map<String, Summary> perGroup = new LinkedHashMap<>();
        for (String group : all) {
            perGroup.put(group, Summary.of(groups.stream().map(g -> g.getOrDefault(group, 0.0)).toList()));
        }
        Summary total = Summary.of(profiles.stream().map(CpuProfile::total).toList());
        MarkdownTable table = new MarkdownTable(groupTitle, "% of one core", "share", "threads (median %)");
        perGroup.entrySet().stream()
                .sorted(Map.Entry.<String, Summary>comparingByValue(Comparator.comparingDouble(Summary::median)).reversed())
                .filter(e -> e.getValue().max() >= 0.05)
                .forEach(e -> table.row(e.getKey(), Figures.medianAndRange(e.getValue(), 1),
                        Figures.number(100 * e.getValue().median() / total.median(), 0) + " %",
                        topNames(names, e.getKey())));
        table.row("**total**", Figures.medianAndRange(total, 1), "100 %", "");
        return table.render();
    }

    /** The group's most costly thread names, each with its median over the profiles, e.g. "EncoderQueue 8.1". */
    private static String topNames(List<Map<String, Map<String, Double>>> profiles, String group) {
        Set<String> names = new LinkedHashSet<>();
        profiles.forEach(p -> names.addAll(p.getOrDefault(group, Map.of()).keySet()));
        Map<String, Double> medians = new LinkedHashMap<>();
        for (String name : names) {
            medians.put(name, Summary.of(profiles.stream()
                    .map(p -> p.getOrDefault(group, Map.of()).getOrDefault(name, 0.0)).toList()).median());
        }
        List<String> top = medians.entrySet().stream()
                .filter(e -> e.getValue() >= 0.05)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(NAMES_PER_ROW)
                .map(e -> e.getKey() + " " + String.format(Locale.ROOT, "%.1f", e.getValue()))
                .toList();
        return String.join(", ", top);
    }

    private List<CpuProfile> profiles(Side side) {
        return samples.stream().filter(s -> s.side() == side && s.ok() && s.profile() != null).map(CallSample::profile).toList();
    }
}
