package dev.roomcall.bench.proc;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Where a process tree's CPU went over a window: one row per thread.
 *
 * @param seconds length of the window
 * @param threads every thread's use, in percent of one core
 */
public record CpuProfile(double seconds, List<ThreadCpu> threads) {

    public CpuProfile {
        threads = List.copyOf(threads);
    }

    /** The whole tree's use, in percent of one core. */
    public double total() {
        return threads.stream().mapToDouble(ThreadCpu::percent).sum();
    }

    /** Use per group (e.g. per kind of work, or per process type), largest first. */
    public Map<String, Double> byGroup(Function<ThreadCpu, String> group) {
        Map<String, Double> sums = new LinkedHashMap<>();
        threads.forEach(t -> sums.merge(group.apply(t), t.percent(), Double::sum));
        return sortedDescending(sums);
    }

    /**
     * Use per thread name within each group, largest first: threads of one name (e.g. a pool's workers, which share
     * it) are summed, since a name is what a reader can recognise across runs.
     */
    public Map<String, Map<String, Double>> namesByGroup(Function<ThreadCpu, String> group) {
        Map<String, Map<String, Double>> sums = new LinkedHashMap<>();
        threads.forEach(t -> sums.computeIfAbsent(group.apply(t), g -> new LinkedHashMap<>())
                .merge(t.thread(), t.percent(), Double::sum));
        Map<String, Map<String, Double>> sorted = new LinkedHashMap<>();
        sums.forEach((g, names) -> sorted.put(g, sortedDescending(names)));
        return sorted;
    }

    private static Map<String, Double> sortedDescending(Map<String, Double> sums) {
        List<Map.Entry<String, Double>> entries = new ArrayList<>(sums.entrySet());
        entries.sort(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()));
        Map<String, Double> sorted = new LinkedHashMap<>();
        entries.forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }
}
