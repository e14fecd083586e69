package dev.roomcall.media.session;

import dev.roomcall.media.Await;
import dev.roomcall.media.CallExecutors;
import dev.roomcall.media.MediaEngine;
import dev.roomcall.media.SessionConfig;
import dev.roomcall.media.SharedEngine;
import dev.roomcall.media.stats.CandidatePair;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RelayOnlyPolicyTest {

    @Test
    void aRelayOnlySessionWithoutATurnServerGathersNothingAndNeverConnectsDirectly() {
        MediaEngine engine = SharedEngine.get();
        Wire toB = new Wire();
        Wire toA = new Wire();
        RecordingListener aEvents = new RecordingListener();
        RecordingListener bEvents = new RecordingListener();
        PeerSession relayOnly = engine.createSession(new SessionConfig(false, List.of(), true), CallExecutors.A, toB, aEvents);
        PeerSession direct = engine.createSession(new SessionConfig(true, List.of()), CallExecutors.B, toA, bEvents);
        toB.connectTo(direct);
        toA.connectTo(relayOnly);
        try (TestCall control = new TestCall(engine)) {
            relayOnly.start(true);
            direct.start(false);
            control.a.start(true);
            control.b.start(false);

            // The control call gathers host candidates and connects on this machine's interfaces: had the policy
            // been ignored, the relay-only session would have done the same in the same time.
            control.awaitConnected();
            Await.until("two stats reports of the relay-only session", () -> aEvents.stats.size() >= 2,
                    () -> aEvents.toString());

            assertTrue(control.toB.sentCandidates().stream().anyMatch(c -> c.contains(" typ host")),
                    "the default policy offers host candidates: " + control.toB.sentCandidates());
            assertTrue(toA.sentCandidates().stream().anyMatch(c -> c.contains(" typ host")),
                    "its peer (default policy) offered host candidates: " + toA.sentCandidates());
            assertEquals(List.of(), toB.sentCandidates(), "relay-only without TURN: not one candidate leaves");
            assertFalse(aEvents.reached(ConnectionState.CONNECTED), "relay-only side: " + aEvents);
            assertFalse(bEvents.reached(ConnectionState.CONNECTED), "its peer: " + bEvents);
            assertEquals(CandidatePair.NONE, relayOnly.lastStats().candidatePair());
        } finally {
            relayOnly.close();
            direct.close();
        }
    }

    @Test
    void theStatsOfADirectCallNameTheSelectedHostPairOnBothEnds() {
        try (TestCall call = new TestCall(SharedEngine.get())) {
            call.connect();

            Await.until("a selected pair in a's stats", () -> call.a.lastStats().candidatePair().isKnown(),
                    () -> String.valueOf(call.aEvents.stats));
            CandidatePair pair = call.a.lastStats().candidatePair();
            for (CandidatePair.Candidate end : List.of(pair.local(), pair.remote())) {
                assertEquals("host", end.type(), pair.toString());
                assertFalse(end.address().isEmpty(), pair.toString());
                assertTrue(end.port() > 0, pair.toString());
                assertEquals("udp", end.protocol(), pair.toString());
                assertEquals("", end.relayProtocol(), "no relay on a direct pair: " + pair);
            }
            assertEquals("host", call.a.lastStats().candidateType());
        }
    }
}
