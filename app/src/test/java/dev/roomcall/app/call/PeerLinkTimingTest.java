package dev.roomcall.app.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.media.session.ConnectionState;
import dev.roomcall.media.session.PeerMessage;
import dev.roomcall.media.session.SessionListener;
import dev.roomcall.media.stats.CallStats;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The call's set-up events count to the moments the session stamped (libwebrtc's connection change, the first
 * frame's arrival), not to the moment the call's thread got to the news: a busy call thread delays the news, not
 * the connection or the picture (the window shows the frame from its source as soon as it is there).
 */
class PeerLinkTimingTest {
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

    @Test
    void connectedIsCountedWhenLibwebrtcSaidSo() {
        call.sinceJoinedMs = 1000;
        session.onConnectionState(ConnectionState.CONNECTED, System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(300));

        long ms = only(CallEvent.Connected.class).ms();
        assertTrue(ms <= 700 && ms > 0, "joined 1000 ms ago, connected 300 ms ago: " + ms);
    }

    @Test
    void aStateWithoutStampIsCountedWhenHeard() {
        call.sinceJoinedMs = 1000;
        session.onConnectionState(ConnectionState.CONNECTED);

        assertEquals(1000, only(CallEvent.Connected.class).ms());
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
