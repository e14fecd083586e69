package dev.roomcall.app.call.sfu;

import dev.roomcall.signaling.SignalMessage;
import dev.roomcall.signaling.janus.VideoRoomEvent;
import dev.roomcall.signaling.janus.VideoRoomSubscriber;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscription's signaller: Janus offers (on joining and on every change of feeds), the session answers, and
 * the answer goes back as VideoRoom {@code start}. A subscription never offers itself.
 */
final class SubscriberSignaller extends JanusSignaller {

    private static final Logger LOG = LoggerFactory.getLogger(SubscriberSignaller.class);

    private volatile VideoRoomSubscriber subscriber;

    SubscriberSignaller(Executor janus, Consumer<String> failed) {
        super(janus, failed);
    }

    /** The VideoRoom handle answers go to; set before its first offer is delivered. */
    void use(VideoRoomSubscriber handle) {
        this.subscriber = handle;
    }

    /** Janus's offer (from joining or an update) for the session to answer. */
    void offer(VideoRoomEvent.Subscription subscription) {
        deliver(new SignalMessage.Offer(subscription.offer()));
    }

    @Override
    public void send(SignalMessage message) {
        VideoRoomSubscriber handle = subscriber;
        if (handle == null) {
            LOG.warn("event=subscription-message-before-join type={}", message.getClass().getSimpleName());
        } else if (message instanceof SignalMessage.Answer answer) {
            onJanus("start", () -> handle.start(answer.description()));
        } else if (message instanceof SignalMessage.Candidate candidate) {
            handle.trickle(candidate.candidate().isEndOfCandidates() ? null : candidate.candidate());
        } else {
            // An ICE restart of a subscription has to come from Janus (an update with restart): not asked for here.
            LOG.info("event=subscription-offer-dropped");
        }
    }
}
