package dev.roomcall.media.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.media.Await;
import dev.roomcall.media.CallExecutors;
import dev.roomcall.media.MediaEngine;
import dev.roomcall.media.SessionConfig;
import dev.roomcall.media.SharedEngine;
import dev.roomcall.signaling.SignalMessage;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * A subscription (what a member holds to a media server's forwarded feeds): it answers the server's offer without
 * sending anything of its own, and shows each video m-section as a picture of its own, named by mid.
 */
class SubscriptionSessionTest {

    /** Records the first frame of each m-section's video. */
    private static final class Feeds implements SessionListener {
        final Map<String, Integer> widths = new ConcurrentHashMap<>();
        final List<String> errors = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public void onRemoteVideo(String mid, int width, int height) {
            widths.put(mid, width);
        }

        @Override
        public void onError(String code, String message) {
            errors.add(code + ": " + message);
        }

        @Override
        public String toString() {
            return "feeds " + widths + ", errors " + errors;
        }
    }

    @Test
    void aSubscriptionSendsNothingAndShowsTheVideoOnEachMidOnItsOwn() {
        MediaEngine engine = SharedEngine.get();
        Wire toSubscription = new Wire();
        Wire toSender = new Wire();
        RecordingListener senderEvents = new RecordingListener();
        Feeds feeds = new Feeds();
        PeerSession sender = engine.createSession(new SessionConfig(false, List.of()), CallExecutors.A, toSubscription,
                senderEvents);
        PeerSession subscription = engine.createSession(SessionConfig.subscription(List.of(), false), CallExecutors.B,
                toSender, feeds);
        toSubscription.connectTo(subscription);
        toSender.connectTo(sender);
        try {
            subscription.start(false);
            sender.start(true);

            Await.until("the sender's camera shows on its mid", () -> !feeds.widths.isEmpty(), feeds::toString);
            String mid = feeds.widths.keySet().iterator().next();
            Await.until("frames keep coming", () -> subscription.remoteVideo(mid).framesReceived() > 10, feeds::toString);

            String answer = toSender.sent().stream().filter(SignalMessage.Answer.class::isInstance)
                    .map(m -> ((SignalMessage.Answer) m).description().sdp()).findFirst().orElseThrow();
            assertTrue(!answer.contains("a=sendrecv") && !answer.contains("a=sendonly"),
                    "the subscription's answer receives only:\n" + answer);
            assertEquals(0, subscription.remoteVideo().framesReceived(), "no 'camera' picture in a subscription");
            assertNull(subscription.remoteVideo("no-such-mid"));
            assertEquals(0, senderEvents.remoteShares.size());
        } finally {
            sender.close();
            subscription.close();
        }
    }
}
