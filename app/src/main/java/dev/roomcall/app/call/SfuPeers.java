package dev.roomcall.app.call;

import dev.roomcall.app.call.sfu.SfuMedia;
import dev.roomcall.media.render.FrameSource;
import dev.roomcall.media.stats.CallStats;
import dev.roomcall.signaling.IceServer;
import dev.roomcall.signaling.SignalMessage;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The other people's pictures while the room is hosted on Janus (protocol §14): one {@link SfuMedia} for the whole
 * call instead of a peer session per person, its feeds named by member id. Changed only on the call's thread; the
 * window reads pictures on its own, so the map is concurrent.
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

    /** A member's running SFU media ({@link SfuMedia}, in tests a stand-in). */
    @FunctionalInterface
    interface Running {
        void close();
    }

    private final Consumer<CallEvent> events;
    private final LongSupplier sinceJoinedMs;
    private final Starter starter;
    private final Map<PeerId, FrameSource> videos = new ConcurrentHashMap<>();
    /** Who is in the room while it is on the media server, in the order they came; the window reads it. */
    private final List<RemotePeer> people = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile Running media;
    private SfuMedia.Target target;
    private CallStats receiving = CallStats.EMPTY;

    /** @param events where what the media server says goes, as the call's events; on the call's thread */
    SfuPeers(Consumer<CallEvent> events, LongSupplier sinceJoinedMs, Starter starter) {
        this.events = events;
        this.sinceJoinedMs = sinceJoinedMs;
        this.starter = starter;
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

    void close() {
        if (media != null) {
            media.close();
            media = null;
        }
        videos.clear();
        people.clear();
        receiving = CallStats.EMPTY;
    }

    /** The media server's news, already on the call's thread. */
    private final class Feeds implements SfuMedia.Listener {
        @Override
        public void feedVideo(String display, FrameSource video, int width, int height) {
            PeerId peer = PeerId.member(display);
            videos.put(peer, video);
            events.accept(new CallEvent.FirstRemoteVideo(peer, width, height, sinceJoinedMs.getAsLong()));
        }

        @Override
        public void feedGone(String display) {
            videos.remove(PeerId.member(display));
        }

        @Override
        public void interrupted(String reason) {
            events.accept(new CallEvent.MediaServerLost(reason));
        }

        @Override
        public void restored() {
            events.accept(new CallEvent.MediaServerBack());
        }

        @Override
        public void stats(boolean sending, CallStats stats) {
            if (sending) {
                // Once a round, with the receiving side's newest.
                events.accept(new CallEvent.SfuStats(stats, receiving));
            } else {
                receiving = stats;
            }
        }
    }
}
