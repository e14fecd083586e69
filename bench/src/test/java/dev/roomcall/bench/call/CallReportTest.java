package dev.roomcall.bench.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CallReportTest {

    private static CallSample sample(Side side, int rep, double firstFrame, double cpu, double pss, int width) {
        return new CallSample(side, rep, 900, firstFrame - 50, firstFrame, 20, firstFrame - 60, cpu, pss,
                side == Side.ROOMCALL ? 12.5 : Double.NaN, side == Side.ROOMCALL ? 1 : 11,
                30, width, 720, 29.5, 1280, 720, side == Side.ROOMCALL ? "H264" : "VP8", 60, 1.5, 30, null, null);
    }

    @Test
    void eachFigureShowsBothMediansWithTheirRangesAndTheRatio() {
        CallReport report = new CallReport(List.of(
                sample(Side.CHROMIUM, 1, 700, 60, 400, 1280), sample(Side.ROOMCALL, 1, 250, 30, 120, 1280),
                sample(Side.CHROMIUM, 2, 800, 64, 410, 1280), sample(Side.ROOMCALL, 2, 300, 33, 130, 1280),
                sample(Side.CHROMIUM, 3, 750, 62, 405, 640), sample(Side.ROOMCALL, 3, 280, 90, 125, 1280)));
        String table = report.table();
        String squeezed = table.replaceAll(" +", " ");
        assertTrue(squeezed.contains("| CPU, steady call (% of one core) | 62.0 (60.0–64.0) | 33.0 (30.0–90.0) | 0.53× | ≤ 0.6× |"), table);
        assertTrue(squeezed.contains("| set-up: signaling open → first remote frame (ms) | 750 (700–800) | 280 (250–300) | 0.37× | ≤ 1× |"), table);
        assertTrue(squeezed.contains("| memory: JVM heap used (MiB) | – | 12.5 (12.5–12.5) | – | |"), table);
        // The answering Chromium's own share of the set-up, which no caller can shorten (sample: first frame - 60).
        assertTrue(squeezed.contains("| the answering Chromium: offer in → its first frame sent (ms) | 690 (640–740) | 220 (190–240) | 0.32× | |"), table);
        assertTrue(squeezed.contains("| received resolution | 1280x720 (2/3) | 1280x720 (3/3) | | same |"), table);
        assertTrue(squeezed.contains("| sent video codec, as decoded by the other side | VP8 (3/3) | H264 (3/3) | | |"), table);
    }

    @Test
    void aFailedRepetitionIsListedAndLeftOutOfTheMedians() {
        CallReport report = new CallReport(List.of(
                sample(Side.CHROMIUM, 1, 700, 60, 400, 1280),
                CallSample.failed(Side.ROOMCALL, 1, "IllegalStateException: no 'connected' event"),
                sample(Side.ROOMCALL, 2, 300, 30, 120, 1280)));
        assertEquals(List.of("Roomcall ↔ Chromium, repetition 1: IllegalStateException: no 'connected' event"), report.failures());
        assertEquals(1, report.summary(Side.ROOMCALL, CallSample::cpuPercent).count());
        assertEquals(30.0, report.summary(Side.ROOMCALL, CallSample::cpuPercent).median(), 1e-9);
    }
}
