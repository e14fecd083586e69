package dev.roomcall.app.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.media.SessionConfig;
import dev.roomcall.media.session.PeerMessage;
import dev.roomcall.media.stats.CallStats;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The call's sessions by person: one per member, replaced cleanly under the same id, ended one at a time. */
class PeerSessionsTest {

    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final PeerSessions sessions = new PeerSessions((link, config, signaller) -> TestEngine.get()
            .createSession(config, thread, signaller, link.listener(thread::execute)), new QuietCall());

    @AfterEach
    void closeAll() throws InterruptedException {
        sessions.closeAll();
        thread.shutdown();
        thread.awaitTermination(5, TimeUnit.SECONDS);
    }

    private PeerLink start(String member, String name) {
        return sessions.start(PeerId.member(member), name, false, new SessionConfig(true, List.of()),
                message -> { });
    }

    @Test
    void eachMemberHasASessionOfTheirOwnInTheOrderTheyCame() {
        start("p2", "Bea");
        start("p1", "Ann");
        assertEquals(List.of(new RemotePeer(PeerId.member("p2"), "Bea"), new RemotePeer(PeerId.member("p1"), "Ann")),
                sessions.people());
        assertTrue(sessions.remoteVideo(PeerId.member("p1")).isPresent());
        assertFalse(sessions.remoteVideo(PeerId.member("p9")).isPresent(), "nobody under that id");
    }

    @Test
    void aMemberComingBackUnderTheSameIdReplacesTheirOldSession() throws Exception {
        PeerLink old = start("p1", "Ann");
        PeerLink replacement = start("p1", "Ann");
        assertFalse(sessions.isCurrent(old), "the old session's callbacks are dropped from now on");
        assertTrue(sessions.isCurrent(replacement));
        assertSame(replacement, sessions.get(PeerId.member("p1")));
        old.session().whenClosed().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals(1, sessions.people().size());
    }

    @Test
    void endingOneSessionLeavesTheOthers() throws Exception {
        PeerLink ann = start("p1", "Ann");
        start("p3", "Cy");
        assertSame(ann, sessions.close(PeerId.member("p1")));
        ann.session().whenClosed().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertEquals(List.of(new RemotePeer(PeerId.member("p3"), "Cy")), sessions.people());
        assertNull(sessions.close(PeerId.member("p1")), "closing twice is nothing");
    }

    /** A call that listens to nothing: these tests look at the sessions, not their events. */
    private static final class QuietCall implements PeerLink.Call {
        @Override
        public void emit(CallEvent event) { }

        @Override
        public long sinceJoinedMs() {
            return 0;
        }

        @Override
        public void chatChannel(PeerLink link, boolean open) { }

        @Override
        public void peerMessage(PeerLink link, PeerMessage message) { }

        @Override
        public void stats(PeerLink link, CallStats stats) { }
    }
}
