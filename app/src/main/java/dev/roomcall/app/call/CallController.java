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
import dev.roomcall.media.session.SessionListener;
import dev.roomcall.media.session.Signaller;
import dev.roomcall.media.stats.CallStats;
import dev.roomcall.signaling.MemberToken;
import dev.roomcall.signaling.SignalMessage;
import dev.roomcall.signaling.SignalingClient;
import dev.roomcall.signaling.SignalingClientBuilder;
import dev.roomcall.signaling.SignalingListener;
import dev.roomcall.signaling.SignalingState;
import dev.roomcall.signaling.SignalingUrl;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call: a signaling connection to a room, a peer session for each other person there ({@link PeerSessions},
 * kept by {@link PeerId}; {@link SfuPeers} once the room is on a media server), and the tracks this side sends.
 * {@link CallRoom} follows who is in the room and which sessions that calls for; everything becomes a {@link CallEvent}.
 * Each call has one thread. Signaling events, session callbacks and the person's commands all run on it, so they
 * never race; whatever belongs to a session the call no longer holds, or arrives after the call ended, is dropped in
 * one place ({@link #ifCurrent(PeerLink, Runnable)}).
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
    private final OutgoingTracks tracks;
    private final PeerSessions sessions = new PeerSessions(this::openSession, this::ifCurrent, new LinkEvents());
    private final CallRoom room;
    private final RoomEvents roomEvents = new RoomEvents();
    private final SfuPeers sfu;
    private final ShareController share;
    private volatile CallListener listener;
    private final SignalingClock clock;
    // Only touched on the call's thread.
    private boolean ended;

    private CallController(CallOptions options, MediaEngine engine, ScreenSources screens) {
        this.options = Objects.requireNonNull(options, "options");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.tracks = new OutgoingTracks(engine.localMedia());
        this.share = new ShareController(engine.localMedia(), screens, this::run, this::shareEvent);
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "roomcall-call");
            t.setDaemon(true);
            return t;
        });
        // SFU media reports on this call's thread, like the sessions.
        this.clock = new SignalingClock(thread);
        this.sfu = new SfuPeers(this::emit, clock::sinceOpenMs, SfuPeers.on(engine, thread), roomEvents);
        this.room = new CallRoom(options, sessions, sfu, roomEvents);
        // Signaling news comes straight onto the call's thread; one member token per call keeps its id on every node.
        SignalingClientBuilder client = SignalingClient.builder(SignalingUrl.of(options.server(), options.room()),
                new SignalingEvents()).executor(clock).memberToken(MemberToken.random());
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
            log.info("event=call-start server={} role={} named={}", options.server(), options.role(),
                    !options.displayName().isEmpty());
            // The socket's set-up (another thread) runs beside the preparation of the session the room will call for.
            CompletableFuture.runAsync(signaling::connect).exceptionally(failure -> {
                run(() -> emit(new CallEvent.Error("internal", String.valueOf(failure.getCause())))); // not once ended
                return null;
            });
            room.prepareSession();
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
        // On the media server one data channel reaches everyone; in the mesh each session's own.
        if (chat.text().isEmpty() || ended || !(sfu.active() ? sfu.send(chat) : sessions.sendToAll(chat))) {
            return Optional.empty();
        }
        log.debug("event=chat-sent chars={}", chat.text().length());
        return Optional.of(chat);
    }

    @Override
    public double microphoneLevel() {
        return sessions.ordered().stream().mapToDouble(link -> link.session().microphoneLevel()).max().orElse(0);
    }

    /** The first other person's newest picture, or null while there is nobody: a view with room for one shows it. */
    public FrameSource remoteVideo() {
        return sessions.ordered().stream().findFirst().map(link -> link.session().remoteVideo()).orElse(null);
    }

    /** {@code peer}'s newest camera picture; empty while there is no session with them. Callable from any thread. */
    public Optional<FrameSource> remoteVideo(PeerId peer) {
        return sfu.active() ? sfu.remoteVideo(peer) : sessions.remoteVideo(peer);
    }

    /** This call's screen share: what can be shared, start and stop. */
    public ShareController share() {
        return share;
    }

    /** {@code peer}'s shared screen (its last frame stays after the share), if there is a session with them. */
    public Optional<FrameSource> remoteScreen(PeerId peer) {
        return sfu.active() ? sfu.remoteScreen(peer) : sessions.remoteScreen(peer);
    }

    /** How much screen sharing flows now, for the statistics line: sent, and decoded from everyone. */
    public ShareCounters shareCounters() {
        return new ShareCounters(share.framesSent(), sfu.active() ? sfu.screenFramesDecoded() : sessions.screenFramesDecoded());
    }

    /**
     * The other people in the call now, in the order their sessions began, with their names. Callable from any
     * thread; {@link CallEvent.PeerJoined}, {@link CallEvent.PeerLeft} and {@link CallEvent.PeerName} say when it
     * changes.
     */
    public List<RemotePeer> peers() {
        return sfu.active() ? sfu.people() : sessions.people();
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
                clock.opened();
                emit(new CallEvent.SignalingOpen(options.server().toString()));
                room.opened();
            }
            case RECONNECTING -> {
                room.lost();
                emit(new CallEvent.SignalingLost(reason == null ? "connection lost" : reason));
            }
            case CLOSED -> {
                if (reason != null && !reason.isBlank()) {
                    emit(new CallEvent.Error("signaling-closed", reason));
                }
                end("signaling closed");
            }
            default -> { }
        }
    }

    /** The one place the call asks the media engine for a session. */
    private PeerSession openSession(SessionConfig config, Signaller signaller, SessionListener listener) {
        // Every callback of the session already runs on this call's thread, queued after the current step.
        return engine.createSession(config, thread, signaller, listener);
    }

    /**
     * Runs a session's callback (already on the call's thread) if its session is still the call's: callbacks of a
     * replaced session, or after the call ended, must not leak into the present.
     */
    private void ifCurrent(PeerLink link, Runnable action) {
        step(() -> {
            if (sessions.isCurrent(link)) {
                action.run();
            }
        });
    }

    /** Tells the peers whether our microphone and camera are on, so they can say "muted" for certain. */
    private void announceTracks() {
        sessions.sendToAll(tracks.state());
    }

    private void chatChanged() {
        try {
            listener.onChatChannel(sessions.anyChatOpen() || sfu.chatOpen());
        } catch (RuntimeException e) {
            log.warn("event=listener-failed type=chat-channel", e);
        }
    }

    // ------------------------------------------------------------------ lifecycle

    private void end(String reason) {
        share.close();
        ended = true;
        // Bye first, while the socket is still open: the peer learns at once that we left.
        signaling.send(new SignalMessage.Bye());
        sessions.closeAll();
        sfu.close();
        signaling.close();
        emit(new CallEvent.Ended(reason));
    }

    /** Our share's news, which the media server's publication follows when the room is there. */
    private void shareEvent(CallEvent event) {
        sfu.shareChanged(event);
        emit(event);
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
            step(() -> {
                share.observe(message);
                room.onSignal(message);
            });
        }
    }

    private final class RoomEvents implements CallRoom.Host, SfuPeers.Talk {
        @Override
        public void peerMessage(PeerId peer, PeerMessage message) {
            try {
                listener.onPeerMessage(peer, message);
            } catch (RuntimeException e) {
                log.warn("event=listener-failed type=peer-message", e);
            }
        }

        @Override
        public void emit(CallEvent event) {
            CallController.this.emit(event);
        }

        @Override
        public void send(SignalMessage message) {
            signaling.send(message);
        }

        @Override
        public void sendOnThisConnection(SignalMessage message) {
            signaling.sendOnThisConnection(message);
        }

        @Override
        public void chatChanged() {
            CallController.this.chatChanged();
        }
    }

    private final class LinkEvents implements PeerLink.Call {
        @Override
        public void emit(CallEvent event) {
            CallController.this.emit(event);
            room.observe(event);
        }

        @Override
        public long sinceJoinedMs() {
            return clock.sinceOpenMs();
        }

        @Override
        public void chatChannel(PeerLink link, boolean open) {
            if (open) {
                link.session().send(tracks.state());
            }
            chatChanged();
        }

        @Override
        public void peerMessage(PeerLink link, PeerMessage message) {
            roomEvents.peerMessage(link.peer, message);
        }

        @Override
        public void stats(PeerLink link, CallStats stats) {
            CallController.this.emit(new CallEvent.Stats(link.peer, stats, sessions.newestStats()));
        }
    }
}
