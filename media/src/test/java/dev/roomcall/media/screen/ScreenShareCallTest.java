package dev.roomcall.media.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.media.Await;
import dev.roomcall.media.MediaEngine;
import dev.roomcall.media.SharedEngine;
import dev.roomcall.media.local.TrackPlacement;
import dev.roomcall.media.render.Frame;
import dev.roomcall.media.session.ConnectionState;
import dev.roomcall.media.session.TestCall;
import dev.roomcall.media.stats.CallStats;
import dev.roomcall.signaling.SignalMessage;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Sharing an X screen or window into a call between two in-process sessions, on a real X server: what the
 * receiver decodes is what was on the screen, a closing window ends the share but not the call, and sharing on
 * and off repeatedly leaves no threads behind.
 */
class ScreenShareCallTest {
    private static Xvfb x;
    private final List<String> events = new CopyOnWriteArrayList<>();
    private ScreenShare share;

    @BeforeAll
    static void startX() throws Exception {
        x = Xvfb.start();
        x.paintQuadrants(Xvfb.tempDir());
    }

    @AfterAll
    static void stopX() throws Exception {
        x.close();
    }

    @AfterEach
    void stopSharing() {
        if (share != null) {
            share.stop();
        }
    }

    private ScreenShare share(MediaEngine engine) {
        X11ScreenSources sources = new X11ScreenSources(x.display(), DisplayServer.decide(Map.of("DISPLAY", x.display())));
        share = new ScreenShare(engine.localMedia(), sources, new ScreenShare.Listener() {
            @Override
            public void onShareStarted(ScreenSource source, int width, int height) {
                events.add("started " + source.name() + " " + width + "x" + height);
            }

            @Override
            public void onShareStopped(ScreenSource source, String reason) {
                events.add("stopped " + source.name() + ": " + reason);
            }
        });
        return share;
    }

    private static ScreenSource screen(ScreenShare share) {
        return share.list().sources().stream().filter(s -> s.kind() == ScreenSource.Kind.SCREEN).findFirst()
                .orElseThrow();
    }

    @Test
    void theSharedScreenArrivesAsASecondTrackWithItsColoursWhereTheyWereOnTheScreen() throws Exception {
        MediaEngine engine = SharedEngine.get();
        try (TestCall call = new TestCall(engine)) {
            call.connect();
            ScreenShare sharing = share(engine);

            sharing.start(screen(sharing), ShareSettings.DEFAULT, TrackPlacement.BESIDE_CAMERA);

            Await.until("b decodes the screen's four quadrants", () -> quadrants(call.b.remoteScreen().latest()),
                    () -> describe(call.b.remoteScreen().latest()) + " " + call.bEvents);
            assertTrue(call.bEvents.remoteShares.get(0).startsWith("started "), call.bEvents.toString());
            assertEquals(List.of("started Screen 1 640x480"), events);
            long cameraFrames = call.b.remoteVideo().framesReceived();
            Await.until("b's view of a's camera keeps advancing beside the screen",
                    () -> call.b.remoteVideo().framesReceived() > cameraFrames + 20,
                    () -> cameraFrames + " -> " + call.b.remoteVideo().framesReceived());
            assertTrue(!quadrants(call.b.remoteVideo().latest()), "the camera is not replaced by the screen");
            assertTrue(sharing.framesSent() > 0);

            assertTrue(sharing.stop());

            Await.until("b hears the share stopped", () -> call.bEvents.remoteShares.contains("stopped"),
                    call.bEvents::toString);
            assertEquals("stopped Screen 1: " + ScreenShare.STOPPED_BY_USER, events.get(1));
            assertEquals(ConnectionState.CONNECTED, call.b.connectionState());
            assertTrue(call.aEvents.errors.isEmpty() && call.bEvents.errors.isEmpty(), call.bEvents.toString());
        }
    }

    /** A total that fell would make every rate taken from two reports negative. */
    private static void assertCountsOnlyUp(String what, List<Long> totals) {
        for (int i = 1; i < totals.size(); i++) {
            assertTrue(totals.get(i) >= totals.get(i - 1), what + " fell: " + totals);
        }
    }

    @Test
    void theSharedWindowClosingStopsTheShareWithAReasonAndTheCallGoesOn() throws Exception {
        MediaEngine engine = SharedEngine.get();
        Process window = x.openWindow("roomcall-closing-window");
        try (TestCall call = new TestCall(engine)) {
            call.connect();
            ScreenShare sharing = share(engine);
            Await.until("the window is listed", () -> sharing.list().sources().stream()
                    .anyMatch(s -> s.title().equals("roomcall-closing-window")));
            ScreenSource source = sharing.list().sources().stream()
                    .filter(s -> s.title().equals("roomcall-closing-window")).findFirst().orElseThrow();
            sharing.start(source, ShareSettings.DEFAULT, TrackPlacement.BESIDE_CAMERA);
            Await.until("b decodes the yellow window", () -> mostly(call.b.remoteScreen().latest(), 255, 255, 0),
                    () -> describe(call.b.remoteScreen().latest()));

            window.destroy();

            Await.until("the share stops, saying the window closed", () -> events.stream()
                    .anyMatch(e -> e.equals("stopped roomcall-closing-window: The shared window "
                            + "\"roomcall-closing-window\" was closed.")), events::toString);
            assertTrue(sharing.current().isEmpty());
            Await.until("b hears the share stopped", () -> call.bEvents.remoteShares.contains("stopped"),
                    call.bEvents::toString);
            long decoded = decoded(call);
            Await.until("b still decodes a's video", () -> decoded(call) > decoded + 10);
            assertEquals(ConnectionState.CONNECTED, call.a.connectionState());
        }
    }

    @Test
    void insteadOfTheCameraTheScreenUsesTheCameraSenderAndTheCameraComesBackWithoutRenegotiating()
            throws Exception {
        MediaEngine engine = SharedEngine.get();
        try (TestCall call = new TestCall(engine)) {
            call.connect();
            Await.until("b decodes a's camera", () -> call.b.remoteVideo().framesReceived() > 5);
            long offers = offers(call);
            ScreenShare sharing = share(engine);

            sharing.start(screen(sharing), ShareSettings.DEFAULT, TrackPlacement.INSTEAD_OF_CAMERA);

            Await.until("b's one video stream shows the screen", () -> quadrants(call.b.remoteVideo().latest()),
                    () -> describe(call.b.remoteVideo().latest()));
            sharing.stop();
            Await.until("b's video shows the camera again", () -> {
                Frame frame = call.b.remoteVideo().latest();
                return frame != null && !quadrants(frame);
            });
            assertEquals(offers, offers(call), "replacing the camera track must not renegotiate");
            assertTrue(call.bEvents.remoteShares.isEmpty(), "no second track was announced");
        }
    }

    @Test
    void sharingOnAndOffTwentyTimesLeavesNoThreadsBehind() throws Exception {
        MediaEngine engine = SharedEngine.get();
        try (TestCall call = new TestCall(engine)) {
            call.connect();
            ScreenShare sharing = share(engine);
            ScreenSource screen = screen(sharing);
            cycle(sharing, screen, call);
            int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();

            for (int i = 0; i < 20; i++) {
                cycle(sharing, screen, call);
            }

            Await.until("no thread is left per share", () -> ManagementFactory.getThreadMXBean().getThreadCount()
                    <= threadsBefore, () -> ManagementFactory.getThreadMXBean().getThreadCount() + " > " + threadsBefore);
            sharing.start(screen, ShareSettings.DEFAULT, TrackPlacement.BESIDE_CAMERA);
            Await.until("after 20 shares b still decodes a new one",
                    () -> call.bEvents.remoteShares.stream().filter(e -> e.startsWith("started")).count() == 22
                            && quadrants(call.b.remoteScreen().latest()), call.bEvents::toString);
            assertEquals(ConnectionState.CONNECTED, call.b.connectionState());
            assertCountsOnlyUp("frames b decoded", call.bEvents.stats.stream().map(CallStats::framesDecoded).toList());
            assertCountsOnlyUp("frames a sent", call.aEvents.stats.stream().map(CallStats::framesSent).toList());
        }
    }

    /**
     * One share, on and off, each step carried through to the peer (a person cannot toggle faster than a
     * renegotiation takes; see the report on toggling during one).
     */
    private static void cycle(ScreenShare sharing, ScreenSource screen, TestCall call) throws ScreenCaptureException {
        long stopsBefore = stops(call);
        sharing.start(screen, ShareSettings.DEFAULT, TrackPlacement.BESIDE_CAMERA);
        Await.until("b shows the share", () -> call.bEvents.remoteShares.size() % 2 == 1, call.bEvents::toString);
        sharing.stop();
        Await.until("b hears it stopped", () -> stops(call) == stopsBefore + 1, call.bEvents::toString);
    }

    private static long stops(TestCall call) {
        return call.bEvents.remoteShares.stream().filter("stopped"::equals).count();
    }

    /** Video frames b's decoders produced so far (every remote video track). */
    private static long decoded(TestCall call) {
        dev.roomcall.media.stats.CallStats stats = call.b.lastStats();
        return stats == null ? 0 : stats.framesDecoded();
    }

    private static long offers(TestCall call) {
        return call.toA.sentCount(SignalMessage.Offer.class) + call.toB.sentCount(SignalMessage.Offer.class);
    }

    /** Red top left, green top right, blue bottom left, white bottom right, sampled inside each quadrant. */
    static boolean quadrants(Frame frame) {
        if (frame == null) {
            return false;
        }
        int w = frame.width();
        int h = frame.height();
        return near(frame, w / 4, h / 4, 255, 0, 0) && near(frame, 3 * w / 4, h / 4, 0, 255, 0)
                && near(frame, w / 4, 3 * h / 4, 0, 0, 255) && near(frame, 3 * w / 4, 3 * h / 4, 255, 255, 255);
    }

    private static boolean mostly(Frame frame, int r, int g, int b) {
        return frame != null && near(frame, frame.width() / 2, frame.height() / 4, r, g, b)
                && near(frame, frame.width() / 8, frame.height() / 2, r, g, b);
    }

    private static boolean near(Frame frame, int x, int y, int r, int g, int b) {
        ByteBuffer bgra = frame.bgra();
        int i = (y * frame.width() + x) * 4;
        return Math.abs((bgra.get(i) & 0xff) - b) < 48 && Math.abs((bgra.get(i + 1) & 0xff) - g) < 48
                && Math.abs((bgra.get(i + 2) & 0xff) - r) < 48;
    }

    private static String describe(Frame frame) {
        if (frame == null) {
            return "no frame";
        }
        ByteBuffer bgra = frame.bgra();
        int i = (frame.height() / 4 * frame.width() + frame.width() / 4) * 4;
        return frame.width() + "x" + frame.height() + " bgra@(w/4,h/4)=" + (bgra.get(i) & 0xff) + ","
                + (bgra.get(i + 1) & 0xff) + "," + (bgra.get(i + 2) & 0xff);
    }
}
