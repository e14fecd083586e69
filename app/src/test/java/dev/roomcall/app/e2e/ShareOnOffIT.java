package dev.roomcall.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.app.call.CallController;
import dev.roomcall.app.call.CallEvent;
import dev.roomcall.app.call.CallOptions;
import dev.roomcall.app.call.Role;
import dev.roomcall.app.call.TestEngine;
import dev.roomcall.media.screen.CapturePlatform;
import dev.roomcall.media.screen.PlatformScreenSources;
import dev.roomcall.media.screen.ScreenSource;
import dev.roomcall.media.screen.ScreenSources;
import dev.roomcall.server.ServerConfig;
import dev.roomcall.server.SignalingServer;
import dev.roomcall.signaling.RoomCode;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sharing switched on and off twenty times in one call with Roomcall's page: every round starts and stops cleanly,
 * the process's threads and resident memory stay flat, the page's SDP keeps its number of m-sections, nothing
 * crashes, and the last share still reaches the page with its colours.
 */
class ShareOnOffIT {
    private static final Logger LOG = LoggerFactory.getLogger(ShareOnOffIT.class);

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int ROUNDS = 20;
    /** Rounds 1 and 2 load classes, compile the hot paths and size the first buffers. */
    private static final int FIRST_SETTLED = 3;
    private static final int LAST_WARM_UP = 5;
    private static final int FIRST_OF_END = ROUNDS - 2;
    /**
     * How far the lowest resident memory of rounds 18-20 may lie above the lowest of rounds 3-5. The lowest, because
     * the collector and the JIT compiler's malloc'd arenas lift single readings by several MB, while a leak lifts
     * every reading. What still grows, measured on this machine (native memory tracking, glibc's mallinfo2): the
     * JIT's code cache and metaspace, about 2 MB over these fifteen rounds, and webrtc-java 0.14, which never frees
     * the description createOffer/createAnswer hands over (about 60 KB each; two negotiations a round make about
     * 1.6 MB). Measured: from 2.6 MB below to 7.9 MB above; with a capture thread per share, which left one more
     * malloc arena holding a share's frame buffers after every share, 20 to 24 MB above.
     */
    private static final long SLACK_KB = 10 * 1024;

    private final BlockingQueue<CallEvent> events = new LinkedBlockingQueue<>();

    /** The ITs share one JVM and libwebrtc allows one engine in it: the next class may need to start its own. */
    @AfterAll
    static void closeTheEngine() {
        TestEngine.closeIfOpen();
    }

    @Test
    void twentyTimesOnAndOffLeavesThreadsMemoryAndSdpFlat() throws Exception {
        String room = RoomCode.newRoomName();
        try (SharedDesktop desktop = SharedDesktop.start(640, 360);
                SignalingServer server = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0).build());
                BrowserPeer page = ScreenTrackProbe.open("share-on-off-page", server.httpUri() + "#" + room)) {
            page.awaitState("waiting", WAIT);
            ScreenSources screens = PlatformScreenSources.forPlatform(CapturePlatform.X11,
                    Map.of("DISPLAY", desktop.display()));
            CallController call = CallController.prepare(new CallOptions(server.uri(), room, Role.AUTO, List.of(), false,
                    null), TestEngine.get(), screens);
            try {
                call.start(events::add);
                await(CallEvent.Connected.class);
                ScreenSource screen = call.share().list().sources().stream()
                        .filter(s -> s.kind() == ScreenSource.Kind.SCREEN).findFirst().orElseThrow();
                long[] residentKb = new long[ROUNDS + 1];
                int[] threads = new int[ROUNDS + 1];
                int[] mSections = new int[ROUNDS + 1];
                for (int round = 1; round <= ROUNDS; round++) {
                    call.share().start(screen);
                    await(CallEvent.ShareStarted.class);
                    awaitFramesSent(call, 5);
                    call.share().stop();
                    CallEvent.ShareStopped stopped = await(CallEvent.ShareStopped.class);
                    assertEquals("Sharing stopped.", stopped.reason());
                    settle();
                    residentKb[round] = rssKb();
                    threads[round] = ManagementFactory.getThreadMXBean().getThreadCount();
                    mSections[round] = mSections(page);
                    LOG.info("after round {}: resident {} kB, Java heap committed {} kB, {} threads, {} m-sections",
                            round, residentKb[round], Runtime.getRuntime().totalMemory() / 1024, threads[round],
                            mSections[round]);
                }
                long baseline = min(residentKb, FIRST_SETTLED, LAST_WARM_UP);
                long end = min(residentKb, FIRST_OF_END, ROUNDS);
                LOG.info("resident memory: lowest of rounds {}-{} {} kB, lowest of rounds {}-{} {} kB ({} kB)",
                        FIRST_SETTLED, LAST_WARM_UP, baseline, FIRST_OF_END, ROUNDS, end, end - baseline);
                assertTrue(end - baseline <= SLACK_KB, "resident memory grew from " + baseline + " kB (lowest of rounds "
                        + FIRST_SETTLED + "-" + LAST_WARM_UP + ") to " + end + " kB (lowest of rounds " + FIRST_OF_END
                        + "-" + ROUNDS + "): " + Arrays.toString(residentKb));
                assertTrue(threads[ROUNDS] <= threads[FIRST_SETTLED], "threads after each round: "
                        + Arrays.toString(threads));
                assertTrue(mSections[1] >= 3, "the page sees the app's audio, camera and screen m-sections: "
                        + Arrays.toString(mSections));
                assertTrue(Arrays.stream(mSections, 1, ROUNDS + 1).allMatch(n -> n == mSections[1]),
                        "m-sections in the page's remote description after each round: " + Arrays.toString(mSections));
                assertEquals(0, call.shareCounters().screenFramesSent(), "nothing is sent while not sharing");

                call.share().start(screen);
                await(CallEvent.ShareStarted.class);
                ScreenTrackProbe.awaitColours(page, 1, SharedDesktop.QUADRANT_CENTRES, SharedDesktop.QUADRANT_COLOURS,
                        WAIT);
                assertTrue(page.stats().framesDecoded() > 0);
            } finally {
                call.close();
            }
        }
    }

    private <E extends CallEvent> E await(Class<E> type) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            CallEvent event = events.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("no " + type.getSimpleName() + " within " + WAIT);
            }
            if (event instanceof CallEvent.Error error && error.code().startsWith("share")) {
                throw new AssertionError("sharing failed: " + error);
            }
            if (type.isInstance(event)) {
                return type.cast(event);
            }
        }
    }

    private static void awaitFramesSent(CallController call, long frames) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (call.shareCounters().screenFramesSent() < frames) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the share sent no " + frames + " frames within " + WAIT);
            }
            Thread.sleep(50);
        }
    }

    /** Lets the renegotiation that stopping started finish and the last frames drain. */
    private static void settle() throws InterruptedException {
        Thread.sleep(500);
    }

    /** The m-sections of the page's remote description (the app's offer or answer). */
    private static int mSections(BrowserPeer page) {
        Object count = page.execute("const live = (window.__rcPcs || []).filter((pc) => pc.connectionState !== 'closed');"
                + " return live.length === 1 && live[0].remoteDescription"
                + " ? live[0].remoteDescription.sdp.split('\\r\\nm=').length - 1 : -1;");
        return ((Number) count).intValue();
    }

    private static long min(long[] values, int from, int to) {
        return Arrays.stream(values, from, to + 1).min().orElseThrow();
    }

    private static long rssKb() throws IOException {
        System.gc();
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
