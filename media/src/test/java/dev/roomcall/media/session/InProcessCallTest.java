package dev.roomcall.media.session;

import dev.roomcall.media.Await;
import dev.roomcall.media.SharedEngine;
import dev.roomcall.media.render.Frame;
import dev.roomcall.media.render.FrameSource;
import dev.roomcall.media.stats.CallStats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.signaling.SignalMessage;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class InProcessCallTest {

    @Test
    void offerAndAnswerThroughTheWireFormatConnectBothSides() {
        try (TestCall call = new TestCall(SharedEngine.get())) {
            call.a.start(true);
            call.b.start(false);

            call.awaitConnected();

            assertTrue(call.aEvents.reached(ConnectionState.CONNECTED), call.aEvents.toString());
            assertTrue(call.bEvents.reached(ConnectionState.CONNECTED), call.bEvents.toString());
            assertEquals(1, call.toB.sentCount(SignalMessage.Offer.class), "the offerer sends one offer");
            assertEquals(0, call.toA.sentCount(SignalMessage.Offer.class), "the answerer does not offer");
            assertEquals(1, call.toA.sentCount(SignalMessage.Answer.class));
            assertTrue(call.toB.sentCount(SignalMessage.Candidate.class) > 0, "trickled candidates");
            assertTrue(call.aEvents.errors.isEmpty(), call.aEvents.toString());
            assertTrue(call.bEvents.errors.isEmpty(), call.bEvents.toString());
        }
    }

    @Test
    void videoFlowsBothWaysAtTheSentResolution() {
        try (TestCall call = new TestCall(SharedEngine.get())) {
            call.connect();

            for (PeerSession side : new PeerSession[] {call.a, call.b}) {
                FrameSource remote = side.remoteVideo();
                Await.until("10 remote frames on session " + side.id(), () -> remote.framesReceived() >= 10,
                        () -> "got " + remote.framesReceived());
                // The encoder may start below the sent size while it probes bandwidth; it reaches it quickly.
                Await.until("a full-size remote frame on session " + side.id(), () -> {
                    Frame frame = remote.latest();
                    return frame != null && frame.width() == SharedEngine.WIDTH && frame.height() == SharedEngine.HEIGHT;
                }, () -> "latest " + remote.latest());

                Frame frame = remote.latest();
                assertNotNull(frame);
                ByteBuffer bgra = frame.bgra();
                assertTrue(bgra.isDirect(), "direct buffer");
                assertEquals(0, bgra.position());
                assertEquals(frame.width() * frame.height() * 4, bgra.remaining());
                assertTrue(distinctColours(bgra) > 5, "the test pattern's bars survive the call");
                assertEquals((byte) 255, bgra.get(3), "opaque alpha");
            }
            Await.until("onFirstRemoteVideo on both sides",
                    () -> call.aEvents.firstVideoHeight > 0 && call.bEvents.firstVideoHeight > 0);
        }
    }

    @Test
    void unwatchedRemoteVideoIsCountedAndReportedButNeverConverted() {
        try (TestCall call = TestCall.headless(SharedEngine.get())) {
            call.connect();

            FrameSource remote = call.b.remoteVideo();
            Await.until("frames counted while nobody watches", () -> remote.framesReceived() >= 10,
                    () -> "got " + remote.framesReceived());
            Await.until("the first remote video reported", () -> call.bEvents.firstVideoHeight > 0);
            assertNull(remote.latest(), "nothing converted for nobody");

            try (FrameSource.Watch watch = remote.watch()) {
                Await.until("a picture once watched", () -> remote.latest() != null);
            }
            assertNull(remote.latest(), "let go once nobody watches");
        }
    }

    @Test
    void statsReportDecodedFramesAndBytesBothWays() {
        try (TestCall call = new TestCall(SharedEngine.get())) {
            call.connect();

            for (RecordingListener events : new RecordingListener[] {call.aEvents, call.bEvents}) {
                Await.until("stats with decoded frames", () -> events.stats.stream().anyMatch(s ->
                        s.framesDecoded() > 0 && s.framesSent() > 0 && s.bytesReceived() > 0 && s.bytesSent() > 0
                                && s.audioBytesReceived() > 0), () -> String.valueOf(events.stats));
                CallStats last = events.stats.get(events.stats.size() - 1);
                assertFalse(last.codec().isEmpty(), "codec named: " + last);
                assertFalse(last.candidateType().isEmpty(), "selected candidate type: " + last);
                assertTrue(last.width() > 0 && last.height() > 0, "decoded size: " + last);
            }
            assertTrue(call.a.lastStats().framesDecoded() > 0);
        }
    }

    private static int distinctColours(ByteBuffer bgra) {
        java.util.Set<Integer> colours = new java.util.HashSet<>();
        for (int i = 0; i + 3 < bgra.limit() && colours.size() < 50; i += 4 * 7) {
            colours.add(bgra.getInt(i) >>> 4 & 0x0F0F0F0F);
        }
        return colours.size();
    }
}
