package dev.roomcall.app.call.sfu;

import dev.roomcall.media.session.PeerSession;
import dev.roomcall.media.session.Signaller;
import dev.roomcall.signaling.SignalMessage;
import dev.roomcall.signaling.janus.JanusException;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A peer session's signaller whose other end is a Janus VideoRoom handle rather than a person: descriptions go to
 * Janus as VideoRoom requests (which wait for Janus's reply, so they run on the Janus thread, never on the call's),
 * and Janus's descriptions come back into the session as if the peer had sent them. Candidates trickle.
 */
abstract class JanusSignaller implements Signaller {

    private static final Logger LOG = LoggerFactory.getLogger(JanusSignaller.class);

    /** A request to Janus that waits for its answer. */
    @FunctionalInterface
    interface JanusStep {
        void run() throws JanusException;
    }

    private final Executor janus;
    private final Consumer<String> failed;
    private volatile PeerSession session;

    /**
     * @param janus  runs the requests that wait for Janus, one at a time
     * @param failed told (on the Janus thread) when Janus refused a description or could not be reached
     */
    JanusSignaller(Executor janus, Consumer<String> failed) {
        this.janus = janus;
        this.failed = failed;
    }

    /** The session this signaller speaks for; set once, right after the session is made with this signaller. */
    void attach(PeerSession peerSession) {
        this.session = peerSession;
    }

    /** Hands Janus's message to the session, as if the peer had sent it. */
    protected void deliver(SignalMessage message) {
        PeerSession target = session;
        if (target != null) {
            target.handle(message);
        }
    }

    /** Runs a request to Janus off the call's thread; a refusal is reported, not thrown. */
    protected void onJanus(String what, JanusStep step) {
        janus.execute(() -> {
            try {
                step.run();
            } catch (JanusException e) {
                LOG.warn("event=janus-request-failed what={} code={} reason={}", what, e.code(), e.getMessage());
                failed.accept(what + ": " + e.getMessage());
            } catch (RuntimeException e) {
                LOG.error("event=janus-request-failed what={}", what, e);
                failed.accept(what + ": " + e);
            }
        });
    }
}
