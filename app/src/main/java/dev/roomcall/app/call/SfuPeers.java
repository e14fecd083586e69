package dev.roomcall.app.call;

import dev.roomcall.app.call.sfu.FeedStats;
import dev.roomcall.app.call.sfu.SfuMedia;
import dev.roomcall.media.MediaEngine;
import dev.roomcall.media.render.FrameSource;
import dev.roomcall.media.session.PeerMessage;
import dev.roomcall.media.stats.CallStats;
import dev.roomcall.signaling.IceServer;
import dev.roomcall.signaling.SignalMessage;
import dev.roomcall.signaling.janus.FeedDisplay;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The other people's pictures while the room is hosted on Janus (protocol §14): one {@link SfuMedia} for the whole
 * call instead of a peer session per person, its feeds named by member id, a shared screen by a feed of its own
 * ({@link FeedDisplay}), which this side publishes while the call shares. Changed only on the call's thread; the
 * window reads pictures on its own, so the maps are concurrent.
 */
final class SfuPeers {

    private static final Logger log = LoggerFactory.getLogger(SfuPeers.class);
    /** What this side publishes at most: 720p at a bit rate every subscriber's downlink carries eleven times. */
    static final int BITRATE = 1_000_000;

    /** Starts a member's SFU media on the call's thread and engine; what it returns stops it. */
    @FunctionalInterface
    interface Starter {
        Running start(SfuMedia.Target target, SfuMedia.Listener listener);
    }

    /** Where the room's chat goes in the call: lines by sender, and whether ours can go out. */
    interface Talk {
        void peerMessage(PeerId peer, PeerMessage message);

        void chatChanged();
    }

    /** A member's running SFU media ({@link SfuMedia}, in tests a stand-in). */
    interface Running {
        /** Sends a message to everyone through the media server; false if it cannot go now. */
        boolean send(PeerMessage message);

        /** Publishes the local screen as a feed of its own while {@code on}. */
        void share(boolean on);

        void close();
    }

    /** The real thing: {@link SfuMedia} on {@code engine}, reporting on the call's {@code thread}. */
    static Starter on(MediaEngine engine, Executor thread) {
        return (target, listener) -> {
            SfuMedia media = SfuMedia.start(engine, thread, target, listener);
            return new Running() {
                @Override
                public boolean send(PeerMessage message) {
                    return media.send(message);
                }

                @Override
                public void share(boolean on) {
                    media.share(on);
                }

                @Override
                public void close() {
                    media.close();
                }
            };
        };
    }

    private final Consumer<CallEvent> events;
    private final LongSupplier sinceJoinedMs;
    private final Starter starter;
    private final Talk talk;
    private final Map<PeerId, FrameSource> videos = new ConcurrentHashMap<>();
    private final Map<PeerId, FrameSource> screens = new ConcurrentHashMap<>();
    /** Who is in the room while it is on the media server, in the order they came; the window reads it. */
    private final List<RemotePeer> people = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile Running media;
    private SfuMedia.Target target;
    private boolean sharing;
    private volatile boolean chatOpen;

    /** @param events where what the media server says goes, as the call's events; on the call's thread */
    SfuPeers(Consumer<CallEvent> events, LongSupplier sinceJoinedMs, Starter starter, Talk talk) {
        this.events = events;
        this.sinceJoinedMs = sinceJoinedMs;
        this.starter = starter;
        this.talk = talk;
    }

    /** Sends a chat line to everyone in the room; false if it cannot go now. Any thread. */
    boolean send(PeerMessage.Chat line) {
        Running running = media;
        return running != null && running.send(line);
    }

    /** Whether chat lines can go out through the media server now. */
    boolean chatOpen() {
        return media != null && chatOpen;
    }

    /** Whether the call's media goes through the media server now. */
    boolean active() {
        return media != null;
    }

    /**
     * Publishes to {@code room} as member {@code ownId} and receives everyone there. Told again (after a signaling
     * reconnect, say) it keeps what runs when nothing changed, and starts over under a new member id or room, since
     * the others know our feed by the member id it was published under.
     */
    void follow(SignalMessage.Sfu room, String ownId, List<IceServer> iceServers, boolean relayOnly) {
        Objects.requireNonNull(ownId, "ownId");
        SfuMedia.Target next = new SfuMedia.Target(room, ownId, iceServers, relayOnly, BITRATE);
        if (media != null && target.room().equals(room) && target.display().equals(ownId)) {
            return;
        }
        close();
        target = next;
        log.info("event=sfu-follow videoroom={} member={}", room.videoroom(), ownId);
        media = starter.start(next, new Feeds());
        if (sharing) {
            media.share(true);
        }
    }

    /** Follows the call's own screen share (its {@code share-started} and {@code share-stopped}). */
    void shareChanged(CallEvent event) {
        boolean now = event instanceof CallEvent.ShareStarted || !(event instanceof CallEvent.ShareStopped) && sharing;
        if (now != sharing) {
            sharing = now;
            if (media != null) {
                media.share(now);
            }
        }
    }

    /** The people there when the room moved. */
    void present(List<RemotePeer> there) {
        people.clear();
        people.addAll(there);
    }

    void arrived(PeerId peer, String name) {
        left(peer);
        people.add(new RemotePeer(peer, name));
    }

    void left(PeerId peer) {
        people.removeIf(p -> p.id().equals(peer));
    }

    void renamed(PeerId peer, String name) {
        people.replaceAll(p -> p.id().equals(peer) ? new RemotePeer(peer, name) : p);
    }

    /** The other people while the room is on the media server. */
    List<RemotePeer> people() {
        return List.copyOf(people);
    }

    Optional<FrameSource> remoteVideo(PeerId peer) {
        return Optional.ofNullable(videos.get(peer));
    }

    /** {@code peer}'s shared screen while it comes through the media server. */
    Optional<FrameSource> remoteScreen(PeerId peer) {
        return Optional.ofNullable(screens.get(peer));
    }

    /** Frames of everyone's shared screens received through the media server. */
    long screenFramesDecoded() {
        return screens.values().stream().mapToLong(FrameSource::framesReceived).sum();
    }

    void close() {
        if (media != null) {
            media.close();
            media = null;
        }
        videos.clear();
        screens.keySet().forEach(peer -> events.accept(new CallEvent.RemoteShareStopped(peer)));
        screens.clear();
        people.clear();
        chatOpen = false;
    }

    /** The media server's news, already on the call's thread. */
    private final class Feeds implements SfuMedia.Listener {
        @Override
        public void feedVideo(String display, FrameSource video, int width, int height) {
            FeedDisplay feed = FeedDisplay.parse(display);
            PeerId peer = PeerId.member(feed.member());
            if (feed.screen()) {
                screens.put(peer, video);
                events.accept(new CallEvent.RemoteShareStarted(peer, width, height));
                return;
            }
            videos.put(peer, video);
            events.accept(new CallEvent.FirstRemoteVideo(peer, width, height, sinceJoinedMs.getAsLong()));
        }

        @Override
        public void feedGone(String display) {
            FeedDisplay feed = FeedDisplay.parse(display);
            PeerId peer = PeerId.member(feed.member());
            if (!feed.screen()) {
                videos.remove(peer);
            } else if (screens.remove(peer) != null) {
                events.accept(new CallEvent.RemoteShareStopped(peer));
            }
        }

        @Override
        public void chat(String member, PeerMessage.Chat line) {
            talk.peerMessage(PeerId.member(member), line);
        }

        @Override
        public void screenFailed(String reason) {
            events.accept(new CallEvent.Error("share-failed", reason));
        }

        @Override
        public void chatChannel(boolean open) {
            if (chatOpen != open) {
                chatOpen = open;
                talk.chatChanged();
            }
        }

        @Override
        public void interrupted(String reason) {
            events.accept(new CallEvent.MediaServerLost(reason));
        }

        @Override
        public void restored() {
            events.accept(new CallEvent.MediaServerBack());
        }

        /**
         * Once a round: the connections' figures ({@code sfu-stats}) and everyone's as in a mesh, each person with
         * what came from their feeds ({@code stats}; the call's counters those of the connections, which carry
         * everyone's at once).
         */
        @Override
        public void stats(FeedStats round) {
            events.accept(new CallEvent.SfuStats(round.publication(), round.subscription()));
            List<PeerStats> everyone = people.stream()
                    .map(person -> new PeerStats(person.id(), person.name(), round.of(person.id().value())))
                    .toList();
            if (everyone.isEmpty()) {
                return;
            }
            CallStats received = round.subscription();
            events.accept(new CallEvent.Stats(everyone.get(0).peer(), everyone.get(0).stats(), everyone,
                    new StatsTotals(received.framesDecoded(), round.framesSent(), received.bytesReceived(),
                            round.bytesSent(), received.audioBytesReceived(), received.packetsLost())));
        }
    }
}
