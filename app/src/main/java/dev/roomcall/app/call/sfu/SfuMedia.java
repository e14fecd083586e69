package dev.roomcall.app.call.sfu;

import dev.roomcall.media.MediaEngine;
import dev.roomcall.media.SessionConfig;
import dev.roomcall.media.render.FrameSource;
import dev.roomcall.media.session.PeerSession;
import dev.roomcall.media.session.SessionListener;
import dev.roomcall.signaling.IceServer;
import dev.roomcall.signaling.SignalMessage;
import dev.roomcall.signaling.janus.JanusConnection;
import dev.roomcall.signaling.janus.JanusException;
import dev.roomcall.signaling.janus.JanusSession;
import dev.roomcall.signaling.janus.VideoRoomEvent;
import dev.roomcall.signaling.janus.VideoRoomPublisher;
import dev.roomcall.signaling.janus.VideoRoomSubscriber;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One member's media in a room hosted on Janus: its camera and microphone published once (one peer connection that
 * only sends), and everyone else's feeds received on one subscription (one peer connection that only receives, an
 * m-section per feed). Feeds are named by their publisher's display, which Roomcall sets to the member id.
 *
 * <p>Requests to Janus wait for its reply, so they run on this member's own Janus thread; the peer sessions run on
 * the call's executor, and the listener hears everything there.
 */
public final class SfuMedia implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SfuMedia.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** What a member's SFU media reports, on the call's executor. */
    public interface Listener {
        /** A member's video (named by its display) decoded its first frame. */
        void feedVideo(String display, FrameSource video, int width, int height);

        /** A member stopped publishing or left Janus's room. */
        void feedGone(String display);

        /** Janus refused something or went away: this member's SFU media is over. */
        void failed(String reason);
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
    /** Which feed each video m-section of the subscription carries, and whose each feed is. */
    private final Map<String, Long> feedOfMid = new ConcurrentHashMap<>();
    private final Map<Long, String> displayOfFeed = new ConcurrentHashMap<>();
    // Only touched on the Janus thread.
    private JanusConnection connection;
    private JanusSession session;
    private VideoRoomPublisher publisher;
    private VideoRoomSubscriber subscriber;
    private final SubscriberSignaller subscription;
    private volatile PeerSession publishing;
    private volatile PeerSession receiving;
    private volatile boolean closed;

    private SfuMedia(MediaEngine engine, Executor call, Target target, Listener listener) {
        this.engine = engine;
        this.call = call;
        this.target = target;
        this.listener = listener;
        this.subscription = new SubscriberSignaller(janus, this::fail);
    }

    /** Connects to Janus, joins its room and publishes; feeds follow on {@code listener}. Never blocks. */
    public static SfuMedia start(MediaEngine engine, Executor call, Target target, Listener listener) {
        SfuMedia media = new SfuMedia(engine, call, target, listener);
        media.janus.execute(media::join);
        return media;
    }

    private void join() {
        try {
            connection = JanusConnection.open(java.net.URI.create(target.room().url()), CONNECT_TIMEOUT, event -> { });
            connection.whenClosed().thenRun(() -> {
                if (!closed) {
                    fail("the connection to the media server was lost");
                }
            });
            session = JanusSession.create(connection, janus);
            publisher = VideoRoomPublisher.join(session, target.room().videoroom(), target.room().pin(), target.display(),
                    this::publisherEvent);
            LOG.info("event=sfu-joined videoroom={} feed={} publishers={}", target.room().videoroom(),
                    publisher.joined().id(), publisher.joined().publishers().size());
            PublisherSignaller signaller = new PublisherSignaller(publisher, target.bitrate(), janus, this::fail);
            call.execute(() -> {
                if (closed) {
                    return;
                }
                publishing = engine.createSession(new SessionConfig(false, target.iceServers(), target.relayOnly()), call,
                        signaller, new SessionListener() { });
                signaller.attach(publishing);
                publishing.start(true);
            });
            subscribe(publisher.joined().publishers());
        } catch (JanusException e) {
            fail("cannot join the media server's room: " + e.getMessage());
        }
    }

    private void publisherEvent(VideoRoomEvent event) {
        if (event instanceof VideoRoomEvent.Publishers more) {
            onJanus(() -> subscribe(more.publishers()));
        } else if (event instanceof VideoRoomEvent.Gone gone) {
            onJanus(() -> unsubscribe(gone.feed()));
        } else if (event instanceof VideoRoomEvent.Destroyed) {
            fail("the media server's room was closed");
        }
    }

    /** Janus's new offer after a change of feeds, when it did not come with the reply. */
    private void subscriberEvent(VideoRoomEvent event) {
        if (event instanceof VideoRoomEvent.Subscription changed) {
            onJanus(() -> offer(changed));
        }
    }

    private void onJanus(Runnable step) {
        if (!janus.isShutdown()) {
            janus.execute(step);
        }
    }

    private void offer(VideoRoomEvent.Subscription changed) {
        remember(changed);
        call.execute(() -> subscription.offer(changed));
    }

    /** Adds feeds to the subscription (making it on the first). On the Janus thread. */
    private void subscribe(List<VideoRoomEvent.Publisher> publishers) {
        List<Long> feeds = new ArrayList<>();
        for (VideoRoomEvent.Publisher p : publishers) {
            if (displayOfFeed.putIfAbsent(p.id(), p.display()) == null) {
                feeds.add(p.id());
            }
        }
        if (feeds.isEmpty() || closed) {
            return;
        }
        try {
            if (subscriber == null) {
                VideoRoomSubscriber.Subscribed made = VideoRoomSubscriber.join(session, target.room().videoroom(),
                        target.room().pin(), publisher.joined().privateId(), feeds, this::subscriberEvent);
                subscriber = made.subscriber();
                subscription.use(subscriber);
                remember(made.subscription());
                call.execute(() -> {
                    if (closed) {
                        return;
                    }
                    receiving = engine.createSession(SessionConfig.subscription(target.iceServers(), target.relayOnly()),
                            call, subscription, new FeedListener());
                    subscription.attach(receiving);
                    receiving.start(false);
                    subscription.offer(made.subscription());
                });
            } else {
                subscriber.update(feeds, List.of()).ifPresent(this::offer);
            }
        } catch (JanusException e) {
            fail("cannot receive the others through the media server: " + e.getMessage());
        }
    }

    private void unsubscribe(long feed) {
        String display = displayOfFeed.remove(feed);
        if (display == null) {
            return;
        }
        call.execute(() -> listener.feedGone(display));
        if (subscriber == null || closed) {
            return;
        }
        try {
            subscriber.update(List.of(), List.of(feed)).ifPresent(this::offer);
        } catch (JanusException e) {
            // The feed is gone anyway; its m-section stays inactive.
            LOG.debug("event=sfu-unsubscribe-failed feed={} reason={}", feed, e.getMessage());
        }
    }

    private void remember(VideoRoomEvent.Subscription subscription) {
        for (VideoRoomEvent.Stream stream : subscription.streams()) {
            if ("video".equals(stream.type()) && stream.active()) {
                feedOfMid.put(stream.mid(), stream.feed());
            }
        }
    }

    private void fail(String reason) {
        if (closed) {
            return;
        }
        LOG.warn("event=sfu-failed reason={}", reason);
        call.execute(() -> listener.failed(reason));
    }

    /** Leaves Janus's room and closes both peer connections. Never blocks. */
    @Override
    public void close() {
        closed = true;
        PeerSession out = publishing;
        PeerSession in = receiving;
        if (out != null) {
            out.close();
        }
        if (in != null) {
            in.close();
        }
        janus.execute(() -> {
            if (subscriber != null) {
                subscriber.close();
            }
            if (publisher != null) {
                publisher.close();
            }
            if (session != null) {
                session.close();
            }
            if (connection != null) {
                connection.close();
            }
        });
        janus.shutdown();
    }

    /** The subscription's first frame on each m-section: whose it is, from what Janus said the m-section carries. */
    private final class FeedListener implements SessionListener {
        @Override
        public void onRemoteVideo(String mid, int width, int height) {
            Long feed = feedOfMid.get(mid);
            String display = feed == null ? null : displayOfFeed.get(feed);
            PeerSession in = receiving;
            if (display == null || in == null) {
                LOG.debug("event=sfu-video-without-feed mid={}", mid);
                return;
            }
            listener.feedVideo(display, in.remoteVideo(mid), width, height);
        }

        @Override
        public void onError(String code, String message) {
            LOG.warn("event=sfu-subscription-error code={} message={}", code, message);
        }
    }
}
