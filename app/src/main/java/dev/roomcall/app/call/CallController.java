package dev.roomcall.app.call;

import dev.roomcall.app.call.OutgoingTracks.Kind;
import dev.roomcall.media.MediaEngine;
import dev.roomcall.media.SessionConfig;
import dev.roomcall.media.render.FrameSource;
import dev.roomcall.media.screen.PlatformScreenSources;
import dev.roomcall.media.screen.ScreenSources;
import dev.roomcall.media.session.ChatText;
import dev.roomcall.media.session.PeerMessage;
import dev.roomcall.media.session.PeerSession;
import dev.roomcall.signaling.IceServer;
import dev.roomcall.signaling.SignalMessage;
import dev.roomcall.signaling.SignalingClient;
import dev.roomcall.signaling.SignalingClientBuilder;
import dev.roomcall.signaling.SignalingListener;
import dev.roomcall.signaling.SignalingState;
import dev.roomcall.signaling.SignalingUrl;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call: a signaling connection to a room, a peer session for each other person there (kept by {@link PeerId}),
 * and the tracks this side sends to all of them. {@link WhoOffers} decides who offers; this class carries the
 * decisions out and turns everything that happens into {@link CallEvent}s.
 *
 * <p>Each call has one thread. Signaling events, session callbacks and the person's commands all run on it, so they
 * never race; whatever belongs to a session the call no longer holds, or arrives after the call ended, is dropped in
 * one place ({@link #onCallThread(PeerLink, Runnable)}).
 *
 * <p>Start a call with {@link #start(CallOptions, MediaEngine, CallListener)}, or {@link #prepare} and
 * {@link #start(CallListener)} when the listener needs the call's controls first.
 */
public final class CallController implements CallControls, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallController.class);

    private final CallOptions options;
    private final MediaEngine engine;
    private final ExecutorService thread;
    private final SignalingClient signaling;
    private final WhoOffers offers;
    private final OutgoingTracks tracks;
    /** Written only on the call's thread; concurrent because the window reads remote pictures on its own. */
    private final Map<PeerId, PeerLink> peers = new ConcurrentHashMap<>();
    private final PeerLink.Call linkEvents = new LinkEvents();
    private final ShareController share;
    private volatile CallListener listener;

    // Only touched on the call's thread.
    private long joinedAtNanos;
    private boolean serverGivesPresence;
    private List<IceServer> iceServers;
    /** Once the options or the server ask for relay-only it stays so for the whole call: no quiet way back to direct. */
    private boolean relayOnly;
    private boolean ended;

    private CallController(CallOptions options, MediaEngine engine, ScreenSources screens) {
        this.options = Objects.requireNonNull(options, "options");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.iceServers = options.iceServers();
        this.relayOnly = options.relayOnly();
        this.offers = new WhoOffers(options.role());
        this.tracks = new OutgoingTracks(engine.localMedia());
        this.share = new ShareController(engine.localMedia(), screens, this::run, this::emit);
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "roomcall-call");
            t.setDaemon(true);
            return t;
        });
        // Signaling news comes straight onto the call's thread. The call holds one peer at a time (PeerId.OTHER), so
        // it asks the server to keep its room at two rather than let in someone it could not talk to.
        SignalingClientBuilder client = SignalingClient.builder(SignalingUrl.forOnePeer(options.server(),
                options.room()), new SignalingEvents()).executor(thread);
        // The built-in server's certificate is self-signed: trusted because it is exactly the one this app made.
        if (options.certificatePin() != null) {
            client.pinnedCertificate(options.certificatePin());
        }
        this.signaling = client.build();
    }

    /** Starts a call on {@code engine}: the one way every caller (window, headless run, tests) starts a call. */
    public static CallController start(CallOptions options, MediaEngine engine, CallListener listener) {
        CallController call = prepare(options, engine);
        call.start(listener);
        return call;
    }

    /** A call that is not connected yet, for a listener that needs the call's controls before it can listen. */
    public static CallController prepare(CallOptions options, MediaEngine engine) {
        return prepare(options, engine, PlatformScreenSources.forThisMachine());
    }

    /** A call that shares from {@code screens} (tests: an X display of their own) instead of this machine's. */
    public static CallController prepare(CallOptions options, MediaEngine engine, ScreenSources screens) {
        return new CallController(options, engine, screens);
    }

    /**
     * Connects to the room; events follow on {@code listener}, on the call's thread.
     *
     * @throws IllegalStateException if the call was started already
     */
    public void start(CallListener callListener) {
        Objects.requireNonNull(callListener, "callListener");
        if (listener != null) {
            throw new IllegalStateException("this call was started already");
        }
        listener = callListener;
        run(() -> {
            log.info("event=call-start server={} role={}", options.server(), options.role());
            signaling.connect();
        });
    }

    /** Ends the call on purpose: the peer is told at once (bye), not after an ICE timeout. */
    @Override
    public void hangUp() {
        run(() -> end("hang-up"));
    }

    @Override
    public void setMicrophoneEnabled(boolean on) {
        tracks.setEnabled(Kind.MICROPHONE, on);
        run(this::announceTracks);
    }

    @Override
    public void setCameraEnabled(boolean on) {
        tracks.setEnabled(Kind.CAMERA, on);
        run(this::announceTracks);
    }

    @Override
    public boolean microphoneEnabled() {
        return tracks.enabled(Kind.MICROPHONE);
    }

    @Override
    public boolean cameraEnabled() {
        return tracks.enabled(Kind.CAMERA);
    }

    /** Sends a chat line to everyone in the call; empty if there was no one to send it to. */
    @Override
    public Optional<PeerMessage.Chat> sendChat(String text) {
        PeerMessage.Chat chat = ChatText.bound(text);
        if (chat.text().isEmpty() || ended) {
            return Optional.empty();
        }
        boolean sent = false;
        for (PeerLink link : peers.values()) {
            sent |= link.session().send(chat);
        }
        if (!sent) {
            return Optional.empty();
        }
        log.debug("event=chat-sent chars={}", chat.text().length());
        return Optional.of(chat);
    }

    @Override
    public double microphoneLevel() {
        return peers.values().stream().mapToDouble(link -> link.session().microphoneLevel()).max().orElse(0);
    }

    /** The other person's newest picture, or null before a peer session exists. */
    public FrameSource remoteVideo() {
        PeerLink link = peers.get(PeerId.OTHER);
        return link == null ? null : link.session().remoteVideo();
    }

    /** This call's screen share: what can be shared, start and stop. */
    public ShareController share() {
        return share;
    }

    /** The screen the other person shares (its last frame stays after the share), or null before a peer session. */
    public FrameSource remoteScreen() {
        PeerLink link = peers.get(PeerId.OTHER);
        return link == null ? null : link.session().remoteScreen();
    }

    /** How much screen sharing flows now, for the statistics line. */
    public ShareCounters shareCounters() {
        long decoded = peers.values().stream().mapToLong(link -> link.session().remoteScreen().framesReceived()).sum();
        return new ShareCounters(share.framesSent(), decoded);
    }

    @Override
    public void close() {
        hangUp();
        thread.shutdown();
        try {
            if (!thread.awaitTermination(5, TimeUnit.SECONDS)) {
                log.warn("event=call-close-timeout");
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ------------------------------------------------------------------ signaling

    private void onSignalingState(SignalingState state, String reason) {
        switch (state) {
            case OPEN -> {
                joinedAtNanos = System.nanoTime();
                emit(new CallEvent.SignalingOpen(options.server().toString()));
                // A plain relay never says who is there: a caller offers now and the relay holds the offer.
                carryOut(offers.opened());
            }
            case RECONNECTING -> emit(new CallEvent.SignalingLost(reason == null ? "connection lost" : reason));
            case CLOSED -> {
                if (reason != null && !reason.isBlank()) {
                    emit(new CallEvent.Error("signaling-closed", reason));
                }
                end("signaling closed");
            }
            default -> { }
        }
    }

    private void onSignal(SignalMessage message) {
        share.observe(message);
        if (message instanceof SignalMessage.Joined joined) {
            serverGivesPresence = true;
            iceServers = IceServerList.merged(joined.iceServers(), options.iceServers());
            if (joined.relayOnly() && !relayOnly) {
                // The deployment's policy can only tighten ours, never loosen it.
                log.info("event=server-relay-only");
                relayOnly = true;
            }
            emit(new CallEvent.Joined(joined.room(), joined.peers()));
            carryOut(offers.joined(joined.peers(), joined.queued()));
        } else if (message instanceof SignalMessage.PeerJoined) {
            emit(new CallEvent.PeerJoined());
            carryOut(offers.peerJoined());
        } else if (message instanceof SignalMessage.PeerLeft || message instanceof SignalMessage.Bye) {
            carryOut(offers.peerLeft());
            emit(new CallEvent.PeerLeft(message instanceof SignalMessage.Bye ? "bye" : "left"));
        } else if (message instanceof SignalMessage.RoomFull full) {
            emit(new CallEvent.RoomFull(full.room()));
        } else if (message instanceof SignalMessage.ServerError error) {
            emit(new CallEvent.Error("server-" + error.code(), error.message()));
        } else if (message instanceof SignalMessage.Invalid invalid) {
            log.warn("event=invalid-signal problem={} detail={}", invalid.problem(), invalid.detail());
        } else {
            WhoOffers.Move move = offers.peerSignal(message instanceof SignalMessage.Offer);
            carryOut(move);
            if (move == WhoOffers.Move.DELIVER || move == WhoOffers.Move.ANSWER_AND_DELIVER) {
                peers.get(PeerId.OTHER).session().handle(message);
            } else {
                log.debug("event=signal-without-session type={}", message.getClass().getSimpleName());
            }
        }
    }

    // ------------------------------------------------------------------ peer sessions

    private void carryOut(WhoOffers.Move move) {
        switch (move) {
            case OFFER, DROP_AND_OFFER -> startSession(PeerId.OTHER, true);
            case ANSWER, ANSWER_AND_DELIVER -> startSession(PeerId.OTHER, false);
            case CLOSE -> closeSession(PeerId.OTHER);
            default -> { }
        }
    }

    private void startSession(PeerId peer, boolean offerer) {
        closeSession(peer);
        boolean polite = !offerer;
        log.info("event=session-start offerer={} polite={} presence={} relayOnly={}", offerer, polite,
                serverGivesPresence, relayOnly);
        if (relayOnly && !IceServerList.hasTurn(iceServers)) {
            // libwebrtc would simply never gather a candidate and wait: say why the call cannot connect.
            emit(new CallEvent.Error("relay-unavailable",
                    "Relay-only calls need a TURN server, and none is configured or announced."));
        }
        PeerLink link = new PeerLink(peer, linkEvents);
        // Callbacks reach the link on this thread, after this step: by then it is the peer's.
        link.attach(openSession(new SessionConfig(polite, iceServers, relayOnly), link));
        peers.put(peer, link);
        link.session().start(offerer);
    }

    /** The one place the call asks the media engine for a session. */
    private PeerSession openSession(SessionConfig config, PeerLink link) {
        // Every callback of the session already runs on this call's thread, queued after the current step.
        return engine.createSession(config, thread, signaling::send, link.listener(action -> ifCurrent(link, action)));
    }

    private void closeSession(PeerId peer) {
        PeerLink old = peers.remove(peer);
        if (old != null && old.session() != null) {
            try {
                old.session().close();
            } catch (RuntimeException e) {
                log.warn("event=session-close-failed", e);
            }
        }
    }

    /**
     * Runs a session's callback (already on the call's thread) if its session is still the call's: callbacks of a
     * replaced session, or after the call ended, must not leak into the present.
     */
    private void ifCurrent(PeerLink link, Runnable action) {
        step(() -> {
            if (peers.get(link.peer) == link) {
                action.run();
            }
        });
    }

    /** Tells the peers whether our microphone and camera are on, so they can say "muted" for certain. */
    private void announceTracks() {
        PeerMessage.MediaState state = tracks.state();
        peers.values().forEach(link -> link.session().send(state));
    }

    // ------------------------------------------------------------------ lifecycle

    private void end(String reason) {
        share.close();
        ended = true;
        // Bye first, while the socket is still open: the peer learns at once that we left.
        signaling.send(new SignalMessage.Bye());
        List.copyOf(peers.keySet()).forEach(this::closeSession);
        signaling.close();
        emit(new CallEvent.Ended(reason));
    }

    private void emit(CallEvent event) {
        if (listener == null) {
            return; // closed before it was started
        }
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            log.warn("event=listener-failed type={}", event.getClass().getSimpleName(), e);
        }
    }

    /** Hands {@code action} to the call's thread. */
    private void run(Runnable action) {
        if (!thread.isShutdown()) {
            thread.execute(() -> step(action));
        }
    }

    /** One step of the call, on its thread; nothing happens in a call after its end. */
    private void step(Runnable action) {
        if (ended) {
            return;
        }
        try {
            action.run();
        } catch (RuntimeException e) {
            log.error("event=call-step-failed", e);
            emit(new CallEvent.Error("internal", String.valueOf(e.getMessage())));
        }
    }

    /** Already on the call's thread: the signaling client runs its listener there. */
    private final class SignalingEvents implements SignalingListener {
        @Override
        public void onStateChanged(SignalingState state, String reason) {
            step(() -> onSignalingState(state, reason));
        }

        @Override
        public void onMessage(SignalMessage message) {
            step(() -> onSignal(message));
        }
    }

    private final class LinkEvents implements PeerLink.Call {
        @Override
        public void emit(CallEvent event) {
            CallController.this.emit(event);
        }

        @Override
        public long sinceJoinedMs() {
            return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - joinedAtNanos);
        }

        @Override
        public void chatChannel(PeerLink link, boolean open) {
            if (open) {
                link.session().send(tracks.state());
            }
            try {
                listener.onChatChannel(open);
            } catch (RuntimeException e) {
                log.warn("event=listener-failed type=chat-channel", e);
            }
        }

        @Override
        public void peerMessage(PeerMessage message) {
            try {
                listener.onPeerMessage(message);
            } catch (RuntimeException e) {
                log.warn("event=listener-failed type=peer-message", e);
            }
        }
    }
}
