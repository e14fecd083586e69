package dev.roomcall.app.call;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.server.ServerConfig;
import dev.roomcall.server.SignalingServer;
import dev.roomcall.signaling.RoomCode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Thirty calls in a row in one process, as a person who calls all day would make them: every one connects and
 * shows video, and what a finished call used is given back, so the thread count stays flat. (webrtc-java 0.14
 * never frees a closed peer connection's native memory; this test writes what each call costs in resident memory
 * to target/repeated-calls.md, and BENCHMARKS.md keeps the measured figures: a limit there, not here.)
 */
class RepeatedCallsTest {
    private static final int CALLS = 30;
    private static final Duration WAIT = Duration.ofSeconds(20);
    /** Threads a warmed-up process may still start later (JIT compilers, a ForkJoin worker): not per call. */
    private static final int THREAD_SLACK = 8;

    private record Sample(int call, int threads, long rssKiB, long heapUsedKiB) {}

    @Test
    void thirtyCallsInARowAllConnectAndLeaveNoThreadsBehind() throws Exception {
        List<Sample> samples = new ArrayList<>();
        try (SignalingServer server = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0)
                // Sixty joins from one address in a minute would trip the brute-force guard, rightly.
                .joinLimit(1_000, Duration.ofSeconds(1)).build())) {
            for (int call = 1; call <= CALLS; call++) {
                oneCall(server, call);
                samples.add(sample(call));
            }
        }
        writeReport(samples);

        Sample settled = samples.get(2); // after the third call every pool and cache has been made once
        Sample last = samples.get(samples.size() - 1);
        assertTrue(last.threads() <= settled.threads() + THREAD_SLACK,
                "threads grow with calls: " + settled.threads() + " after call 3, " + last.threads() + " after call "
                        + CALLS + "; samples " + samples);
    }

    private static void oneCall(SignalingServer server, int n) throws InterruptedException {
        String room = RoomCode.newRoomName();
        EventLog first = new EventLog("call " + n + " first");
        EventLog second = new EventLog("call " + n + " second");
        CallController a = CallController.start(new CallOptions(server.uri(), room, Role.AUTO, List.of(), false, null), TestEngine.get(), first);
        CallController b = null;
        try {
            first.await(CallEvent.Joined.class, WAIT);
            b = CallController.start(new CallOptions(server.uri(), room, Role.AUTO, List.of(), false, null), TestEngine.get(), second);
            first.await(CallEvent.FirstRemoteVideo.class, WAIT);
            second.await(CallEvent.FirstRemoteVideo.class, WAIT);
        } finally {
            if (b != null) {
                b.close();
            }
            a.close();
        }
        first.await(CallEvent.Ended.class, WAIT);
        second.await(CallEvent.Ended.class, WAIT);
    }

    private static Sample sample(int call) throws IOException {
        System.gc();
        long heapUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        return new Sample(call, ManagementFactory.getThreadMXBean().getThreadCount(), residentKiB(), heapUsed / 1024);
    }

    private static long residentKiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS in /proc/self/status");
    }

    private static void writeReport(List<Sample> samples) throws IOException {
        StringBuilder table = new StringBuilder("| call | threads | RSS MiB | heap used MiB |\n| ---: | ---: | ---: | ---: |\n");
        for (Sample s : samples) {
            table.append(String.format("| %d | %d | %.1f | %.1f |%n", s.call(), s.threads(), s.rssKiB() / 1024.0,
                    s.heapUsedKiB() / 1024.0));
        }
        Sample third = samples.get(2);
        Sample last = samples.get(samples.size() - 1);
        table.append(String.format("%nRSS growth from call 3 to call %d: %.2f MiB per call%n", last.call(),
                (last.rssKiB() - third.rssKiB()) / 1024.0 / (last.call() - third.call())));
        Path report = Path.of("target", "repeated-calls.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, table);
        System.out.print(table);
    }
}
