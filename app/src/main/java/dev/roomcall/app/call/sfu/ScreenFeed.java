package dev.roomcall.app.call.sfu;

import dev.roomcall.media.MediaEngine;
import dev.roomcall.media.SessionConfig;
import dev.roomcall.media.local.LocalMedia;
import dev.roomcall.media.session.PeerSession;
import dev.roomcall.media.session.SessionListener;
import dev.roomcall.media.stats.CallStats;
import dev.roomcall.signaling.janus.FeedDisplay;
import dev.roomcall.signaling.janus.JanusException;
import dev.roomcall.signaling.janus.JanusSession;
import dev.roomcall.signaling.janus.VideoRoomEvent;
import dev.roomcall.signaling.janus.VideoRoomPublisher;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A member's shared screen on Janus: a second publisher in the VideoRoom, displayed as that member's screen
 * ({@link FeedDisplay#screenOf}), with a peer connection that sends only the local {@code SCREEN} track. Everyone's
 * subscription picks it up as one more feed; {@link #close} leaves the room with it, so theirs drops it.
 *
 * <p>Janus requests run on the Janus thread, the session on the call's executor; {@code close} may come before the
 * join is done, which then leaves at once.
 */
final class ScreenFeed {

    private static final Logger LOG = LoggerFactory.getLogger(ScreenFeed.class);
    /** Text and slides compress well; this lets a 1080p screen stay sharp at 5–15 fps. */
    static final int BITRATE = 1_500_000;

    private final MediaEngine engine;
    private final Executor call;
    private final ExecutorService janus;
    private final SfuMedia.Target target;
    private final Consumer<String> failed;
    private final Consumer<CallStats> measured;
    private volatile boolean closed;
    // Only on the Janus thread.
    private VideoRoomPublisher publisher;
    private volatile PeerSession sending;

    private ScreenFeed(MediaEngine engine, Executor call, ExecutorService janus, SfuMedia.Target target,
                       Consumer<String> failed, Consumer<CallStats> measured) {
        this.engine = engine;
        this.call = call;
        this.janus = janus;
        this.target = target;
        this.failed = failed;
        this.measured = measured;
    }

    /**
     * Joins {@code session}'s VideoRoom as this member's screen and publishes it; what its connection measures goes
     * to {@code measured} on the call's executor until it is closed. Never blocks.
     */
    static ScreenFeed publish(MediaEngine engine, Executor call, ExecutorService janus, JanusSession session,
                              SfuMedia.Target target, Consumer<String> failed, Consumer<CallStats> measured) {
        ScreenFeed feed = new ScreenFeed(engine, call, janus, target, failed, measured);
        janus.execute(() -> feed.join(session));
        return feed;
    }

    private void join(JanusSession session) {
        if (closed) {
            return;
        }
        String display = FeedDisplay.screenOf(target.display()).text();
        try {
            publisher = VideoRoomPublisher.join(session, target.room().videoroom(), target.room().pin(), display,
                    this::event);
        } catch (JanusException e) {
            LOG.warn("event=sfu-screen-join-failed reason={}", e.getMessage());
            failed.accept("Cannot share the screen through the media server: " + e.getMessage());
            return;
        }
        LOG.info("event=sfu-screen-joined feed={}", publisher.joined().id());
        PublisherSignaller signaller = new PublisherSignaller(publisher, BITRATE, janus,
                reason -> failed.accept("Cannot share the screen through the media server: " + reason));
        call.execute(() -> {
            if (closed) {
                return;
            }
            sending = engine.createSession(SessionConfig.publishing(Set.of(LocalMedia.SCREEN), target.iceServers(),
                    target.relayOnly()), call, signaller, new Problems());
            signaller.attach(sending);
            sending.start(true);
        });
        if (closed) {
            leave();
        }
    }

    private void event(VideoRoomEvent event) {
        if (event instanceof VideoRoomEvent.Hangup hangup && !closed) {
            LOG.warn("event=sfu-screen-hangup reason={}", hangup.reason());
        }
    }

    /** Stops sending and leaves the room: the others' subscriptions drop the screen. Idempotent; never blocks. */
    void close() {
        if (closed) {
            return;
        }
        closed = true;
        PeerSession out = sending;
        if (out != null) {
            out.close();
        }
        if (!janus.isShutdown()) {
            janus.execute(this::leave);
        }
    }

    /** On the Janus thread. */
    private void leave() {
        PeerSession out = sending;
        if (out != null) {
            out.close();
        }
        if (publisher != null) {
            publisher.close();
            publisher = null;
            LOG.info("event=sfu-screen-left");
        }
    }

    /** The screen session's measurements; its trouble goes to the log, whether the feed lives is Janus's to say. */
    private final class Problems implements SessionListener {
        @Override
        public void onStats(CallStats stats) {
            if (!closed) {
                measured.accept(stats);
            }
        }

        @Override
        public void onError(String code, String message) {
            LOG.warn("event=sfu-screen-session-error code={} message={}", code, message);
        }
    }
}
