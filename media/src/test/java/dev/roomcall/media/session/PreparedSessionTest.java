package dev.roomcall.media.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.media.Await;
import dev.roomcall.media.CallExecutors;
import dev.roomcall.media.MediaEngine;
import dev.roomcall.media.SessionConfig;
import dev.roomcall.media.SharedEngine;
import dev.roomcall.media.render.FrameSource;
import dev.roomcall.signaling.SignalMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A session prepared before its role is known (tracks on, certificate made, nothing said) takes either role when it
 * starts, and the ICE policy its room asks for.
 */
class PreparedSessionTest {

    private final MediaEngine engine = SharedEngine.get();
    private final Wire toB = new Wire();
    private final Wire toA = new Wire();
    private final RecordingListener aEvents = new RecordingListener();
    private final RecordingListener bEvents = new RecordingListener();

    /** Both made with the politeness of the other role: the role they start in decides. */
    private PeerSession a(SessionConfig made) {
        PeerSession a = engine.createSession(made, CallExecutors.A, toB, aEvents);
        toA.connectTo(a);
        return a;
    }

    private PeerSession b(SessionConfig made) {
        PeerSession b = engine.createSession(made, CallExecutors.B, toA, bEvents);
        toB.connectTo(b);
        return b;
    }

    private static void awaitPrepared(PeerSession session) {
        // The camera's sink goes on the receiving track when the tracks go on.
        Await.until("session " + session.id() + " prepared", () -> session.remoteCameraTrackId() != null,
                () -> "state " + session.connectionState());
    }

    @Test
    void preparedSessionsSayNothingUntilTheyStartThenOfferAndAnswerInTheRoleTheyAreGiven() {
        PeerSession a = a(new SessionConfig(true, List.of()));
        PeerSession b = b(new SessionConfig(false, List.of()));
        try {
            a.prepare();
            b.prepare();
            awaitPrepared(a);
            awaitPrepared(b);
            assertEquals(List.of(), toB.sent(), "nothing leaves before the role is known");
            assertEquals(List.of(), toA.sent());
            assertFalse(a.started(), "a prepared session is in no call yet (a device switch need not restart sound)");

            a.start(true, new SessionConfig(false, List.of()));
            b.start(false, new SessionConfig(true, List.of()));

            Await.until("both sides CONNECTED", () -> a.connectionState() == ConnectionState.CONNECTED
                    && b.connectionState() == ConnectionState.CONNECTED, () -> "a: " + aEvents + " b: " + bEvents);
            for (PeerSession side : List.of(a, b)) {
                FrameSource remote = side.remoteVideo();
                Await.until("remote frames on session " + side.id(), () -> remote.framesReceived() >= 3,
                        () -> "got " + remote.framesReceived());
            }
            Await.until("chat open on both sides", () -> a.dataChannelOpen() && b.dataChannelOpen(),
                    () -> "a: " + aEvents + " b: " + bEvents);
            assertEquals(1, toB.sentCount(SignalMessage.Offer.class), "the prepared offerer offers once");
            String offer = toB.sent().stream().filter(SignalMessage.Offer.class::isInstance)
                    .map(m -> ((SignalMessage.Offer) m).description().sdp()).findFirst().orElseThrow();
            // The mids a fresh session's offer has: a peer that keeps its session through a rejoin may get the next
            // offer from our new session, which must line up with this one.
            assertEquals(List.of("0", "1", "2"), offer.lines().filter(l -> l.startsWith("a=mid:"))
                    .map(l -> l.substring("a=mid:".length())).toList(), offer);
            assertEquals(0, toA.sentCount(SignalMessage.Offer.class), "the prepared answerer does not offer");
            assertTrue(a.started() && b.started());
            assertFalse(a.config().polite(), "the offerer took the impolite role");
            assertTrue(b.config().polite(), "the answerer took the polite role");
            assertTrue(aEvents.errors.isEmpty(), aEvents.toString());
            assertTrue(bEvents.errors.isEmpty(), bEvents.toString());
        } finally {
            a.close();
            b.close();
        }
    }

    @Test
    void aPreparedSessionStartedRelayOnlyGathersNoDirectCandidate() {
        PeerSession relayOnly = a(new SessionConfig(true, List.of()));
        PeerSession direct = b(new SessionConfig(true, List.of()));
        try (TestCall control = new TestCall(engine)) {
            relayOnly.prepare();
            awaitPrepared(relayOnly);
            relayOnly.start(true, new SessionConfig(false, List.of(), true));
            direct.start(false);
            control.a.start(true);
            control.b.start(false);

            // The control call gathers host candidates and connects: by then the relay-only side would have too.
            control.awaitConnected();
            Await.until("the answer to the relay-only side's offer", () -> toA.sentCount(SignalMessage.Answer.class) == 1,
                    () -> "a: " + aEvents + " b: " + bEvents);
            assertTrue(toA.sentCandidates().stream().anyMatch(c -> c.contains(" typ host")),
                    "its peer offered host candidates: " + toA.sentCandidates());
            assertEquals(List.of(), toB.sentCandidates(), "relay-only without TURN: not one candidate leaves");
            assertTrue(relayOnly.config().relayOnly());
            assertFalse(aEvents.reached(ConnectionState.CONNECTED), aEvents.toString());
        } finally {
            relayOnly.close();
            direct.close();
        }
    }

    @Test
    void aSessionCannotTakeAConfigThatChangesWhatItSendsOrReceives() {
        PeerSession a = a(new SessionConfig(false, List.of()));
        try {
            assertThrows(IllegalArgumentException.class,
                    () -> a.start(true, SessionConfig.subscription(List.of(), false)));
        } finally {
            a.close();
        }
    }
}
