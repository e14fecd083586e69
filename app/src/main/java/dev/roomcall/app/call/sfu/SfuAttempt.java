package dev.roomcall.app.call.sfu;

import dev.roomcall.media.MediaEngine;
import dev.roomcall.media.SessionConfig;
import dev.roomcall.media.local.LocalMedia;
import dev.roomcall.media.render.FrameSource;
import dev.roomcall.media.session.ConnectionState;
import dev.roomcall.media.session.PeerMessage;
import dev.roomcall.media.session.PeerSession;
import dev.roomcall.media.session.SessionListener;
import dev.roomcall.media.stats.CallStats;
import dev.roomcall.signaling.janus.FeedDisplay;
import dev.roomcall.signaling.janus.JanusConnection;
import dev.roomcall.signaling.janus.JanusException;
import dev.roomcall.signaling.janus.JanusSession;
import dev.roomcall.signaling.janus.VideoRoomEvent;
import dev.roomcall.signaling.janus.VideoRoomPublisher;
import dev.roomcall.signaling.janus.VideoRoomSubscriber;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's worth of a member's SFU media: the WebSocket to Janus, the publisher and its sending peer
 * connection, the subscription and its receiving one. When anything of it breaks it reports {@code lost} once and is
 * thrown away; {@link SfuMedia} makes the next.
 *
 * <p>Janus requests run on the Janus thread; the peer sessions and every report run on the call's executor.
 */
final class SfuAttempt {

    private static final Logger LOG = LoggerFactory.getLogger(SfuAttempt.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    /** What an attempt reports, on the call's executor. */
    interface Events {
        void feedVideo(String display, FrameSource video, int width, int height);

        void feedGone(String display);

        /** Once a round, when the publication measured: everyone's figures, by whose feed they came on. */
        void stats(FeedStats round);

        /** A chat line from {@code member}, whose feed this attempt receives. */
        void chat(String member, PeerMessage.Chat line);

        /** Whether our chat lines can go out now (the publication's data channel is open). */
        void chatChannel(boolean open);

        /** Janus refused our screen feed, or it could not be published: nobody sees the share. */
        void screenFailed(String reason);

        /** This attempt is over; {@code reason} says why in words. */
        void lost(SfuAttempt attempt, String reason);
    }

    private final MediaEngine engine;
    private final Executor call;
    private final ScheduledExecutorService janus;
    private final SfuMedia.Target target;
    private final Events events;
    private final SubscriberSignaller subscription;
    /** Which feed each m-section of the subscription carries, and whose each feed is. */
    private final FeedSections sections = new FeedSections();
    // Only touched on the Janus thread.
    private JanusConnection connection;
    private JanusSession session;
    private VideoRoomPublisher publisher;
    private VideoRoomSubscriber subscriber;
    private volatile PeerSession publishing;
    private volatile PeerSession receiving;
    private volatile boolean over;
    /** Whether Janus's subscription carries data (someone publishes a chat channel). */
    private volatile boolean offersData;
    /** This member's shared screen, published as a feed of its own while it shares; on the call's executor. */
    private ScreenFeed screen;
    // The newest measurements of the screen feed and the subscription, on the call's executor.
    private CallStats screenMeasured = CallStats.EMPTY;
    private CallStats subscriptionMeasured = CallStats.EMPTY;
    private Map<String, String> displayOfMid = Map.of();

    SfuAttempt(MediaEngine engine, Executor call, ScheduledExecutorService janus, SfuMedia.Target target, Events events) {
        this.engine = engine;
        this.call = call;
        this.janus = janus;
        this.target = target;
        this.events = events;
        this.subscription = new SubscriberSignaller(janus, this::lose);
    }

    /** Connects, joins the room and publishes. On the Janus thread. */
    void join() throws JanusException {
        connection = JanusConnection.open(URI.create(target.room().url()), CONNECT_TIMEOUT, event -> { });
        connection.whenClosed().thenRun(() -> lose("the connection to the media server was lost"));
        session = JanusSession.create(connection, janus);
        publisher = VideoRoomPublisher.join(session, target.room().videoroom(), target.room().pin(), target.display(),
                this::publisherEvent);
        LOG.info("event=sfu-joined videoroom={} feed={} publishers={}", target.room().videoroom(),
                publisher.joined().id(), publisher.joined().publishers().size());
        PublisherSignaller signaller = new PublisherSignaller(publisher, target.bitrate(), janus, this::lose);
        call.execute(() -> {
            if (over) {
                return;
            }
            // The camera's feed never carries the screen: that is a feed of its own (ScreenFeed).
            publishing = engine.createSession(SessionConfig.publishing(Set.of(LocalMedia.MICROPHONE, LocalMedia.CAMERA),
                    target.iceServers(), target.relayOnly()), call, signaller, new Problems(true));
            signaller.attach(publishing);
            publishing.start(true);
        });
        subscribe(publisher.joined().publishers());
    }

    /**
     * Publishes this member's shared screen as a feed of its own ({@code on}), or takes it away. On the call's
     * executor, once {@link #join} is done.
     */
    void share(boolean on) {
        if (on && screen == null && !over) {
            screen = ScreenFeed.publish(engine, call, janus, session, target, reason -> call.execute(() -> {
                if (!over) {
                    events.screenFailed(reason);
                }
            }), measured -> screenMeasured = measured);
        } else if (!on && screen != null) {
            screen.close();
            screen = null;
            screenMeasured = CallStats.EMPTY;
        }
    }

    /**
     * Sends {@code message} on the publication's data channel, which Janus forwards to everyone subscribed to our
     * feed; false if it is not open. Any thread.
     */
    boolean send(PeerMessage message) {
        PeerSession out = publishing;
        return out != null && !over && out.send(message);
    }

    /** Everyone whose video this attempt received or awaited, by display. */
    List<String> displays() {
        return sections.displays();
    }

    private void publisherEvent(VideoRoomEvent event) {
        if (event instanceof VideoRoomEvent.Publishers more) {
            onJanus(() -> subscribe(more.publishers()));
        } else if (event instanceof VideoRoomEvent.Gone gone) {
            onJanus(() -> unsubscribe(gone.feed()));
        } else if (event instanceof VideoRoomEvent.Destroyed) {
            lose("the media server closed the room");
        } else if (event instanceof VideoRoomEvent.Hangup hangup) {
            lose("the media server hung up: " + hangup.reason());
        }
    }

    /** Janus's new offer after a change of feeds, when it did not come with the reply. */
    private void subscriberEvent(VideoRoomEvent event) {
        if (event instanceof VideoRoomEvent.Subscription changed) {
            onJanus(() -> offer(changed));
        }
    }

    /** Adds feeds to the subscription (making it on the first). On the Janus thread. */
    private void subscribe(List<VideoRoomEvent.Publisher> publishers) {
        List<Long> feeds = new ArrayList<>();
        for (VideoRoomEvent.Publisher p : publishers) {
            if (FeedDisplay.parse(p.display()).member().equals(target.display())) {
                continue; // our own screen
            }
            if (sections.add(p.id(), p.display())) {
                feeds.add(p.id());
            }
        }
        if (feeds.isEmpty() || over) {
            return;
        }
        try {
            if (subscriber != null) {
                subscriber.update(feeds, List.of()).ifPresent(this::offer);
                return;
            }
            VideoRoomSubscriber.Subscribed made = VideoRoomSubscriber.join(session, target.room().videoroom(),
                    target.room().pin(), publisher.joined().privateId(), feeds, this::subscriberEvent);
            subscriber = made.subscriber();
            subscription.use(subscriber);
            remember(made.subscription());
            call.execute(() -> {
                if (over) {
                    return;
                }
                receiving = engine.createSession(SessionConfig.subscription(target.iceServers(), target.relayOnly()),
                        call, subscription, new Feeds());
                subscription.attach(receiving);
                receiving.start(false);
                subscription.offer(made.subscription());
            });
        } catch (JanusException e) {
            lose("cannot receive the others through the media server: " + e.getMessage());
        }
    }

    private void unsubscribe(long feed) {
        String display = sections.remove(feed);
        if (display == null) {
            return;
        }
        call.execute(() -> events.feedGone(display));
        if (subscriber == null || over) {
            return;
        }
        try {
            subscriber.update(List.of(), List.of(feed)).ifPresent(this::offer);
        } catch (JanusException e) {
            // The feed is gone anyway; its m-section stays inactive.
            LOG.debug("event=sfu-unsubscribe-failed feed={} reason={}", feed, e.getMessage());
        }
    }

    private void offer(VideoRoomEvent.Subscription changed) {
        remember(changed);
        call.execute(() -> subscription.offer(changed));
    }

    private void remember(VideoRoomEvent.Subscription changed) {
        offersData |= changed.offer().sdp().contains("\nm=application");
        sections.streams(changed.streams());
    }

    private void onJanus(Runnable step) {
        if (!over && !janus.isShutdown()) {
            janus.execute(step);
        }
    }

    private void lose(String reason) {
        if (over) {
            return;
        }
        call.execute(() -> events.lost(this, reason));
    }

    /**
     * Closes the peer connections at once and leaves Janus on its thread. On the call's executor; idempotent; never
     * blocks.
     */
    void close() {
        if (over) {
            return;
        }
        over = true;
        share(false); // close() runs on the call's executor
        PeerSession out = publishing;
        PeerSession in = receiving;
        if (out != null) {
            out.close();
        }
        if (in != null) {
            in.close();
        }
        Runnable leave = () -> {
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
        };
        if (!janus.isShutdown()) {
            janus.execute(leave);
        }
    }

    /**
     * A session's measurements, and its trouble for the log: the attempt's fate is decided by Janus's connection.
     */
    private class Problems implements SessionListener {
        private final boolean sending;

        Problems(boolean sending) {
            this.sending = sending;
        }

        /** The publication's measurements make the round, with the others' newest. */
        @Override
        public void onStats(CallStats stats) {
            if (over) {
                return;
            }
            if (sending) {
                events.stats(new FeedStats(stats, screenMeasured, subscriptionMeasured, displayOfMid));
            } else {
                subscriptionMeasured = stats;
                displayOfMid = sections.byMid();
            }
        }

        @Override
        public void onDataChannel(boolean open) {
            if (sending && !over) {
                events.chatChannel(open);
            }
        }

        @Override
        public void onError(String code, String message) {
            LOG.warn("event=sfu-session-error session={} code={} message={}", sending ? "publishing" : "receiving", code,
                    message);
        }
    }

    /** The subscription's first frame on each m-section: whose it is, from what Janus said the m-section carries. */
    private final class Feeds extends Problems {
        Feeds() {
            super(false);
        }

        @Override
        public void onRemoteVideo(String mid, int width, int height) {
            String display = sections.displayOfMid(mid);
            PeerSession in = receiving;
            if (display == null || in == null || over) {
                LOG.debug("event=sfu-video-without-feed mid={}", mid);
                return;
            }
            events.feedVideo(display, in.remoteVideo(mid), width, height);
        }

        /** Janus relays chat to a subscriber only once it opened a data channel of its own. */
        @Override
        public void onConnectionState(ConnectionState state) {
            PeerSession in = receiving;
            if (state == ConnectionState.CONNECTED && offersData && in != null) {
                in.openChat();
            }
        }

        /**
         * Janus relays each publisher's messages on a channel named by its feed id: whose line it is is Janus's word,
         * read through the feed's display. A line from a feed we do not receive is dropped.
         */
        @Override
        public void onRelayedMessage(String label, PeerMessage message) {
            String display = null;
            try {
                display = sections.displayOfFeed(Long.parseLong(label));
            } catch (NumberFormatException e) {
                LOG.debug("event=sfu-relay-unnamed");
            }
            if (message instanceof PeerMessage.Chat line && display != null && !over) {
                events.chat(FeedDisplay.parse(display).member(), line);
            }
        }
    }
}
