package dev.roomcall.bench.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuProfileTest {

    private final CpuProfile profile = new CpuProfile(30, List.of(
            new ThreadCpu("renderer", "ThreadPoolForeg", 1, 3.0),
            new ThreadCpu("renderer", "WebRTC_W_and_N", 2, 6.0),
            new ThreadCpu("renderer", "ThreadPoolForeg", 3, 4.0),
            new ThreadCpu("gpu-process", "VizCompositorTh", 4, 12.0),
            new ThreadCpu("browser", "chromium", 5, 0.5)));

    @Test
    void groupsAreSummedAndListedLargestFirst() {
        assertEquals(List.of(Map.entry("renderer", 13.0), Map.entry("gpu-process", 12.0), Map.entry("browser", 0.5)),
                List.copyOf(profile.byGroup(ThreadCpu::process).entrySet()));
        assertEquals(25.5, profile.total(), 1e-9);
    }

    @Test
    void threadsOfOneNameInAGroupAreSummedLargestFirst() {
        Map<String, Double> renderer = profile.namesByGroup(ThreadCpu::process).get("renderer");
        assertEquals(List.of(Map.entry("ThreadPoolForeg", 7.0), Map.entry("WebRTC_W_and_N", 6.0)),
                List.copyOf(renderer.entrySet()));
    }
}
