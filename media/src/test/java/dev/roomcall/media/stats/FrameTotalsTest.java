package dev.roomcall.media.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.onvoid.webrtc.RTCStats;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.RTCStatsType;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrameTotalsTest {

    private final FrameTotals totals = new FrameTotals();

    @Test
    void withEveryStreamStillThereTheTotalsAreTheReportsOwnSums() {
        CallStats stats = next(camera("IC", 300), sent("OC", 290), sent("OS", 40));

        assertEquals(300, stats.framesDecoded());
        assertEquals(330, stats.framesSent());
    }

    @Test
    void aReceivedScreenThatLeavesTheReportKeepsItsFramesInTheTotal() {
        next(camera("IC", 300), camera("IS", 120));
        next(camera("IC", 330), camera("IS", 150));

        CallStats afterTheShareEnded = next(camera("IC", 360));

        assertEquals(360 + 150, afterTheShareEnded.framesDecoded());
        assertEquals(390 + 150, next(camera("IC", 390)).framesDecoded());
    }

    @Test
    void aSentScreenThatStopsKeepsItsFramesInTheTotal() {
        next(sent("OC", 100), sent("OS", 50));

        assertEquals(130 + 50, next(sent("OC", 130)).framesSent());
    }

    @Test
    void aStreamThatComesBackUnderANewIdCountsFromItsOwnStart() {
        next(camera("IS1", 80));
        next(camera("IC", 10));

        assertEquals(10 + 80 + 5, next(camera("IC", 10), camera("IS2", 5)).framesDecoded());
    }

    @Test
    void audioStreamsAndAnEmptyReportChangeNothing() {
        next(camera("IC", 300));
        CallStats emptyRound = totals.carry(null, CallStats.EMPTY);

        assertEquals(300, emptyRound.framesDecoded());
        assertEquals(300 + 20, next(camera("IC2", 20), stats(RTCStatsType.INBOUND_RTP, "IA",
                Map.of("kind", "audio", "framesDecoded", 999L))).framesDecoded());
    }

    private CallStats next(RTCStats... entries) {
        RTCStatsReport report = report(entries);
        return totals.carry(report, CallStatsMapper.map(report));
    }

    private static RTCStats camera(String id, long frames) {
        return stats(RTCStatsType.INBOUND_RTP, id, Map.of("kind", "video", "framesDecoded", frames));
    }

    private static RTCStats sent(String id, long frames) {
        return stats(RTCStatsType.OUTBOUND_RTP, id, Map.of("kind", "video", "framesSent", frames));
    }

    private static RTCStatsReport report(RTCStats... entries) {
        Map<String, RTCStats> byId = new HashMap<>();
        for (RTCStats entry : List.of(entries)) {
            byId.put(entry.getId(), entry);
        }
        return new RTCStatsReport(byId, 1L) {};
    }

    private static RTCStats stats(RTCStatsType type, String id, Map<String, Object> attributes) {
        return new RTCStats(1L, type, id, attributes) {};
    }
}
