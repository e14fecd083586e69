package dev.roomcall.media.session;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCRtpReceiver;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCSignalingState;
import dev.roomcall.media.CameraEncoding;
import dev.roomcall.media.SessionConfig;
import dev.roomcall.media.local.LocalMedia;
import dev.roomcall.media.render.FrameSource;
import dev.roomcall.media.stats.CallStats;
import dev.roomcall.media.stats.DtlsVerification;
import dev.roomcall.signaling.SignalMessage;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call leg with one peer: a peer connection that sends every local track, negotiates with "perfect
 * negotiation" ({@link Negotiator}) and shows the peer's video through {@link #remoteVideo()}.
 *
 * <p>Threading: the call owns one serial {@link Executor}. Every peer-connection call of this session, every
 * libwebrtc callback (but {@code onTrack}/{@code onRemoveTrack}, see {@link RemoteVideos}) and every
 * {@link SessionListener} callback runs on it, one at a time; nothing on it waits for
 * libwebrtc (asynchronous answers continue on the executor). Public methods may be called from any thread, hand
 * their work to the executor and never block. Made by {@code MediaEngine.createSession}.
 */
public final class PeerSession implements AutoCloseable {
    /** The peer's SDP could not be parsed. */
    public static final String ERROR_BAD_REMOTE_SDP = "bad-remote-sdp";
    /** The peer's SDP parsed but libwebrtc refused to apply it (e.g. no common codec). */
    public static final String ERROR_REMOTE_DESCRIPTION_REJECTED = "remote-description-rejected";
    /** An answer arrived while no offer of ours was outstanding. */
    public static final String ERROR_UNEXPECTED_ANSWER = "unexpected-answer";
    /** The peer's ICE candidate could not be parsed. */
    public static final String ERROR_BAD_CANDIDATE = "bad-candidate";
    /** Creating or applying our own offer or answer failed or timed out. */
    public static final String ERROR_NEGOTIATION_FAILED = "negotiation-failed";

    private static final Logger LOG = LoggerFactory.getLogger(PeerSession.class);

    private final String id;
    /** Its politeness may change once, when a prepared session learns its role ({@link #start(boolean, SessionConfig)}). */
    private volatile SessionConfig config;
    private final LocalMedia localMedia;
    private final Consumer<PeerSession> onClosed;
    private final SessionRunner runner;
    private final Negotiator negotiator;
    private final SenderSet senders;
    /** Made with the peer connection, on the executor; read there before each description. */
    private CameraCodecs cameraCodecs;
    private final SessionMonitor monitor;
    private final ChatChannel chat;
    private final RemoteVideos remoteVideos;
    private final CompletableFuture<Void> closedDone = new CompletableFuture<>();
    private volatile ConnectionState state = ConnectionState.NEW;

    // Touched only on the executor.
    private RTCPeerConnection pc;
    private volatile boolean started;
    private boolean sending; // local tracks attached, by prepare or start

    /**
     * Creates the peer connection on {@code executor}; a failure there arrives as
     * {@link SessionListener#onError} and closes the session.
     *
     * @param timer    only triggers periodic work and step time-outs; the work itself runs on {@code executor}
     * @param onClosed told once the session is torn down
     */
    public PeerSession(String id, PeerConnectionFactory factory, LocalMedia localMedia, SessionConfig config,
                       Executor executor, Signaller signaller, SessionListener listener,
                       ScheduledExecutorService timer, Consumer<PeerSession> onClosed) {
        this.id = id;
        this.config = config;
        this.localMedia = localMedia;
        this.onClosed = onClosed;
        this.runner = new SessionRunner(id, executor, listener);
        this.senders = new SenderSet(id, runner);
        this.negotiator = new Negotiator(id, config, runner, new NativeSteps(runner, timer), signaller, timer,
                senders::reattach, () -> cameraCodecs.applyTo(senders.transceiver(LocalMedia.CAMERA)));
        this.monitor = new SessionMonitor(id, runner, timer, senders, negotiator);
        this.chat = new ChatChannel(id, runner, config.receiveOnly());
        this.remoteVideos = new RemoteVideos(id, runner, config.receiveOnly());
        runner.run(() -> open(factory));
    }

    private void open(PeerConnectionFactory factory) {
        cameraCodecs = CameraCodecs.of(id, factory);
        try {
            pc = factory.createPeerConnection(RtcSettings.of(config), new Observer());
        } catch (RuntimeException | Error e) {
            LOG.error("session {}: libwebrtc could not create a peer connection", id, e);
        }
        if (pc == null) {
            runner.notifyListener(l -> l.onError(ERROR_NEGOTIATION_FAILED, "cannot create a peer connection"));
            close();
            return;
        }
        negotiator.attach(pc);
        monitor.start(pc);
    }

    public String id() {
        return id;
    }

    /** Whether it started: a {@link #prepare prepared} session nobody took yet is in no call. */
    public boolean started() { return started; }

    /** The config it was made with, or the one {@link #start(boolean, SessionConfig)} gave it. */
    public SessionConfig config() {
        return config;
    }

    /**
     * Starts sending every local track. The offerer then sends an offer; the other side waits for the peer's offer
     * (and answers it with its tracks attached). Later renegotiation is started by whichever side needs it.
     */
    public void start(boolean offerer) {
        start(offerer, config);
    }

    /**
     * Does what does not depend on the role while the call waits to hear whom the session is for: adds every local
     * track and the camera's sink. No description is set, so {@link #start} may still make this side either role. (No
     * offer is made to warm up: each createOffer takes new mids, and a later session's offer would not match them.)
     */
    public void prepare() {
        runner.run(() -> {
            if (pc == null || started || sending) {
                return;
            }
            sendTracks();
        });
    }

    /**
     * {@link #start(boolean)} with the politeness and ICE servers of {@code role}, which must {@link PreparedFit fit}
     * this session's config: how a {@link #prepare prepared} session takes the role its peer calls for.
     */
    public void start(boolean offerer, SessionConfig role) {
        if (!PreparedFit.fits(config, role)) {
            throw new IllegalArgumentException("session " + id + " was made for " + config + ", not " + role);
        }
        runner.run(() -> {
            if (started || pc == null) {
                LOG.warn("session {}: start called twice; ignored", id);
                return;
            }
            started = true;
            if (!RtcSettings.reconfigure(id, pc, config, role)) {
                runner.notifyListener(l -> l.onError(ERROR_NEGOTIATION_FAILED, "cannot set the ICE servers"));
                close();
                return;
            }
            config = role;
            negotiator.role(offerer, role.polite());
            if (offerer) {
                // In the first offer, so the answerer hears of it through ondatachannel without renegotiating.
                chat.open(pc);
            }
            if (sending) {
                // libwebrtc asked for negotiation when the tracks went on, before we knew we offer: it asks once.
                negotiator.offerIfOfferer();
            } else {
                sendTracks(); // libwebrtc now asks for negotiation, which makes the offer if we are the offerer
            }
        });
    }

    private void sendTracks() {
        sending = true;
        if (!config.receiveOnly()) {
            senders.start(pc, SentTracks.from(config, localMedia.attach(id, SentTracks.of(config, senders))));
            remoteVideos.prepare(pc);
        }
    }

    /**
     * Limits how the camera is sent to this peer (size, bit rate, frame rate), now and for a camera sent later;
     * no renegotiation. Called before {@link #start} it holds from the first frame.
     */
    public void limitCamera(CameraEncoding limits) {
        Objects.requireNonNull(limits, "limits");
        runner.run(() -> senders.limitCamera(limits));
    }

    /** Feeds a message from the peer. Only Offer, Answer and Candidate mean anything here; others are ignored. */
    public void handle(SignalMessage message) {
        Objects.requireNonNull(message, "message");
        runner.run(() -> negotiator.handle(message));
    }

    /**
     * Sends our offer again if it still waits for its answer, as after rejoining a room through a new signaling
     * connection: the offer may have been lost with the old one.
     */
    public void resendPendingOffer() {
        runner.run(negotiator::resendPendingOffer);
    }

    /**
     * Sends a message over the data channel. False (and nothing sent) while the channel is not open: before the
     * peer connected, or when the peer's page has no data channel (an old demo page).
     */
    public boolean send(PeerMessage message) {
        Objects.requireNonNull(message, "message");
        return chat.send(message);
    }

    /**
     * Opens this side's "chat" data channel on a connection whose data section is negotiated already, if it has
     * none: a media server's subscription, where Janus relays the publishers' messages only once the subscriber
     * opened a channel of its own. Opening it before would make libwebrtc renegotiate.
     */
    public void openChat() {
        runner.run(() -> {
            if (pc != null && chat.current() == null) {
                chat.open(pc);
            }
        });
    }

    /** True while messages can be sent to the peer. */
    public boolean dataChannelOpen() {
        return chat.isOpen();
    }

    /**
     * How loud the microphone (or synthetic tone) being sent is, 0 to 1 (the WebRTC {@code audioLevel} of the
     * audio media source), refreshed several times a second; 0 without audio. Not affected by muting, so a
     * view can tell someone they are talking while muted.
     */
    public double microphoneLevel() {
        return monitor.microphoneLevel();
    }

    /** The peer's camera video, converted to BGRA while watched; keeps only the newest frame. */
    public FrameSource remoteVideo() {
        return remoteVideos.camera();
    }

    /** The id of the received track {@link #remoteVideo()} shows; null before there is one. For this package's tests. */
    String remoteCameraTrackId() {
        return remoteVideos.cameraTrackId();
    }

    /**
     * The screen or window the peer shares, converted to BGRA while watched (its last frame stays after the share
     * ended); {@link SessionListener#onRemoteShareStarted} and {@link SessionListener#onRemoteShareStopped} say when.
     */
    public FrameSource remoteScreen() {
        return remoteVideos.screen();
    }

    /**
     * In a subscription ({@code SessionConfig.receiveOnly}): the video received on m-section {@code mid}, converted
     * to BGRA while watched; null before a video arrived there.
     */
    public FrameSource remoteVideo(String mid) {
        return remoteVideos.byMid(mid);
    }

    public ConnectionState connectionState() {
        return state;
    }

    /** The most recent statistics (also delivered to {@link SessionListener#onStats}). */
    public CallStats lastStats() {
        return monitor.lastStats();
    }

    /**
     * Both DTLS fingerprints and the verification code, once both descriptions are set (also delivered once to
     * {@link SessionListener#onVerification}); empty before.
     */
    public Optional<DtlsVerification> verification() {
        return negotiator.verification();
    }

    /**
     * Hangs up: from now on nothing of this session runs and the listener hears nothing more, except that the
     * teardown (on the executor, after what is queued) detaches the remote video, closes the peer connection,
     * releases this session's tracks and then reports {@link ConnectionState#CLOSED}. Idempotent; never blocks.
     */
    @Override
    public void close() {
        if (!runner.close()) {
            return;
        }
        state = ConnectionState.CLOSED;
        monitor.close();
        runner.finish(this::teardown);
    }

    /** Completes once {@link #close()}'s teardown is done (the peer connection is closed, the tracks released). */
    public CompletionStage<Void> whenClosed() {
        return closedDone;
    }

    private void teardown() {
        try {
            remoteVideos.detach();
            chat.detach();
            if (pc != null) {
                try {
                    pc.close();
                } catch (RuntimeException | Error e) {
                    LOG.debug("session {}: closing peer connection: {}", id, e.toString());
                }
            }
            chat.dispose();
            if (sending) {
                localMedia.detach(id);
            }
            senders.clear();
            LOG.info("session {}: closed", id);
            onClosed.accept(this);
            runner.notifyClosing(l -> l.onConnectionState(ConnectionState.CLOSED));
        } finally {
            closedDone.complete(null);
        }
    }

    private void publishState(ConnectionState newState, long changedNanos) {
        if (state == newState || state == ConnectionState.CLOSED) {
            return;
        }
        state = newState;
        LOG.info("session {}: {}", id, newState);
        monitor.onState(newState);
        runner.notifyListener(l -> l.onConnectionState(newState, changedNanos));
    }

    /** libwebrtc's callbacks arrive on its signalling thread: each goes straight onto the call's executor. */
    private final class Observer implements PeerConnectionObserver {
        @Override
        public void onIceCandidate(RTCIceCandidate candidate) {
            runner.run(() -> negotiator.sendCandidate(candidate));
        }

        @Override
        public void onConnectionChange(RTCPeerConnectionState newState) {
            // Stamped here: the executor may be busy for a while before it publishes the change.
            long changedNanos = System.nanoTime();
            runner.run(() -> publishState(RtcSettings.map(newState), changedNanos));
        }

        @Override
        public void onRenegotiationNeeded() {
            runner.run(negotiator::onNegotiationNeeded);
        }

        /** Here, not on the executor: see {@link RemoteVideos} (a sink attached late loses the first frames). */
        @Override
        public void onTrack(RTCRtpTransceiver transceiver) {
            onSignallingThread("showing a remote track", () -> remoteVideos.onTrack(transceiver));
        }

        @Override
        public void onRemoveTrack(RTCRtpReceiver receiver) {
            onSignallingThread("removing a remote track", () -> remoteVideos.onRemoveTrack(receiver));
        }

        /** Runs {@code task} in libwebrtc's callback unless the session is closed; a failure is logged, not thrown. */
        private void onSignallingThread(String what, Runnable task) {
            if (runner.isClosed()) {
                return;
            }
            try {
                task.run();
            } catch (RuntimeException | Error e) {
                LOG.error("session {}: {} failed", id, what, e);
                String reason = NativeSteps.nativeFailure(e);
                runner.report(l -> l.onError(ERROR_NEGOTIATION_FAILED, reason));
            }
        }

        @Override
        public void onDataChannel(RTCDataChannel channel) {
            runner.run(() -> chat.adopt(channel));
        }

        @Override
        public void onSignalingChange(RTCSignalingState signalingState) {
            LOG.debug("session {}: signalling {}", id, signalingState);
        }
    }
}
