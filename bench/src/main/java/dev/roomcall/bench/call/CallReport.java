package dev.roomcall.bench.call;

import dev.roomcall.bench.report.Figures;
import dev.roomcall.bench.report.MarkdownTable;
import dev.roomcall.bench.stats.Summary;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import java.util.function.ToIntFunction;

/** Turns the repetitions into the Markdown table of BENCHMARKS.md: median (range) per side and the ratio. */
final class CallReport {

    private final List<CallSample> samples;

    CallReport(List<CallSample> samples) {
        this.samples = List.copyOf(samples);
    }

    Summary summary(Side side, ToDoubleFunction<CallSample> figure) {
        List<Double> values = new ArrayList<>();
        for (CallSample s : samples) {
            if (s.side() == side && s.ok()) {
                values.add(figure.applyAsDouble(s));
            }
        }
        return Summary.of(values);
    }

    String table() {
        MarkdownTable table = new MarkdownTable("figure (measured side)", "Chromium ↔ Chromium: 2nd Chromium",
                "Roomcall ↔ Chromium: Roomcall", "Roomcall / Chromium", "target");
        figure(table, "set-up: signaling open → connected (ms)", CallSample::connectedMs, 0, "");
        figure(table, "set-up: signaling open → first remote frame (ms)", CallSample::firstFrameMs, 0, "≤ 1×");
        figure(table, "the answering Chromium: offer in → answer out (ms)", CallSample::peerAnswerMs, 0, "");
        figure(table, "the answering Chromium: offer in → its first frame sent (ms)", CallSample::peerOfferToFirstSentMs, 0, "");
        figure(table, "launch → signaling open (ms)", CallSample::startToOpenMs, 0, "");
        figure(table, "launch → first remote frame (ms)", s -> s.startToOpenMs() + s.firstFrameMs(), 0, "");
        figure(table, "CPU, steady call (% of one core)", CallSample::cpuPercent, 1, "≤ 0.6×");
        figure(table, "memory: PSS of the process tree (MiB)", CallSample::pssMib, 0, "≤ 0.5×");
        figure(table, "memory: JVM heap used (MiB)", CallSample::heapMib, 1, "");
        figure(table, "processes in the tree", s -> s.processes(), 0, "");
        figure(table, "received frame rate (fps)", CallSample::receivedFps, 1, "");
        table.row("received resolution", resolution(Side.CHROMIUM, CallSample::receivedWidth, CallSample::receivedHeight),
                resolution(Side.ROOMCALL, CallSample::receivedWidth, CallSample::receivedHeight), "", "same");
        figure(table, "sent frame rate, as decoded by the other side (fps)", CallSample::sentFps, 1, "");
        table.row("sent resolution, as decoded by the other side", resolution(Side.CHROMIUM, CallSample::sentWidth, CallSample::sentHeight),
                resolution(Side.ROOMCALL, CallSample::sentWidth, CallSample::sentHeight), "", "same");
        table.row("sent video codec, as decoded by the other side", mostFrequent(Side.CHROMIUM, CallSample::sentCodec),
                mostFrequent(Side.ROOMCALL, CallSample::sentCodec), "", "");
        figure(table, "reference Chromium's CPU in the same window (%)", CallSample::referenceCpuPercent, 1, "");
        figure(table, "load average (1 min) at window start", CallSample::loadAverage, 2, "");
        return table.render();
    }

    private void figure(MarkdownTable table, String name, ToDoubleFunction<CallSample> figure, int decimals, String target) {
        Summary chromium = summary(Side.CHROMIUM, figure);
        Summary roomcall = summary(Side.ROOMCALL, figure);
        table.row(name, Figures.medianAndRange(chromium, decimals), Figures.medianAndRange(roomcall, decimals),
                Figures.ratio(roomcall.ratioTo(chromium)), target);
    }

    /** The most frequent resolution and how many repetitions had it, e.g. "1280x720 (3/3)". */
    private String resolution(Side side, ToIntFunction<CallSample> width, ToIntFunction<CallSample> height) {
        return mostFrequent(side, s -> width.applyAsInt(s) + "x" + height.applyAsInt(s));
    }

    /** The most frequent value and how many repetitions had it, e.g. "H264 (3/3)". */
    private String mostFrequent(Side side, java.util.function.Function<CallSample, String> value) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        int total = 0;
        for (CallSample s : samples) {
            if (s.side() == side && s.ok()) {
                counts.merge(value.apply(s), 1, Integer::sum);
                total++;
            }
        }
        if (total == 0) {
            return Figures.MISSING;
        }
        Map.Entry<String, Integer> top = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        return top.getKey() + " (" + top.getValue() + "/" + total + ")";
    }

    /** One line per failed repetition, for the report's notes. */
    List<String> failures() {
        List<String> lines = new ArrayList<>();
        for (CallSample s : samples) {
            if (!s.ok()) {
                lines.add(s.side().call + ", repetition " + s.repetition() + ": " + s.error());
            }
        }
        return lines;
    }
}
