package dev.roomcall.app.call;

import dev.roomcall.media.SessionConfig;
import dev.roomcall.media.session.Signaller;
import dev.roomcall.signaling.IceServer;
import dev.roomcall.signaling.SignalMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The room as one call sees it: what the server says about who is there, and the peer sessions that follow from
 * it. In a group room (member ids, no demo page) each member gets a session of its own, whatever arrives is routed
 * by its {@code from} and whatever a session sends is addressed {@code to} its member; {@link WhoOffers#towardMember}
 * decides who offers in each pair. A two-person call without member ids (a demo relay, a demo page in the room, an
 * old server) keeps one session, {@link PeerId#OTHER}, unaddressed, and the {@link WhoOffers} state machine.
 * Runs on the call's thread only.
 */
final class CallRoom {

    private static final Logger log = LoggerFactory.getLogger(CallRoom.class);

    /** What the room needs from its call. */
    interface Host {
        void emit(CallEvent event);

        void send(SignalMessage message);

        /** Sends on the connection open now or drops it (see {@code SignalingClient.sendOnThisConnection}). */
        void sendOnThisConnection(SignalMessage message);

        /** Whether chat reaches anyone may have changed. */
        void chatChanged();
    }

    private final CallOptions options;
    private final PeerSessions sessions;
    private final SfuPeers sfu;
    private final Host host;
    private final WhoOffers offers;
    private final RoomMembers members = new RoomMembers();
    private boolean serverGivesPresence;
    private List<IceServer> iceServers;
    /** Once the options or the server ask for relay-only it stays so for the whole call: no quiet way back to direct. */
    private boolean relayOnly;
    /** People whose session we kept through our rejoin while they are not back in the room yet. */
    private final Set<PeerId> awaiting = new HashSet<>();
    /** Welcomed on the connection open now: only then do messages with our member id mean anything. */
    private boolean welcomed;

    CallRoom(CallOptions options, PeerSessions sessions, SfuPeers sfu, Host host) {
        this.options = options;
        this.sessions = sessions;
        this.sfu = sfu;
        this.host = host;
        this.offers = new WhoOffers(options.role());
        this.iceServers = options.iceServers();
        this.relayOnly = options.relayOnly();
    }

    /**
     * Before the socket opens: makes ready the peer session whoever we meet first will need (peer connection, tracks,
     * certificate), with the ICE servers known now; {@link PeerSessions#start} hands it the room's when it starts.
     */
    void prepareSession() {
        sessions.prepare(new SessionConfig(false, iceServers, relayOnly));
    }

    /** The signaling socket opened (first time or after an outage). */
    void opened() {
        welcomed = false;
        // A plain relay never says who is there: a caller offers now and the relay holds the offer.
        carryOut(offers.opened());
    }

    /** The signaling connection dropped; the client reconnects. */
    void lost() {
        welcomed = false;
    }

    /** Something the server (or the other person through it) said. */
    void onSignal(SignalMessage message) {
        if (message instanceof SignalMessage.Joined joined) {
            welcome(joined);
        } else if (message instanceof SignalMessage.PeerJoined joined) {
            members.arrived(joined.peer(), joined.name(), joined.demo());
            if (members.isPairPartner(joined.peer())) {
                host.emit(new CallEvent.PeerJoined(PeerId.OTHER, joined.name()));
                carryOut(offers.peerJoined());
            } else if (sfu.active()) {
                // Their media arrives through the media server once they publish.
                sfu.arrived(PeerId.member(joined.peer()), joined.name() == null ? "" : joined.name());
                host.emit(new CallEvent.PeerJoined(PeerId.member(joined.peer()), joined.name()));
            } else {
                memberArrived(PeerId.member(joined.peer()), joined.name());
            }
        } else if (message instanceof SignalMessage.PeerLeft left) {
            boolean pair = members.isPairPartner(left.peer());
            String name = members.left(left.peer());
            PeerId peer = pair ? PeerId.OTHER : PeerId.member(left.peer());
            if (pair) {
                carryOut(offers.peerLeft());
            } else {
                awaiting.remove(peer);
                closeSession(peer);
                sfu.left(peer);
            }
            host.emit(new CallEvent.PeerLeft(peer, name, "left"));
        } else if (message instanceof SignalMessage.Bye) {
            // Only a plain relay passes a bye on, and only between two people.
            carryOut(offers.peerLeft());
            host.emit(new CallEvent.PeerLeft(PeerId.OTHER, "", "bye"));
        } else if (message instanceof SignalMessage.PeerName named) {
            members.named(named.peer(), named.name());
            PeerId peer = members.isPairPartner(named.peer()) ? PeerId.OTHER : PeerId.member(named.peer());
            PeerLink link = sessions.get(peer);
            if (link != null) {
                link.name(named.name());
            }
            sfu.renamed(peer, named.name());
            host.emit(new CallEvent.PeerName(peer, named.name()));
        } else if (message instanceof SignalMessage.RoomFull full) {
            host.emit(new CallEvent.RoomFull(full.room(), full.message()));
        } else if (message instanceof SignalMessage.ServerError error) {
            host.emit(new CallEvent.Error("server-" + error.code(), error.message()));
        } else if (message instanceof SignalMessage.Invalid invalid) {
            log.warn("event=invalid-signal problem={} detail={}", invalid.problem(), invalid.detail());
        } else if (message instanceof SignalMessage.Sfu moved) {
            moveToSfu(moved);
        } else if (message instanceof SignalMessage.Extension) {
            log.debug("event=signal-ignored type={}", message.getClass().getSimpleName());
        } else if (members.grouped()) {
            memberSignal(message);
        } else {
            pairSignal(message);
        }
    }

    private void welcome(SignalMessage.Joined joined) {
        serverGivesPresence = true;
        iceServers = IceServerList.merged(joined.iceServers(), options.iceServers());
        if (joined.relayOnly() && !relayOnly) {
            // The deployment's policy can only tighten ours, never loosen it.
            log.info("event=server-relay-only");
            relayOnly = true;
        }
        String before = members.ownId();
        members.welcome(joined.id(), joined.members());
        welcomed = true;
        List<RemotePeer> there = new ArrayList<>(joined.members().stream()
                .map(m -> new RemotePeer(members.isPairPartner(m.id()) ? PeerId.OTHER : PeerId.member(m.id()), m.name()))
                .toList());
        if (members.grouped()) {
            rejoin(joined.id().equals(before), joined.members());
            // Whoever we kept a live session with while they find their way back is still in the call with us.
            awaiting.forEach(peer -> there.add(sessions.get(peer).remote()));
        }
        host.emit(new CallEvent.Joined(joined.room(), joined.peers() + there.size() - joined.members().size(), there));
        if (joined.id() != null && !options.displayName().isEmpty()) {
            host.send(new SignalMessage.Hello(options.displayName()));
        }
        if (!members.grouped()) {
            carryOut(offers.joined(joined.peers(), joined.queued()));
        }
    }

    /**
     * Our sessions after a welcome ({@link RejoinRule}): with the id we had, the people we are still connected to keep
     * their session (those not back yet are awaited); otherwise, and with everyone else, we are the newcomer.
     */
    private void rejoin(boolean sameId, List<SignalMessage.Peer> listed) {
        Set<PeerId> there = new HashSet<>();
        listed.forEach(member -> there.add(PeerId.member(member.id())));
        Set<PeerId> everyone = new LinkedHashSet<>(there);
        sessions.ordered().forEach(link -> everyone.add(link.peer));
        awaiting.clear();
        for (PeerId peer : everyone) {
            PeerLink link = sessions.get(peer);
            RejoinRule.Step step = RejoinRule.toward(sameId, options.role(), there.contains(peer),
                    link != null && link.connectedNow());
            log.info("event=session-after-welcome peer={} step={} same-id={}", peer, step, sameId);
            switch (step) {
                case KEEP -> link.session().resendPendingOffer(); // it may have been lost with the old connection
                case AWAIT -> awaiting.add(peer);
                case CLOSE -> closeSession(peer);
                case OFFER -> startMemberSession(peer, true);
            }
        }
    }

    /**
     * {@code peer-joined}: someone new, whose offer a new session waits for; or someone we are still connected to,
     * back after their own rejoin, and the call with them simply goes on (nobody is told they came or went).
     */
    private void memberArrived(PeerId peer, String name) {
        PeerLink link = sessions.get(peer);
        awaiting.remove(peer);
        if (link != null && link.connectedNow()) {
            log.info("event=member-back peer={}", peer);
            link.session().resendPendingOffer(); // it went nowhere while they were away
            return;
        }
        host.emit(new CallEvent.PeerJoined(peer, name));
        startMemberSession(peer, false);
    }

    /**
     * What a session said about its connection. One we keep while its person is away from the room ends when its
     * connection drops: then they are gone, and the call says so.
     */
    void observe(CallEvent event) {
        if (event instanceof CallEvent.Disconnected dropped && awaiting.remove(dropped.peer())) {
            PeerLink link = sessions.get(dropped.peer());
            closeSession(dropped.peer());
            host.emit(new CallEvent.PeerLeft(dropped.peer(), link == null ? "" : link.name(), "left"));
        }
    }

    /**
     * The room is hosted on the media server from now on: the peer sessions end (their media would only double what
     * Janus forwards) and the call publishes there under its member id.
     */
    private void moveToSfu(SignalMessage.Sfu moved) {
        String own = members.ownId();
        if (own == null) {
            log.warn("event=sfu-without-member-id");
            return;
        }
        boolean first = !sfu.active();
        sessions.closeAll();
        awaiting.clear();
        sfu.follow(moved, own, iceServers, relayOnly);
        sfu.present(members.others());
        if (first) {
            host.emit(new CallEvent.MovedToSfu(moved.videoroom()));
        }
    }

    /** An offer, answer or candidate in a group room: it belongs to the session with its sender. */
    private void memberSignal(SignalMessage message) {
        if (sfu.active()) {
            // Someone's offer from before they heard the room moved: the media server carries everyone now.
            log.debug("event=signal-ignored-on-sfu type={}", message.getClass().getSimpleName());
            return;
        }
        String from = Addressing.from(message);
        PeerLink link;
        if (from == null) {
            // An unaddressed message can only be from the one other person there is.
            List<PeerLink> all = sessions.ordered();
            link = all.size() == 1 ? all.get(0) : null;
        } else {
            link = sessions.get(PeerId.member(from));
            if (link == null && message instanceof SignalMessage.Offer) {
                link = startMemberSession(PeerId.member(from), false);
            }
        }
        if (link == null) {
            log.debug("event=signal-without-session from={} type={}", from, message.getClass().getSimpleName());
            return;
        }
        link.session().handle(message);
    }

    /** An offer, answer or candidate in a two-person call: {@link WhoOffers} says what to do with it. */
    private void pairSignal(SignalMessage message) {
        WhoOffers.Move move = offers.peerSignal(message instanceof SignalMessage.Offer);
        carryOut(move);
        if (move == WhoOffers.Move.DELIVER || move == WhoOffers.Move.ANSWER_AND_DELIVER) {
            sessions.get(PeerId.OTHER).session().handle(message);
        } else {
            log.debug("event=signal-without-session type={}", message.getClass().getSimpleName());
        }
    }

    // ------------------------------------------------------------------ peer sessions

    /** Carries out what {@link WhoOffers} decided for the two-person call. */
    void carryOut(WhoOffers.Move move) {
        switch (move) {
            case OFFER, DROP_AND_OFFER -> startSession(PeerId.OTHER, true, null);
            case ANSWER, ANSWER_AND_DELIVER -> startSession(PeerId.OTHER, false, null);
            case CLOSE -> closeSession(PeerId.OTHER);
            default -> { }
        }
    }

    private PeerLink startMemberSession(PeerId peer, boolean offerer) {
        return startSession(peer, offerer, peer.value());
    }

    /** @param memberId the member id to address, or null for the unaddressed two-person call */
    private PeerLink startSession(PeerId peer, boolean offerer, String memberId) {
        boolean polite = !offerer;
        log.info("event=session-start peer={} offerer={} polite={} presence={} relayOnly={}", peer, offerer, polite,
                serverGivesPresence, relayOnly);
        if (relayOnly && !IceServerList.hasTurn(iceServers)) {
            // libwebrtc would simply never gather a candidate and wait: say why the call cannot connect.
            host.emit(new CallEvent.Error("relay-unavailable",
                    "Relay-only calls need a TURN server, and none is configured or announced."));
        }
        String from = members.ownId();
        Signaller signaller = memberId == null ? host::send : message -> {
            // Our member id dies with the connection: what a session says after that is for nobody.
            if (welcomed && from.equals(members.ownId())) {
                host.sendOnThisConnection(Addressing.address(message, from, memberId));
            } else {
                log.debug("event=signal-dropped peer={} reason=connection-gone", memberId);
            }
        };
        return sessions.start(peer, members.name(memberId), offerer, new SessionConfig(polite, iceServers, relayOnly),
                signaller);
    }

    private void closeSession(PeerId peer) {
        PeerLink old = sessions.close(peer);
        if (old != null && old.session().dataChannelOpen() && !sessions.isEmpty()) {
            // Its own "closed" is dropped with the session: say whether chat still reaches anyone.
            host.chatChanged();
        }
    }
}
