package dev.roomcall.app.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.media.session.PeerMessage;
import dev.roomcall.media.session.SessionListener;
import dev.roomcall.media.stats.CallStats;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The call's first-remote-video event counts to the moment the frame arrived (the session's stamp), not to the moment
 * the call's thread got to the news: the window shows the frame from its source as soon as it is there.
 */
class PeerLinkFirstFrameTest {
    private final EventsAt call = new EventsAt();
    private final PeerLink link = new PeerLink(PeerId.OTHER, 0, call);
    private final SessionListener session = link.listener(Runnable::run);

    @Test
    void aFrameThatArrivedBeforeTheNewsIsCountedWhenItArrived() {
        call.sinceJoinedMs = 1000;
        session.onFirstRemoteVideo(1280, 720, System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(300));

        CallEvent.FirstRemoteVideo first = only(CallEvent.FirstRemoteVideo.class);
        assertEquals(1280, first.width());
        assertEquals(720, first.height());
        assertTrue(first.ms() <= 700 && first.ms() > 0, "joined 1000 ms ago, frame 300 ms ago: " + first.ms());
    }

    @Test
    void aStampBeforeJoiningCountsAsZeroNotNegative() {
        call.sinceJoinedMs = 100;
        session.onFirstRemoteVideo(640, 360, System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(300));

        assertEquals(0, only(CallEvent.FirstRemoteVideo.class).ms());
    }

    @Test
    void onlyTheFirstFrameIsAnnounced() {
        call.sinceJoinedMs = 500;
        session.onFirstRemoteVideo(640, 360, System.nanoTime());
        session.onFirstRemoteVideo(1280, 720, System.nanoTime());

        assertEquals(640, only(CallEvent.FirstRemoteVideo.class).width());
    }

    private <T extends CallEvent> T only(Class<T> type) {
        List<T> matching = call.events.stream().filter(type::isInstance).map(type::cast).toList();
        assertEquals(1, matching.size(), "events: " + call.events);
        return matching.get(0);
    }

    /** A call joined {@link #sinceJoinedMs} ago that keeps what it is told to emit. */
    private static final class EventsAt implements PeerLink.Call {
        final List<CallEvent> events = new ArrayList<>();
        long sinceJoinedMs;

        @Override
        public void emit(CallEvent event) {
            events.add(event);
        }

        @Override
        public long sinceJoinedMs() {
            return sinceJoinedMs;
        }

        @Override
        public void chatChannel(PeerLink link, boolean open) { }

        @Override
        public void peerMessage(PeerLink link, PeerMessage message) { }

        @Override
        public void stats(PeerLink link, CallStats stats) { }
    }
}
