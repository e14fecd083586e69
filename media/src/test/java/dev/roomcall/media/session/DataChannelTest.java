package dev.roomcall.media.session;

import dev.roomcall.media.Await;
import dev.roomcall.media.CallExecutors;
import dev.roomcall.media.MediaEngine;
import dev.roomcall.media.SessionConfig;
import dev.roomcall.media.SharedEngine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The "chat" data channel between two in-process sessions: the offerer makes it, the answerer adopts it. */
class DataChannelTest {

    @Test
    void chatAndMediaStateTravelBothWaysOnceTheChannelIsOpen() {
        MediaEngine engine = SharedEngine.get();
        RecordingListener aEvents = new RecordingListener();
        RecordingListener bEvents = new RecordingListener();
        Wire toB = new Wire();
        Wire toA = new Wire();
        PeerSession a = engine.createSession(new SessionConfig(false, List.of()), CallExecutors.A, toB, aEvents);
        PeerSession b = engine.createSession(new SessionConfig(true, List.of()), CallExecutors.B, toA, bEvents);
        toB.connectTo(b);
        toA.connectTo(a);
        try {
            assertFalse(a.send(new PeerMessage.Chat("too early", false)), "nothing is sent before the channel opens");
            a.start(true);
            b.start(false);
            Await.until("the data channel open on both sides", () -> a.dataChannelOpen() && b.dataChannelOpen(),
                    () -> "a " + aEvents.openChanges + " b " + bEvents.openChanges);
            Await.until("open reported to both listeners",
                    () -> aEvents.openChanges.contains(true) && bEvents.openChanges.contains(true));

            assertTrue(a.send(ChatText.bound("hello from the offerer 你好")));
            assertTrue(b.send(ChatText.bound("hello back")));
            assertTrue(b.send(new PeerMessage.MediaState(false, true)));

            Await.until("b hears a", () -> bEvents.received.size() == 1, () -> bEvents.received.toString());
            Await.until("a hears b twice", () -> aEvents.received.size() == 2, () -> aEvents.received.toString());
            assertEquals(List.of(new PeerMessage.Chat("hello from the offerer 你好", false)), bEvents.received);
            assertEquals(List.of(new PeerMessage.Chat("hello back", false), new PeerMessage.MediaState(false, true)),
                    aEvents.received, "messages arrive in order");
        } finally {
            a.close();
            b.close();
        }
        Await.until("closing reports the channel closed", () -> aEvents.openChanges.get(aEvents.openChanges.size() - 1) == Boolean.FALSE,
                () -> aEvents.openChanges.toString());
        assertFalse(a.dataChannelOpen());
        assertFalse(a.send(new PeerMessage.Chat("after hang-up", false)));
    }
}
