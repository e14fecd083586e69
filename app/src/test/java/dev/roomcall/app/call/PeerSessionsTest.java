package dev.roomcall.app.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.media.SessionConfig;
import dev.roomcall.media.session.PeerMessage;
import dev.roomcall.media.session.PeerSession;
import dev.roomcall.media.stats.CallStats;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The call's sessions by person: one per member, replaced cleanly under the same id, ended one at a time. */
class PeerSessionsTest {

    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final PeerSessions sessions = new PeerSessions((config, signaller, listener) -> TestEngine.get()
            .createSession(config, thread, signaller, listener), (link, action) -> thread.execute(action),
            new QuietCall());

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

    /** The sessions of the engine that appeared while {@code action} ran. */
    private static List<PeerSession> madeBy(Runnable action) {
        Set<PeerSession> before = new HashSet<>(TestEngine.get().sessions());
        action.run();
        return TestEngine.get().sessions().stream().filter(s -> !before.contains(s)).toList();
    }

    @Test
    void theFirstSessionTakesThePreparedOneInTheRoleItsPersonCallsFor() throws Exception {
        List<PeerSession> prepared = madeBy(() -> sessions.prepare(new SessionConfig(false, List.of())));
        assertEquals(1, prepared.size(), "one session made before anyone is there");

        List<PeerSession> madeForAnn = madeBy(() -> start("p1", "Ann"));
        assertEquals(List.of(), madeForAnn, "Ann's session is the prepared one, no new one");
        assertSame(prepared.get(0), sessions.get(PeerId.member("p1")).session());
        PeerSession ann = sessions.get(PeerId.member("p1")).session();
        // The role is taken on the call's thread, after what was queued before it.
        CompletableFuture.runAsync(() -> { }, thread).get(10, TimeUnit.SECONDS);
        assertTrue(ann.config().polite(), "Ann offers: we answer, politely");

        List<PeerSession> madeForBea = madeBy(() -> start("p2", "Bea"));
        assertEquals(1, madeForBea.size(), "the prepared session serves one person only");
    }

    @Test
    void aPreparedSessionNobodyTookEndsWithTheCall() throws Exception {
        List<PeerSession> prepared = madeBy(() -> sessions.prepare(new SessionConfig(false, List.of())));
        sessions.closeAll();
        prepared.get(0).whenClosed().toCompletableFuture().get(10, TimeUnit.SECONDS);
        assertFalse(TestEngine.get().sessions().contains(prepared.get(0)));
    }

    @Test
    void aPreparedSessionThatClosedIsLetGoAndAFreshOneServes() {
        List<PeerSession> prepared = madeBy(() -> sessions.prepare(new SessionConfig(false, List.of())));
        prepared.get(0).close();
        List<PeerSession> madeForAnn = madeBy(() -> start("p1", "Ann"));
        assertEquals(1, madeForAnn.size(), "a new session for Ann");
        assertSame(madeForAnn.get(0), sessions.get(PeerId.member("p1")).session());
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
