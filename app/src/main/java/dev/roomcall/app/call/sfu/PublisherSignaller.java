package dev.roomcall.app.call.sfu;

import dev.roomcall.signaling.SignalMessage;
import dev.roomcall.signaling.janus.VideoRoomPublisher;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * The publishing session's signaller: each offer (the first, and any renegotiation such as an added screen) is a
 * VideoRoom {@code configure}, whose answer Janus gives back at once.
 */
final class PublisherSignaller extends JanusSignaller {

    private final VideoRoomPublisher publisher;
    private final int bitrate;

    PublisherSignaller(VideoRoomPublisher publisher, int bitrate, Executor janus, Consumer<String> failed) {
        super(janus, failed);
        this.publisher = publisher;
        this.bitrate = bitrate;
    }

    @Override
    public void send(SignalMessage message) {
        if (message instanceof SignalMessage.Offer offer) {
            onJanus("publish", () -> deliver(new SignalMessage.Answer(publisher.publish(offer.description(), bitrate))));
        } else if (message instanceof SignalMessage.Candidate candidate) {
            publisher.trickle(candidate.candidate().isEndOfCandidates() ? null : candidate.candidate());
        }
    }
}
