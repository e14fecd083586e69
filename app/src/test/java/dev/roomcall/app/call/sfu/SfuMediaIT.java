package dev.roomcall.app.call.sfu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.app.call.TestEngine;
import dev.roomcall.media.MediaEngine;
import dev.roomcall.media.render.FrameSource;
import dev.roomcall.signaling.SignalMessage;
import dev.roomcall.signaling.janus.JanusConnection;
import dev.roomcall.signaling.janus.JanusSession;
import dev.roomcall.signaling.janus.VideoRoomAdmin;
import dev.roomcall.testkit.Janus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Media through Debian's Janus: members publish libwebrtc's camera and microphone once and receive each other's
 * feeds on one subscription, each picture named by its member; one leaving is heard by the others, who go on.
 */
class SfuMediaIT {

    private static final Path DEPLOYMENT = Path.of(System.getProperty("roomcall.janus.config", "../packaging/server/janus"));
    private static final String KEY = "sfu-media-it";
    private static final long VIDEOROOM = 6_160_001;
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    private final List<ExecutorService> calls = new CopyOnWriteArrayList<>();
    private final List<SfuMedia> members = new CopyOnWriteArrayList<>();
    private Janus janus;
    private SignalMessage.Sfu room;

    /** What one member saw: each other member's picture, who left, and failures. */
    private static final class Seen implements SfuMedia.Listener {
        final Map<String, FrameSource> videos = new ConcurrentHashMap<>();
        final List<String> gone = new CopyOnWriteArrayList<>();
        final List<String> interruptions = new CopyOnWriteArrayList<>();
        final List<Long> interruptedAt = new CopyOnWriteArrayList<>();
        volatile int restored;

        @Override
        public void feedVideo(String display, FrameSource video, int width, int height) {
            videos.put(display, video);
        }

        @Override
        public void feedGone(String display) {
            gone.add(display);
            videos.remove(display);
        }

        @Override
        public void interrupted(String reason) {
            interruptions.add(reason);
            interruptedAt.add(System.nanoTime());
        }

        @Override
        public void restored() {
            restored++;
        }

        @Override
        public void stats(FeedStats round) {
            // The call's test (SfuCallIT) reads these; here pictures are enough.
        }

        long frames(String display) {
            FrameSource video = videos.get(display);
            return video == null ? 0 : video.framesReceived();
        }
    }

    @BeforeEach
    void janusWithARoom() throws Exception {
        janus = Janus.start(DEPLOYMENT, Path.of("target", "sfu-media-it"), KEY);
        makeRoom();
        room = new SignalMessage.Sfu(janus.uri().toString(), VIDEOROOM, "pin");
    }

    /** What Roomcall's server does on Janus for a large room (and again after Janus restarted). */
    private void makeRoom() throws Exception {
        try (JanusConnection connection = JanusConnection.open(janus.uri(), Duration.ofSeconds(5), e -> { });
             JanusSession session = JanusSession.create(connection, timer)) {
            new VideoRoomAdmin(session, KEY).create(new VideoRoomAdmin.RoomSpec(VIDEOROOM, "s", "pin", 6, 500_000, "it"));
        }
    }

    @org.junit.jupiter.api.AfterAll
    static void leaveNoEngineBehind() {
        TestEngine.closeIfOpen();
    }

    @AfterEach
    void stop() {
        members.forEach(SfuMedia::close);
        calls.forEach(ExecutorService::shutdown);
        timer.shutdownNow();
        janus.close();
    }

    private Seen member(String id) {
        MediaEngine engine = TestEngine.get();
        ExecutorService call = Executors.newSingleThreadExecutor();
        calls.add(call);
        Seen seen = new Seen();
        members.add(SfuMedia.start(engine, call, new SfuMedia.Target(room, id, List.of(), false, 300_000), seen));
        return seen;
    }

    private void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within " + WAIT + "\n" + janus.logTail());
            }
            Thread.sleep(100);
        }
    }

    @Test
    void threeMembersEachDecodeTheOtherTwoAndOneLeavingIsHeard() throws Exception {
        Seen a = member("p1");
        Seen b = member("p2");
        Seen c = member("p3");

        await("everyone decodes both others", () -> a.frames("p2") > 10 && a.frames("p3") > 10 && b.frames("p1") > 10
                && b.frames("p3") > 10 && c.frames("p1") > 10 && c.frames("p2") > 10);
        assertEquals(List.of(), a.interruptions);
        assertTrue(!a.videos.containsKey("p1"), "nobody receives their own feed back");

        members.remove(2).close();
        await("the others hear p3 left", () -> a.gone.contains("p3") && b.gone.contains("p3"));
        long aFromB = a.frames("p2");
        long bFromA = b.frames("p1");
        await("the two go on", () -> a.frames("p2") > aFromB + 15 && b.frames("p1") > bFromA + 15);
        assertEquals(List.of(), a.interruptions);
        assertEquals(List.of(), b.interruptions);
    }

    @Test
    void janusDyingIsSaidWithinFiveSecondsWithoutFrozenPicturesAndTheCallComesBackWithIt() throws Exception {
        Seen a = member("p1");
        Seen b = member("p2");
        await("both decode", () -> a.frames("p2") > 10 && b.frames("p1") > 10);
        int port = janus.port();

        long killed = System.nanoTime();
        janus.kill();
        await("both told", () -> !a.interruptions.isEmpty() && !b.interruptions.isEmpty());
        for (Seen seen : List.of(a, b)) {
            Duration told = Duration.ofNanos(seen.interruptedAt.get(0) - killed);
            assertTrue(told.compareTo(Duration.ofSeconds(5)) < 0, "told after " + told);
            assertTrue(seen.videos.isEmpty(), "no picture left up as if live: " + seen.videos.keySet());
        }

        janus.close();
        janus = Janus.start(DEPLOYMENT, Path.of("target", "sfu-media-it"), KEY, port);
        makeRoom();
        await("both back and decoding again", () -> a.restored == 1 && b.restored == 1 && a.frames("p2") > 10
                && b.frames("p1") > 10);
        assertEquals(1, a.interruptions.size(), "one outage, said once: " + a.interruptions);
    }
}
