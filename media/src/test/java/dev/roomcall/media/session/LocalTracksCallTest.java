package dev.roomcall.media.session;

import static dev.roomcall.media.synthetic.TestSources.mostlyBlue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.media.Await;
import dev.roomcall.media.MediaEngine;
import dev.roomcall.media.SharedEngine;
import dev.roomcall.media.local.LocalMedia;
import dev.roomcall.media.synthetic.SyntheticVideo;
import dev.roomcall.media.synthetic.TestSources;
import dev.roomcall.signaling.SignalMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * One engine, several sessions, a set of local tracks: every session sends every local track, and a track added
 * during the call reaches the sessions that are already running (the shape screen sharing and group calls use).
 */
class LocalTracksCallTest {

    @Test
    void twoSessionsOfOneEngineBothCarryTheCamera() {
        MediaEngine engine = SharedEngine.get();
        try (TestCall first = new TestCall(engine); TestCall second = new TestCall(engine)) {
            for (TestCall call : List.of(first, second)) {
                call.a.start(true);
                call.b.start(false);
            }
            first.awaitConnected();
            second.awaitConnected();

            for (TestCall call : List.of(first, second)) {
                Await.until("the camera's picture over both calls", () -> call.b.remoteVideo().framesReceived() > 10
                        && call.a.remoteVideo().framesReceived() > 10);
            }
            assertTrue(engine.sessions().containsAll(List.of(first.a, first.b, second.a, second.b)));
        }
    }

    @Test
    void aVideoTrackAddedDuringTheCallReachesTheRunningSessionAndCanBeRemovedAgain() {
        MediaEngine engine = SharedEngine.get();
        LocalMedia media = engine.localMedia();
        try (TestCall call = new TestCall(engine)) {
            call.connect();
            long offersBefore = call.toB.sentCount(SignalMessage.Offer.class) + call.toA.sentCount(SignalMessage.Offer.class);

            SyntheticVideo blue = TestSources.blue("added-track", SharedEngine.WIDTH, SharedEngine.HEIGHT, 15);
            blue.start();
            media.addVideoTrack("extra", new LocalMedia.Input<>(blue.source(), blue::close));
            try {
                Await.until("an offer with a second video section", () -> lastOffer(call).map(o -> videoSections(o) == 2)
                        .orElse(false));
                // A video track beside the camera is shown apart from it, as the peer's screen, in both directions.
                Await.until("a sees the added track", () -> mostlyBlue(call.a.remoteScreen().latest()));
                Await.until("b sees the added track", () -> mostlyBlue(call.b.remoteScreen().latest()));
                assertTrue(!mostlyBlue(call.b.remoteVideo().latest()), "the camera stays the camera");
                assertTrue(call.toB.sentCount(SignalMessage.Offer.class) + call.toA.sentCount(SignalMessage.Offer.class)
                        > offersBefore, "adding a track renegotiates");
            } finally {
                assertTrue(media.removeTrack("extra"));
            }
            Await.until("a renegotiation that stops sending it", () -> allOffers(call).stream()
                    .anyMatch(sdp -> secondVideoSection(sdp).map(LocalTracksCallTest::receivesOnly).orElse(false)),
                    () -> String.valueOf(allOffers(call).stream().map(LocalTracksCallTest::secondVideoSection).toList()));
            assertEquals(ConnectionState.CONNECTED, call.a.connectionState());
            assertTrue(call.aEvents.errors.isEmpty(), call.aEvents.toString());
            assertTrue(call.bEvents.errors.isEmpty(), call.bEvents.toString());
        }
    }

    /**
     * Both sessions share one LocalMedia, so both add the track at once: the polite side must not leave either
     * camera without frames (it used to, after rolling back its colliding offer).
     */
    @Test
    void bothCamerasKeepArrivingWhileAnAddedTrackIsNegotiatedFlowsAndIsRemoved() {
        MediaEngine engine = SharedEngine.get();
        LocalMedia media = engine.localMedia();
        try (TestCall call = new TestCall(engine)) {
            call.connect();
            awaitCamerasAdvance(call, "before the track is added");

            SyntheticVideo blue = TestSources.blue("added-track", SharedEngine.WIDTH, SharedEngine.HEIGHT, 15);
            blue.start();
            media.addVideoTrack("extra", new LocalMedia.Input<>(blue.source(), blue::close));
            try {
                Await.until("both sides show the added track", () -> mostlyBlue(call.a.remoteScreen().latest())
                        && mostlyBlue(call.b.remoteScreen().latest()));
                awaitCamerasAdvance(call, "while the added track flows");
            } finally {
                assertTrue(media.removeTrack("extra"));
            }
            Await.until("both sides hear the added track stopped", () -> call.aEvents.remoteShares.contains("stopped")
                    && call.bEvents.remoteShares.contains("stopped"), () -> call.aEvents + " / " + call.bEvents);
            awaitCamerasAdvance(call, "after the track is removed");
            assertTrue(call.aEvents.errors.isEmpty() && call.bEvents.errors.isEmpty(), call.bEvents.toString());
        }
    }

    /**
     * An offer collision in renegotiation, forced by holding both offers: the polite side rolls its offer back,
     * which in libwebrtc (webrtc-java 0.14) unwires its existing senders; it sets their tracks again, so the peer
     * keeps getting its camera.
     */
    @Test
    void afterARenegotiationCollisionThePoliteSidesCameraStillReachesThePeer() {
        MediaEngine engine = SharedEngine.get();
        LocalMedia media = engine.localMedia();
        try (TestCall call = new TestCall(engine)) {
            call.connect();
            awaitCamerasAdvance(call, "before the collision");
            collide(call, media);
            try {
                Await.until("a shows b's added track", () -> mostlyBlue(call.a.remoteScreen().latest()));
                long before = call.a.remoteVideo().framesReceived();
                Await.until("a's view of b's camera advances", () -> call.a.remoteVideo().framesReceived() > before + 20,
                        () -> before + " -> " + call.a.remoteVideo().framesReceived());
            } finally {
                assertTrue(media.removeTrack("extra"));
            }
            assertTrue(call.aEvents.errors.isEmpty() && call.bEvents.errors.isEmpty(), call.bEvents.toString());
        }
    }

    /** Adds a track on both sides with both offers held back, then delivers them so that they cross. */
    private static void collide(TestCall call, LocalMedia media) {
        call.toA.holdWhile(SignalMessage.Offer.class::isInstance);
        call.toB.holdWhile(SignalMessage.Offer.class::isInstance);
        SyntheticVideo blue = TestSources.blue("added-track", SharedEngine.WIDTH, SharedEngine.HEIGHT, 15);
        blue.start();
        media.addVideoTrack("extra", new LocalMedia.Input<>(blue.source(), blue::close));
        Await.until("an offer from each side", () -> call.toA.heldCount(SignalMessage.Offer.class::isInstance) == 1
                && call.toB.heldCount(SignalMessage.Offer.class::isInstance) == 1);
        call.toA.release(SignalMessage.Offer.class::isInstance);
        call.toB.release(SignalMessage.Offer.class::isInstance);
    }

    /** Each side's view of the other's camera converts at least 20 more frames (over a second at 15 fps). */
    static void awaitCamerasAdvance(TestCall call, String when) {
        long a = call.a.remoteVideo().framesReceived();
        long b = call.b.remoteVideo().framesReceived();
        Await.until("both cameras advance " + when, () -> call.a.remoteVideo().framesReceived() > a + 20
                && call.b.remoteVideo().framesReceived() > b + 20, () -> "a's view of b's camera " + a + " -> "
                + call.a.remoteVideo().framesReceived() + ", b's view of a's camera " + b + " -> "
                + call.b.remoteVideo().framesReceived());
    }

    private static java.util.Optional<String> lastOffer(TestCall call) {
        return allOffers(call).stream().filter(sdp -> videoSections(sdp) >= 2).findFirst();
    }

    private static List<String> allOffers(TestCall call) {
        List<SignalMessage> all = new java.util.ArrayList<>(call.toB.sent());
        all.addAll(call.toA.sent());
        return all.stream().filter(SignalMessage.Offer.class::isInstance)
                .map(m -> ((SignalMessage.Offer) m).description().sdp()).toList();
    }

    private static java.util.Optional<String> secondVideoSection(String sdp) {
        String[] sections = sdp.split("\r?\nm=video ", -1);
        if (sections.length < 3) {
            return java.util.Optional.empty();
        }
        String section = sections[2];
        int next = section.indexOf("\nm=");
        return java.util.Optional.of(next < 0 ? section : section.substring(0, next));
    }

    /** The section's direction says this side sends nothing on it any more. */
    private static boolean receivesOnly(String section) {
        return section.contains("a=recvonly") || section.contains("a=inactive");
    }

    private static int videoSections(String sdp) {
        return sdp.split("\r?\nm=video ", -1).length - 1;
    }
}
