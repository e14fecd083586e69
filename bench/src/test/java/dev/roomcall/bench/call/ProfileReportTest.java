package dev.roomcall.bench.call;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.bench.proc.CpuProfile;
import dev.roomcall.bench.proc.ThreadCpu;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProfileReportTest {

    private static CpuProfile app(double encode, double camera) {
        return new CpuProfile(30, List.of(
                new ThreadCpu("java", "EncoderQueue", 11, encode),
                new ThreadCpu("java", "roomcall-fake-c", 12, camera),
                new ThreadCpu("java", "GC Thread#0", 13, 0.01)));
    }

    @Test
    void theAppsThreadsAreGroupedByKindOfWorkWithMediansAndTheirShareOfTheTotal() {
        String table = ProfileReport.table(List.of(app(8, 2), app(10, 0), app(9, 1)),
                ProfileReport.grouping(Side.ROOMCALL), "kind of work").replaceAll(" +", " ");
        assertTrue(table.contains("| video encode (libwebrtc EncoderQueue) | 9.0 (8.0–10.0) | 90 % | EncoderQueue 9.0 |"), table);
        assertTrue(table.contains("| synthetic camera (Java: paint + push; local preview I420 → BGRA) | 1.0 (0.0–2.0) | 10 % | roomcall-fake-c 1.0 |"), table);
        assertTrue(table.contains("| **total** | 10.0 (10.0–10.0) | 100 % | |"), table);
        assertTrue(!table.contains("GC"), "a group that never reached 0.05 % is left out: " + table);
        assertTrue(table.indexOf("video encode") < table.indexOf("synthetic camera"), "largest first: " + table);
    }

    @Test
    void chromiumsThreadsAreGroupedByProcessTypeAndAGroupMissingFromARepetitionCountsAsZeroThere() {
        CpuProfile one = new CpuProfile(30, List.of(new ThreadCpu("renderer", "ThreadPoolForeg", 1, 4),
                new ThreadCpu("renderer", "ThreadPoolForeg", 2, 2), new ThreadCpu("gpu-process", "VizCompositorTh", 3, 12)));
        CpuProfile two = new CpuProfile(30, List.of(new ThreadCpu("renderer", "WebRTC_W_and_N", 1, 5)));
        String table = ProfileReport.table(List.of(one, two), ProfileReport.grouping(Side.CHROMIUM), "process type")
                .replaceAll(" +", " ");
        assertTrue(table.contains("| gpu-process | 6.0 (0.0–12.0) |"), table);
        assertTrue(table.contains("| renderer | 5.5 (5.0–6.0) | 48 % | ThreadPoolForeg 3.0, WebRTC_W_and_N 2.5 |"), table);
    }
}
