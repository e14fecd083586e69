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
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Sharing switched on and off twenty times in one call with Roomcall's page: every round starts and stops cleanly,
 * the capture threads go with each share, memory stays bounded, nothing crashes, and the last share still reaches
 * the page with its colours.
 */
class ShareOnOffIT {

    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final int ROUNDS = 20;
    private static final int WARM_UP = 3;

    private final BlockingQueue<CallEvent> events = new LinkedBlockingQueue<>();

    @Test
    void twentyTimesOnAndOffLeavesThreadsAndMemoryFlat() throws Exception {
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
                int threadsAfterWarmUp = 0;
                long rssAfterWarmUp = 0;
                long heapAfterWarmUp = 0;
                for (int round = 1; round <= ROUNDS; round++) {
                    call.share().start(screen);
                    await(CallEvent.ShareStarted.class);
                    awaitFramesSent(call, 5);
                    call.share().stop();
                    CallEvent.ShareStopped stopped = await(CallEvent.ShareStopped.class);
                    assertEquals("Sharing stopped.", stopped.reason());
                    if (round == WARM_UP) {
                        threadsAfterWarmUp = settledThreads();
                        rssAfterWarmUp = rssKb();
                        heapAfterWarmUp = Runtime.getRuntime().totalMemory() / 1024;
                    }
                }
                int threadsAtEnd = settledThreads();
                long rssAtEnd = rssKb();
                long heapAtEnd = Runtime.getRuntime().totalMemory() / 1024;
                org.slf4j.LoggerFactory.getLogger(ShareOnOffIT.class).info(
                        "threads {} -> {}, resident {} kB -> {} kB, of which Java heap committed {} kB -> {} kB"
                                + " (after round {} -> after round {})",
                        threadsAfterWarmUp, threadsAtEnd, rssAfterWarmUp, rssAtEnd, heapAfterWarmUp, heapAtEnd,
                        WARM_UP, ROUNDS);
                assertTrue(threadsAtEnd <= threadsAfterWarmUp + 2, "threads after round " + WARM_UP + ": "
                        + threadsAfterWarmUp + ", after round " + ROUNDS + ": " + threadsAtEnd);
                // Seventeen more shares of a 640x360 screen: a leak of one frame buffer per share would be 6 MB.
                assertTrue(rssAtEnd - rssAfterWarmUp < 48 * 1024, "resident memory after round " + WARM_UP + ": "
                        + rssAfterWarmUp + " kB, after round " + ROUNDS + ": " + rssAtEnd + " kB");
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

    /** Live threads once the stopped capture's thread has had a moment to end. */
    private static int settledThreads() throws InterruptedException {
        Thread.sleep(500);
        return ManagementFactory.getThreadMXBean().getThreadCount();
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
