package dev.roomcall.app.call.sfu;

import dev.roomcall.media.MediaEngine;
import dev.roomcall.media.render.FrameSource;
import dev.roomcall.media.session.PeerMessage;
import dev.roomcall.signaling.Backoff;
import dev.roomcall.signaling.IceServer;
import dev.roomcall.signaling.SignalMessage;
import dev.roomcall.signaling.janus.JanusException;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One member's media in a room hosted on Janus: its camera and microphone published once (a peer connection that
 * only sends), everyone else's feeds received on one subscription (a peer connection that only receives, an
 * m-section per feed), named by their publisher's display, which Roomcall sets to the member id.
 *
 * <p>Janus may go away (restart, crash, network): the member is told at once ({@code interrupted}), every picture is
 * dropped rather than left frozen as if live, and it joins again with back-off until Janus is back
 * ({@code restored}). Requests to Janus wait for its reply, so they run on this member's own Janus thread; the
 * listener hears everything on the call's executor.
 */
public final class SfuMedia implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SfuMedia.class);
    /** 0.5 s, 1 s, 2 s, 4 s, then every 5 s: a restarted Janus is back within seconds. */
    private static final Backoff RETRY = new Backoff(java.time.Duration.ofMillis(500), java.time.Duration.ofSeconds(5), 0.25);

    /** What a member's SFU media reports, on the call's executor. */
    public interface Listener {
        /** A member's video (named by its display) decoded its first frame. */
        void feedVideo(String display, FrameSource video, int width, int height);

        /** A member's video stopped: they stopped publishing, left, or the media server went away. */
        void feedGone(String display);

        /** The media server went away; this member keeps trying to get back. */
        void interrupted(String reason);

        /** Back on the media server after an interruption, publishing again. */
        void restored();

        /**
         * About once a second: what the connections measured, the received figures told apart by whose feed they came
         * on ({@link FeedStats}).
         */
        void stats(FeedStats round);

        /** A chat line from {@code member}, as Janus says (the feed it relayed it from). */
        default void chat(String member, PeerMessage.Chat line) {}

        /** Whether our chat lines can go out now. */
        default void chatChannel(boolean open) {}

        /** Our shared screen could not be published through the media server; {@code reason} in words. */
        default void screenFailed(String reason) {}
    }

    /** Where to publish and how. */
    public record Target(SignalMessage.Sfu room, String display, List<IceServer> iceServers, boolean relayOnly,
                         int bitrate) {}

    private final MediaEngine engine;
    private final Executor call;
    private final Target target;
    private final Listener listener;
    private final ScheduledExecutorService janus = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "roomcall-sfu");
        t.setDaemon(true);
        return t;
    });
    // Only touched on the call's executor.
    private volatile SfuAttempt current;
    private boolean currentJoined;
    private boolean sharing;
    private boolean interrupted;
    private int retries;
    private volatile boolean closed;

    private SfuMedia(MediaEngine engine, Executor call, Target target, Listener listener) {
        this.engine = engine;
        this.call = call;
        this.target = target;
        this.listener = listener;
    }

    /** Connects to Janus, joins its room and publishes; everything follows on {@code listener}. Never blocks. */
    public static SfuMedia start(MediaEngine engine, Executor call, Target target, Listener listener) {
        SfuMedia media = new SfuMedia(engine, call, target, listener);
        call.execute(media::attempt);
        return media;
    }

    /** On the call's executor: a fresh attempt, joined on the Janus thread. */
    private void attempt() {
        if (closed) {
            return;
        }
        SfuAttempt attempt = new SfuAttempt(engine, call, janus, target, new Events());
        current = attempt;
        currentJoined = false;
        janus.execute(() -> {
            try {
                attempt.join();
                call.execute(() -> joined(attempt));
            } catch (JanusException e) {
                call.execute(() -> lost(attempt, "cannot reach the media server: " + e.getMessage()));
            }
        });
    }

    private void joined(SfuAttempt attempt) {
        if (attempt != current || closed) {
            return;
        }
        retries = 0;
        currentJoined = true;
        attempt.share(sharing);
        if (interrupted) {
            interrupted = false;
            LOG.info("event=sfu-restored");
            listener.restored();
        }
    }

    private void lost(SfuAttempt attempt, String reason) {
        if (attempt != current || closed) {
            return;
        }
        attempt.close();
        attempt.displays().forEach(listener::feedGone);
        listener.chatChannel(false);
        if (!interrupted) {
            interrupted = true;
            LOG.warn("event=sfu-interrupted reason={}", reason);
            listener.interrupted(reason);
        }
        long delay = RETRY.delay(retries++).toMillis();
        janus.schedule(() -> call.execute(this::attempt), delay, TimeUnit.MILLISECONDS);
    }

    /**
     * Publishes this member's shared screen (the local {@code SCREEN} track) as a feed of its own while {@code on},
     * now and after every reconnection. Never blocks.
     */
    public void share(boolean on) {
        call.execute(() -> {
            if (closed || sharing == on) {
                return;
            }
            sharing = on;
            LOG.info("event=sfu-share on={}", on);
            if (current != null && currentJoined) {
                current.share(on);
            }
        });
    }

    /**
     * Sends {@code message} to everyone through Janus (the publication's data channel); false while it is not open.
     * Any thread.
     */
    public boolean send(PeerMessage message) {
        SfuAttempt now = current;
        return now != null && !closed && now.send(message);
    }

    /** Leaves Janus's room and closes both peer connections. Never blocks. */
    @Override
    public void close() {
        closed = true;
        call.execute(() -> {
            if (current != null) {
                current.close();
            }
            janus.shutdown();
        });
    }

    /** An attempt's reports, passed on while it is the current one. */
    private final class Events implements SfuAttempt.Events {
        @Override
        public void feedVideo(String display, FrameSource video, int width, int height) {
            if (!closed) {
                listener.feedVideo(display, video, width, height);
            }
        }

        @Override
        public void feedGone(String display) {
            if (!closed) {
                listener.feedGone(display);
            }
        }

        @Override
        public void stats(FeedStats round) {
            if (!closed) {
                listener.stats(round);
            }
        }

        @Override
        public void chat(String member, PeerMessage.Chat line) {
            if (!closed) {
                listener.chat(member, line);
            }
        }

        @Override
        public void chatChannel(boolean open) {
            if (!closed) {
                listener.chatChannel(open);
            }
        }

        @Override
        public void screenFailed(String reason) {
            if (!closed) {
                LOG.warn("event=sfu-screen-failed reason={}", reason);
                listener.screenFailed(reason);
            }
        }

        @Override
        public void lost(SfuAttempt attempt, String reason) {
            SfuMedia.this.lost(attempt, reason);
        }
    }
}
