package dev.roomcall.app.call;

import dev.roomcall.media.CameraEncoding;
import dev.roomcall.media.SessionConfig;
import dev.roomcall.media.render.FrameSource;
import dev.roomcall.media.session.PeerMessage;
import dev.roomcall.media.session.PeerSession;
import dev.roomcall.media.session.PreparedFit;
import dev.roomcall.media.session.SessionListener;
import dev.roomcall.media.session.Signaller;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The call's peer sessions, one {@link PeerLink} per other person, kept by {@link PeerId}; the one owner of that
 * map. Starting or ending one fits the camera's encoding of every session to the call's new size
 * ({@link GroupEncoding}). Changed only on the call's thread; the window reads pictures and people on its own, so
 * the map is concurrent.
 */
final class PeerSessions {

    private static final Logger log = LoggerFactory.getLogger(PeerSessions.class);

    /** How the call asks the media engine for a session. */
    @FunctionalInterface
    interface Opener {
        PeerSession open(SessionConfig config, Signaller signaller, SessionListener listener);
    }

    /** Runs a link's callback on the call's thread, unless the call no longer holds that link by then. */
    @FunctionalInterface
    interface CallThread {
        void run(PeerLink link, Runnable action);
    }

    private final Map<PeerId, PeerLink> links = new ConcurrentHashMap<>();
    private final Opener opener;
    private final CallThread callThread;
    private final PeerLink.Call call;
    private long nextOrder;
    /** Made before anyone was there to call; the first session that fits takes it (see {@link #prepare}). */
    private PreparedSession prepared;

    PeerSessions(Opener opener, CallThread callThread, PeerLink.Call call) {
        this.opener = opener;
        this.callThread = callThread;
        this.call = call;
    }

    /**
     * Makes a session ready (peer connection, tracks, certificate) before the call knows whom it is for, so the first
     * session started takes it instead of making all that then. Nothing if one is prepared already.
     */
    void prepare(SessionConfig config) {
        if (prepared == null) {
            prepared = PreparedSession.open(opener, config);
        }
    }

    /** Replaces the session with {@code peer}, if any, with a new one that offers or waits for an offer. */
    PeerLink start(PeerId peer, String name, boolean offerer, SessionConfig config, Signaller signaller) {
        close(peer);
        PeerLink link = new PeerLink(peer, nextOrder++, call);
        link.name(name);
        // Callbacks reach the link on the call's thread, after this step: by then it is the peer's.
        SessionListener listener = link.listener(action -> callThread.run(link, action));
        PreparedUse use = PreparedUse.decide(prepared != null, prepared != null && prepared.alive(),
                prepared != null && PreparedFit.fits(prepared.config(), config));
        if (use == PreparedUse.DROP_AND_OPEN) {
            prepared.close();
            prepared = null;
        }
        if (use == PreparedUse.USE) {
            link.attach(prepared.bind(signaller, listener));
            prepared = null;
        } else {
            link.attach(opener.open(config, signaller, listener));
        }
        links.put(peer, link);
        fitEncoding();
        link.session().start(offerer, config);
        return link;
    }

    /** Ends the session with {@code peer}; returns it, or null if there was none. */
    PeerLink close(PeerId peer) {
        PeerLink old = links.remove(peer);
        if (old != null && old.session() != null) {
            try {
                old.session().close();
            } catch (RuntimeException e) {
                log.warn("event=session-close-failed peer={}", peer, e);
            }
            fitEncoding();
        }
        return old;
    }

    /** Ends every session, and the prepared one if no session took it. */
    void closeAll() {
        List.copyOf(links.keySet()).forEach(this::close);
        if (prepared != null) {
            prepared.close();
            prepared = null;
        }
    }

    PeerLink get(PeerId peer) {
        return links.get(peer);
    }

    /** Whether {@code link} is still the session the call holds for its person. */
    boolean isCurrent(PeerLink link) {
        return links.get(link.peer) == link;
    }

    boolean isEmpty() {
        return links.isEmpty();
    }

    /** Every session, in the order they began. */
    List<PeerLink> ordered() {
        return links.values().stream().sorted(Comparator.comparingLong(link -> link.order)).toList();
    }

    /** The other people, in the order their sessions began. */
    List<RemotePeer> people() {
        return ordered().stream().map(PeerLink::remote).toList();
    }

    /** The newest statistics of everyone that measured any yet, in the order their sessions began. */
    List<PeerStats> newestStats() {
        return ordered().stream().filter(link -> link.lastStats() != null)
                .map(link -> new PeerStats(link.peer, link.name(), link.lastStats())).toList();
    }

    /** {@code peer}'s camera picture, if there is a session with them. */
    Optional<FrameSource> remoteVideo(PeerId peer) {
        PeerLink link = links.get(Objects.requireNonNull(peer, "peer"));
        return link == null || link.session() == null ? Optional.empty() : Optional.of(link.session().remoteVideo());
    }

    /** {@code peer}'s shared screen, if there is a session with them. */
    Optional<FrameSource> remoteScreen(PeerId peer) {
        PeerLink link = links.get(Objects.requireNonNull(peer, "peer"));
        return link == null || link.session() == null ? Optional.empty() : Optional.of(link.session().remoteScreen());
    }

    /** Frames of shared screens decoded from everyone, in this call's current sessions. */
    long screenFramesDecoded() {
        return links.values().stream().mapToLong(link -> link.session().remoteScreen().framesReceived()).sum();
    }

    /** Whether a chat line can go to anyone. */
    /** Sends {@code message} to everyone on each session's data channel; false if it reached nobody. */
    boolean sendToAll(PeerMessage message) {
        boolean sent = false;
        for (PeerLink link : ordered()) {
            sent |= link.session().send(message);
        }
        return sent;
    }

    boolean anyChatOpen() {
        return links.values().stream().anyMatch(link -> link.session() != null && link.session().dataChannelOpen());
    }

    /** Every session's camera gets the limits for the call's size. */
    private void fitEncoding() {
        CameraEncoding fit = GroupEncoding.forOthers(links.size());
        log.debug("event=camera-fit people={} encoding={}", links.size(), fit);
        links.values().forEach(link -> link.session().limitCamera(fit));
    }
}
