package dev.roomcall.app.call;

import dev.roomcall.media.stats.CallStats;
import dev.roomcall.media.session.ChatText;
import dev.roomcall.media.session.ConnectionState;
import dev.roomcall.media.stats.DtlsVerification;
import dev.roomcall.media.render.FrameSource;
import dev.roomcall.media.MediaEngine;
import dev.roomcall.media.MediaWarning;
import dev.roomcall.media.session.PeerMessage;
import dev.roomcall.media.session.PeerSession;
import dev.roomcall.media.SessionConfig;
import dev.roomcall.media.session.SessionListener;
import dev.roomcall.signaling.IceServer;
import dev.roomcall.signaling.SignalMessage;
import dev.roomcall.signaling.SignalingClient;
import dev.roomcall.signaling.SignalingListener;
import dev.roomcall.signaling.SignalingState;
import dev.roomcall.signaling.SignalingUrl;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call: a signaling connection to a room plus, while someone is there, a peer session.
 * Decides who offers, starts a fresh peer session for each new peer, and turns everything that
 * happens into {@link CallEvent}s. Every state change runs on one thread, so signaling callbacks,
 * media callbacks and the user's hang-up never race. Chat and the peer's microphone/camera state
 * travel over the session's data channel and reach the listener's peer-message methods.
 */
public final class CallController implements CallControls, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallController.class);

    private final CallOptions options;
    private final MediaEngine engine;
    private final CallListener listener;
    private final ExecutorService thread;
    private final SignalingClient signaling;

    // Only touched on `thread`.
    // Written only on `thread`; volatile because the window reads remoteVideo() on its own thread.
    private volatile PeerSession session;
    private long sessionSerial;
    private long joinedAtNanos;
    private boolean connectedOnce;
    private boolean interrupted;
    private boolean remoteVideoSeen;
    private boolean serverGivesPresence;
    private int awaitingQueued;
    /** Counts signaling connections, so a session can tell whether it predates the current one. */
    private int connectionEpoch;
    private int sessionEpoch;
    private List<IceServer> iceServers;
    /** Once the options or the server ask for relay-only it stays so for the whole call: no quiet way back to direct. */
    private boolean relayOnly;
    private boolean ended;

    public CallController(CallOptions options, MediaEngine engine, CallListener listener) {
        this.options = options;
        this.engine = engine;
        this.listener = listener;
        this.iceServers = options.iceServers();
        this.relayOnly = options.relayOnly();
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "roomcall-call");
            t.setDaemon(true);
            return t;
        });
        SignalingClient.Builder client = SignalingClient.builder(SignalingUrl.of(options.server(), options.room()),
                new SignalingEvents());
        // The built-in server's certificate is self-signed: trusted because it is exactly the one this app made.
        if (options.certificatePin() != null) {
            client.pinnedCertificate(options.certificatePin());
        }
        this.signaling = client.build();
    }

    /** Connects to the room; events follow on the listener. */
    public void start() {
        run(() -> {
            log.info("event=call-start server={} role={}", options.server(), options.role());
            signaling.connect();
        });
    }

    /** Ends the call on purpose: the peer is told at once (bye), not after an ICE timeout. */
    public void hangUp() {
        run(() -> end("hang-up"));
    }

    @Override
    public void setMicrophoneEnabled(boolean on) {
        engine.localMedia().setMicrophoneEnabled(on);
        run(this::announceMedia);
    }

    @Override
    public void setCameraEnabled(boolean on) {
        engine.localMedia().setCameraEnabled(on);
        run(this::announceMedia);
    }

    @Override
    public boolean microphoneEnabled() {
        return engine.localMedia().microphoneEnabled();
    }

    @Override
    public boolean cameraEnabled() {
        return engine.localMedia().cameraEnabled();
    }

    @Override
    public Optional<PeerMessage.Chat> sendChat(String text) {
        PeerMessage.Chat chat = ChatText.bound(text);
        PeerSession current = session;
        if (chat.text().isEmpty() || current == null || ended || !current.send(chat)) {
            return Optional.empty();
        }
        log.debug("event=chat-sent chars={}", chat.text().length());
        return Optional.of(chat);
    }

    @Override
    public double microphoneLevel() {
        PeerSession current = session;
        return current == null ? 0 : current.microphoneLevel();
    }

    /** The newest remote picture, or null before a peer session exists. */
    public FrameSource remoteVideo() {
        PeerSession current = session;
        return current == null ? null : current.remoteVideo();
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
        if (ended) {
            return;
        }
        switch (state) {
            case OPEN -> {
                connectionEpoch++;
                joinedAtNanos = System.nanoTime();
                emit(new CallEvent.SignalingOpen(options.server().toString()));
                if (options.role() == Role.CALLER && session == null) {
                    // A plain relay never says who is there: the caller offers now and the relay
                    // (or Roomcall's queue) holds the offer until the page arrives.
                    startSession(true);
                }
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

    /**
     * The deployment's servers first (a Roomcall server hands out fresh TURN credentials on every join), then this
     * person's own STUN/TURN servers that the deployment did not already name: a server announcing only STUN must
     * not take away the TURN relay someone configured.
     */
    static List<IceServer> withServersOf(List<IceServer> announced, List<IceServer> own) {
        List<IceServer> merged = new ArrayList<>(announced);
        java.util.Set<String> named = new java.util.HashSet<>();
        announced.forEach(server -> named.addAll(server.urls()));
        for (IceServer server : own) {
            if (server.urls().stream().noneMatch(named::contains)) {
                merged.add(server);
            }
        }
        return List.copyOf(merged);
    }

    private void onSignal(SignalMessage message) {
        if (ended) {
            return;
        }
        if (message instanceof SignalMessage.Joined joined) {
            serverGivesPresence = true;
            iceServers = withServersOf(joined.iceServers(), options.iceServers());
            if (joined.relayOnly() && !relayOnly) {
                // The deployment's policy can only tighten ours, never loosen it.
                log.info("event=server-relay-only");
                relayOnly = true;
            }
            emit(new CallEvent.Joined(joined.room(), joined.peers()));
            boolean sessionFromThisConnection = session != null && sessionEpoch == connectionEpoch;
            if (joined.peers() > 0 && !sessionFromThisConnection) {
                // Whoever is already here started a brand-new connection for the newcomer (the page
                // does, and so does this class on peer-joined): a session that survived a signaling
                // outage cannot be renegotiated with it, so it goes.
                closeSession();
                if (options.role() != Role.CALLEE) {
                    if (joined.queued() > 0) {
                        // The one already here sent something while alone (a demo page offers by itself):
                        // see it before deciding, or our offer would collide with theirs.
                        awaitingQueued = joined.queued();
                    } else {
                        startSession(true);
                    }
                }
            }
            // Alone (peers == 0): a session that survived an outage keeps the media flowing until
            // the other person rejoins, which replaces it.
        } else if (message instanceof SignalMessage.PeerJoined) {
            emit(new CallEvent.PeerJoined());
            // The newcomer offers on a brand-new connection; meet it with a fresh, polite session.
            startSession(false);
        } else if (message instanceof SignalMessage.PeerLeft || message instanceof SignalMessage.Bye) {
            closeSession();
            emit(new CallEvent.PeerLeft(message instanceof SignalMessage.Bye ? "bye" : "left"));
        } else if (message instanceof SignalMessage.RoomFull full) {
            emit(new CallEvent.RoomFull(full.room()));
        } else if (message instanceof SignalMessage.ServerError error) {
            emit(new CallEvent.Error("server-" + error.code(), error.message()));
        } else if (message instanceof SignalMessage.Invalid invalid) {
            log.warn("event=invalid-signal problem={} detail={}", invalid.problem(), invalid.detail());
        } else {
            boolean wasQueued = awaitingQueued > 0;
            if (wasQueued) {
                awaitingQueued = message instanceof SignalMessage.Offer ? 0 : awaitingQueued - 1;
            }
            if (session == null) {
                if (message instanceof SignalMessage.Offer) {
                    startSession(false);
                } else {
                    log.debug("event=signal-without-session type={}", message.getClass().getSimpleName());
                    if (wasQueued && awaitingQueued == 0) {
                        // Nothing queued was an offer: we are the second joiner, so we offer.
                        startSession(true);
                    }
                    return;
                }
            }
            session.handle(message);
        }
    }

    // ------------------------------------------------------------------ media

    private void startSession(boolean offerer) {
        closeSession();
        long serial = ++sessionSerial;
        sessionEpoch = connectionEpoch;
        connectedOnce = false;
        interrupted = false;
        remoteVideoSeen = false;
        boolean polite = !offerer;
        log.info("event=session-start offerer={} polite={} presence={} relayOnly={}", offerer, polite,
                serverGivesPresence, relayOnly);
        if (relayOnly && iceServers.stream().flatMap(s -> s.urls().stream()).noneMatch(CallController::isTurn)) {
            // libwebrtc would simply never gather a candidate and wait: say why the call cannot connect.
            emit(new CallEvent.Error("relay-unavailable",
                    "Relay-only calls need a TURN server, and none is configured or announced."));
        }
        session = engine.createSession(new SessionConfig(polite, iceServers, relayOnly), thread, signaling::send,
                new SessionEvents(serial));
        session.start(offerer);
    }

    private void closeSession() {
        if (session != null) {
            PeerSession old = session;
            session = null;
            try {
                old.close();
            } catch (RuntimeException e) {
                log.warn("event=session-close-failed", e);
            }
        }
    }

    private final class SessionEvents implements SessionListener {
        private final long serial;

        SessionEvents(long serial) {
            this.serial = serial;
        }

        /** Events from a session that was replaced meanwhile must not leak into the new one. */
        private void ifCurrent(Runnable action) {
            run(() -> {
                if (serial == sessionSerial && session != null && !ended) {
                    action.run();
                }
            });
        }

        @Override
        public void onConnectionState(ConnectionState state) {
            ifCurrent(() -> {
                if (state == ConnectionState.CONNECTED && (!connectedOnce || interrupted)) {
                    // Again after an interruption, so whoever shows the call can say it is back.
                    connectedOnce = true;
                    interrupted = false;
                    emit(new CallEvent.Connected(sinceJoined()));
                } else if (state == ConnectionState.DISCONNECTED) {
                    interrupted = true;
                    emit(new CallEvent.Disconnected());
                } else if (state == ConnectionState.FAILED && connectedOnce) {
                    // The session restarts ICE by itself; until it works again this is an interruption.
                    if (!interrupted) {
                        interrupted = true;
                        emit(new CallEvent.Disconnected());
                    }
                } else if (state == ConnectionState.FAILED) {
                    emit(new CallEvent.Error("ice-failed", "The connection to the peer failed."));
                }
            });
        }

        @Override
        public void onMediaWarning(MediaWarning warning) {
            ifCurrent(() -> emit(new CallEvent.MediaProblem(warning)));
        }

        @Override
        public void onIceRestart(int attempt) {
            ifCurrent(() -> emit(new CallEvent.IceRestart(attempt)));
        }

        @Override
        public void onFirstRemoteVideo(int width, int height) {
            ifCurrent(() -> {
                if (!remoteVideoSeen) {
                    remoteVideoSeen = true;
                    emit(new CallEvent.FirstRemoteVideo(width, height, sinceJoined()));
                }
            });
        }

        @Override
        public void onStats(CallStats stats) {
            ifCurrent(() -> emit(new CallEvent.Stats(stats)));
        }

        @Override
        public void onVerification(DtlsVerification verification) {
            ifCurrent(() -> emit(new CallEvent.Verification(verification)));
        }

        @Override
        public void onError(String code, String message) {
            ifCurrent(() -> emit(new CallEvent.Error(code, message)));
        }

        @Override
        public void onDataChannel(boolean open) {
            ifCurrent(() -> {
                if (open) {
                    announceMedia();
                }
                try {
                    listener.onChatChannel(open);
                } catch (RuntimeException e) {
                    log.warn("event=listener-failed type=chat-channel", e);
                }
            });
        }

        @Override
        public void onPeerMessage(PeerMessage message) {
            ifCurrent(() -> {
                try {
                    listener.onPeerMessage(message);
                } catch (RuntimeException e) {
                    log.warn("event=listener-failed type=peer-message", e);
                }
            });
        }
    }

    /** Tells the peer whether our microphone and camera are on, so it can say "muted" for certain. */
    private void announceMedia() {
        PeerSession current = session;
        if (current != null && !ended) {
            current.send(new PeerMessage.MediaState(microphoneEnabled(), cameraEnabled()));
        }
    }

    // ------------------------------------------------------------------ lifecycle

    private void end(String reason) {
        if (ended) {
            return;
        }
        ended = true;
        // Bye first, while the socket is still open: the peer learns at once that we left.
        signaling.send(new SignalMessage.Bye());
        closeSession();
        signaling.close();
        emit(new CallEvent.Ended(reason));
    }

    private static boolean isTurn(String url) {
        String lower = url.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("turn:") || lower.startsWith("turns:");
    }

    private long sinceJoined() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - joinedAtNanos);
    }

    private void emit(CallEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            log.warn("event=listener-failed type={}", event.getClass().getSimpleName(), e);
        }
    }

    private void run(Runnable action) {
        if (thread.isShutdown()) {
            return;
        }
        thread.execute(() -> {
            try {
                action.run();
            } catch (RuntimeException e) {
                log.error("event=call-step-failed", e);
                emit(new CallEvent.Error("internal", String.valueOf(e.getMessage())));
            }
        });
    }

    private final class SignalingEvents implements SignalingListener {
        @Override
        public void onStateChanged(SignalingState state, String reason) {
            run(() -> onSignalingState(state, reason));
        }

        @Override
        public void onMessage(SignalMessage message) {
            run(() -> onSignal(message));
        }
    }
}
