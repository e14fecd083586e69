package dev.roomcall.media.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.media.Await;
import dev.roomcall.media.SessionConfig;
import dev.roomcall.media.SharedEngine;
import dev.roomcall.media.render.FrameSource;
import dev.roomcall.signaling.SignalMessage;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The peer's picture does not wait for the call's thread. The offerer learns of the peer's video track when it
 * applies the answer; libwebrtc drops decoded frames of a track that has no sink yet, so the sink must go on in
 * libwebrtc's own {@code onTrack}, not in a task queued behind whatever keeps the call's thread busy. And the first
 * frame's report (like the connection's) says when it happened, not when the busy thread got round to telling.
 * Earlier still: the offerer's camera sink is on its first video m-section's receiving track before the answer.
 */
class RemoteVideoOnBusyCallThreadTest {
    private static final long NOT_YET = -1;

    private final ExecutorService offererThread = serial("busy-offerer");
    private final ExecutorService answererThread = serial("answerer");

    @AfterEach
    void stopThreads() {
        offererThread.shutdownNow();
        answererThread.shutdownNow();
    }

    @Test
    void framesReachTheOfferersSinkWhileItsCallThreadIsBusyAndTheReportIsStampedOnArrival() {
        Wire toB = new Wire();
        Wire toA = new Wire();
        RecordingListener aEvents = new RecordingListener();
        RecordingListener bEvents = new RecordingListener();
        PeerSession a = SharedEngine.get().createSession(new SessionConfig(false, List.of()), offererThread, toB, aEvents);
        PeerSession b = SharedEngine.get().createSession(new SessionConfig(true, List.of()), answererThread, toA, bEvents);
        toB.connectTo(b);
        toA.connectTo(a);
        try (a; b) {
            // The answer (and B's candidates) wait until A's own candidates are out, so B can reach A by itself.
            toA.holdWhile(message -> true);
            a.start(true);
            b.start(false);
            Await.until("the answer, held", () -> toA.heldCount(m -> m instanceof SignalMessage.Answer) == 1,
                    () -> "b: " + bEvents);
            Await.until("a candidate of A's sent to B", () -> toB.sentCount(SignalMessage.Candidate.class) > 0);

            // A's thread applies the answer, then stays busy until B's video arrives (or the guard runs out).
            toA.release(m -> m instanceof SignalMessage.Answer);
            FrameSource remote = a.remoteVideo();
            AtomicLong framesWhileBusy = new AtomicLong(NOT_YET);
            AtomicLong busyUntil = new AtomicLong(NOT_YET);
            offererThread.execute(() -> {
                long guard = System.nanoTime() + Await.CALL.toNanos();
                while (remote.framesReceived() == 0 && System.nanoTime() < guard) {
                    pause();
                }
                framesWhileBusy.set(remote.framesReceived());
                busyUntil.set(System.nanoTime());
            });

            Await.until("A's thread free again", Await.CALL.plusSeconds(10), () -> busyUntil.get() != NOT_YET, () -> "");
            assertTrue(framesWhileBusy.get() > 0,
                    "B's video reached A's sink while A's call thread was busy; a: " + aEvents);
            Await.until("A's first-frame report", () -> aEvents.firstVideoHeight > 0, aEvents::toString);
            assertTrue(aEvents.firstVideoArrivedNanos < busyUntil.get(),
                    "the report is stamped when the frame arrived (while the thread was busy), not when delivered");
            Await.until("A's CONNECTED", () -> aEvents.connectedNanos != 0, aEvents::toString);
            assertTrue(aEvents.connectedNanos < busyUntil.get(),
                    "CONNECTED is stamped when libwebrtc said so (while the thread was busy), not when delivered");
        }
    }

    @Test
    void theOfferersCameraPictureIsOnItsFirstVideoTrackBeforeTheAnswerAndThePeersCameraArrivesThere() {
        try (TestCall call = new TestCall(SharedEngine.get())) {
            call.toA.holdWhile(message -> message instanceof SignalMessage.Answer);
            call.a.start(true);
            call.b.start(false);
            Await.until("the answer, held", () -> call.toA.heldCount(m -> m instanceof SignalMessage.Answer) == 1,
                    () -> "b: " + call.bEvents);

            // Applying the answer starts the receive stream before libwebrtc calls onTrack: a sink already there
            // keeps a frame decoded in between.
            String before = call.a.remoteCameraTrackId();
            assertNotNull(before, "the camera picture is on a receiving track before the answer");

            call.toA.release();
            FrameSource remote = call.a.remoteVideo();
            Await.until("B's video on A", () -> remote.framesReceived() > 0, () -> "a: " + call.aEvents);
            assertEquals(before, call.a.remoteCameraTrackId(), "the peer's camera arrived on that very track");
        }
    }

    private static void pause() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ExecutorService serial(String name) {
        return Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, name);
            thread.setDaemon(true);
            return thread;
        });
    }
}
