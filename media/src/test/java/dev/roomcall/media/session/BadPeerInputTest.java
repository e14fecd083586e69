package dev.roomcall.media.session;

import dev.roomcall.media.Await;
import dev.roomcall.media.CallExecutors;
import dev.roomcall.media.MediaEngine;
import dev.roomcall.media.SessionConfig;
import dev.roomcall.media.SharedEngine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.signaling.IceCandidate;
import dev.roomcall.signaling.SessionDescription;
import dev.roomcall.signaling.SignalMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whatever a peer sends, the session reports it and the engine carries on. */
class BadPeerInputTest {

    @Test
    void malformedOfferIsReportedAndTheEngineStillMakesCalls() {
        MediaEngine engine = SharedEngine.get();
        RecordingListener events = new RecordingListener();
        Wire nowhere = new Wire();
        PeerSession victim = engine.createSession(new SessionConfig(true, List.of()), CallExecutors.A, nowhere, events);
        try {
            victim.start(false);
            victim.handle(new SignalMessage.Offer(new SessionDescription("offer", "this is not SDP\r\n")));

            Await.until("an error report", () -> !events.errors.isEmpty());
            assertTrue(events.hasError(PeerSession.ERROR_BAD_REMOTE_SDP), events.toString());
            assertEquals(0, nowhere.sentCount(SignalMessage.Answer.class), "no answer to garbage");
            assertTrue(victim.connectionState() != ConnectionState.CONNECTED);
        } finally {
            victim.close();
        }

        try (TestCall call = new TestCall(engine)) {
            call.connect();
        }
    }

    @Test
    void answerWithoutAnOfferIsReported() {
        RecordingListener events = new RecordingListener();
        try (PeerSession session = SharedEngine.get().createSession(new SessionConfig(false, List.of()), CallExecutors.A, new Wire(), events)) {
            session.handle(new SignalMessage.Answer(new SessionDescription("answer", "v=0\r\n")));

            Await.until("an error report", () -> !events.errors.isEmpty());
            assertTrue(events.hasError(PeerSession.ERROR_UNEXPECTED_ANSWER), events.toString());
        }
    }

    @Test
    void garbledCandidateIsReportedOnceTheRemoteDescriptionIsSet() {
        try (TestCall call = new TestCall(SharedEngine.get())) {
            call.connect();

            call.b.handle(new SignalMessage.Candidate(new IceCandidate("candidate:garbage", "0", 0)));

            Await.until("an error report", () -> !call.bEvents.errors.isEmpty());
            assertTrue(call.bEvents.hasError(PeerSession.ERROR_BAD_CANDIDATE), call.bEvents.toString());
            assertEquals(ConnectionState.CONNECTED, call.b.connectionState(), "the call survives");
        }
    }

    @Test
    void closedSessionReportsClosedAndIgnoresLateMessages() {
        RecordingListener events = new RecordingListener();
        PeerSession session = SharedEngine.get().createSession(new SessionConfig(false, List.of()), CallExecutors.A, new Wire(), events);
        session.start(true);
        session.close();
        session.close();
        session.handle(new SignalMessage.Offer(new SessionDescription("offer", "v=0\r\n")));

        Await.until("CLOSED reported", () -> events.reached(ConnectionState.CLOSED));
        assertEquals(ConnectionState.CLOSED, session.connectionState());
        assertTrue(events.errors.isEmpty(), events.toString());
        assertTrue(!SharedEngine.get().sessions().contains(session), "the engine forgets closed sessions");
    }
}
