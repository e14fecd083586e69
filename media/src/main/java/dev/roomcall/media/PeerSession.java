package dev.roomcall.media;

import dev.onvoid.webrtc.CreateSessionDescriptionObserver;
import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.PeerConnectionObserver;
import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCBundlePolicy;
import dev.onvoid.webrtc.RTCConfiguration;
import dev.onvoid.webrtc.RTCDataChannel;
import dev.onvoid.webrtc.RTCDataChannelInit;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCIceServer;
import dev.onvoid.webrtc.RTCIceTransportPolicy;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCPeerConnectionState;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.RTCRtcpMuxPolicy;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.RTCRtpTransceiver;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.RTCSignalingState;
import dev.onvoid.webrtc.SetSessionDescriptionObserver;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.roomcall.signaling.IceCandidate;
import dev.roomcall.signaling.IceServer;
import dev.roomcall.signaling.SessionDescription;
import dev.roomcall.signaling.SignalMessage;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One call with one peer: a peer connection that sends the engine's local media, negotiates with "perfect
 * negotiation" and shows the peer's video through {@link #remoteVideo()}.
 *
 * <p>Threading: every call into the peer connection runs on this session's own thread, one at a time, including
 * waiting for libwebrtc's asynchronous answers; so negotiation steps never interleave and an incoming message is
 * always handled against a settled signalling state. Listener callbacks run on a second thread of the session, in
 * order. Public methods may be called from any thread and never block on the network.
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
    /** libwebrtc answers each step in milliseconds; this only guards against a wedged native side. */
    private static final long STEP_TIMEOUT_MS = 10_000;
    private static final long CLOSE_TIMEOUT_MS = 5_000;
    private static final Duration STATS_PERIOD = Duration.ofSeconds(1);
    /** A level meter that moves less often than this looks broken; the sender-only report is cheap. */
    private static final Duration LEVEL_PERIOD = Duration.ofMillis(150);
    /** Captured sound that stops for this long means the sound system is gone, not a pause between words. */
    private static final Duration AUDIO_STALL = Duration.ofSeconds(3);

    private final String id;
    private final SessionConfig config;
    private final LocalMedia localMedia;
    private final Signaller signaller;
    private final SessionListener listener;
    private final Consumer<PeerSession> onClosed;
    private final ExecutorService peerThread;
    private final ExecutorService eventThread;
    private final ConvertingFrameSink remoteVideo;
    private final AtomicBoolean firstRemoteFrame = new AtomicBoolean();
    private final StatsPoller statsPoller;
    private final StatsPoller levelPoller;
    private final IceRestartPolicy iceRestarts;
    private final AudioStallDetector audioStall = new AudioStallDetector(AUDIO_STALL);
    private volatile double microphoneLevel;
    private volatile DataLink dataLink;
    private volatile Thread peerThreadRef;
    private volatile boolean closed;
    private volatile ConnectionState state = ConnectionState.NEW;
    private volatile CallStats lastStats = CallStats.EMPTY;
    private volatile DtlsVerification verification;
    private volatile CompletableFuture<?> pendingStep;

    // Everything below is touched only on peerThread.
    private RTCPeerConnection pc;
    private LocalTracks tracks;
    private VideoTrack remoteVideoTrack;
    private RTCRtpSender videoSender;
    private RTCRtpSender audioSender;
    private boolean started;
    private boolean offerer;
    private boolean negotiatedOnce;
    private boolean ignoreOffer;
    private final Queue<IceCandidate> pendingCandidates = new ArrayDeque<>();
    private volatile int queuedCandidates;
    private volatile long appliedCandidates;

    PeerSession(String id, PeerConnectionFactory factory, LocalMedia localMedia, SessionConfig config,
                Signaller signaller, SessionListener listener, ScheduledExecutorService statsTimer,
                Consumer<PeerSession> onClosed) {
        this.id = id;
        this.config = config;
        this.localMedia = localMedia;
        this.signaller = signaller;
        this.listener = listener;
        this.onClosed = onClosed;
        this.remoteVideo = new ConvertingFrameSink("session " + id + " remote video");
        this.peerThread = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "roomcall-session-" + id);
            thread.setDaemon(true);
            peerThreadRef = thread;
            return thread;
        });
        this.eventThread = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "roomcall-session-" + id + "-events");
            thread.setDaemon(true);
            return thread;
        });
        remoteVideo.addFrameListener(this::onRemoteFrame);
        Future<?> created = peerThread.submit(() -> {
            pc = factory.createPeerConnection(rtcConfiguration(config), new Observer());
            if (pc == null) {
                throw new IllegalStateException("libwebrtc returned no peer connection");
            }
        });
        try {
            created.get(STEP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException | InterruptedException e) {
            peerThread.shutdownNow();
            eventThread.shutdownNow();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            throw new IllegalStateException("cannot create a peer connection", e);
        }
        statsPoller = new StatsPoller(statsTimer, STATS_PERIOD,
                callback -> onPeerThread(() -> pc.getStats(callback)),
                stats -> onEventThread(() -> {
                    lastStats = stats;
                    listener.onStats(stats);
                }));
        levelPoller = StatsPoller.raw(statsTimer, LEVEL_PERIOD,
                callback -> onPeerThread(() -> {
                    if (audioSender != null) {
                        pc.getStats(audioSender, callback);
                    }
                }),
                report -> {
                    microphoneLevel = CallStatsMapper.sourceAudioLevel(report);
                    watchAudioCapture(report);
                });
        iceRestarts = new IceRestartPolicy(statsTimer, attempt -> onPeerThread(() -> restartIce(attempt)));
    }

    public String id() {
        return id;
    }

    public SessionConfig config() {
        return config;
    }

    /**
     * Adds the local tracks. The offerer then sends an offer; the other side waits for the peer's offer (and
     * answers it with its tracks attached). Later renegotiation is started by whichever side needs it.
     */
    public void start(boolean offerer) {
        onPeerThread(() -> {
            if (started) {
                LOG.warn("session {}: start called twice; ignored", id);
                return;
            }
            started = true;
            this.offerer = offerer;
            tracks = localMedia.createTracks(id, new TrackSwitches());
            if (offerer) {
                // In the first offer, so the answerer hears of it through ondatachannel without renegotiating.
                RTCDataChannelInit init = new RTCDataChannelInit();
                init.protocol = "";
                adoptDataChannel(pc.createDataChannel(DataLink.LABEL, init));
            }
            List<String> streams = List.of("roomcall-" + id);
            if (tracks.audio() != null) {
                audioSender = pc.addTrack(tracks.audio(), streams);
            }
            videoSender = pc.addTrack(tracks.videoToSend(tracks.cameraEnabled()), streams);
            // libwebrtc now fires onRenegotiationNeeded, which makes the offer if we are the offerer.
        });
    }

    /** Feeds a message from the peer. Only Offer, Answer and Candidate mean anything here; others are ignored. */
    public void handle(SignalMessage message) {
        Objects.requireNonNull(message, "message");
        if (message instanceof SignalMessage.Offer offer) {
            onPeerThread(() -> acceptOffer(offer.description()));
        } else if (message instanceof SignalMessage.Answer answer) {
            onPeerThread(() -> acceptAnswer(answer.description()));
        } else if (message instanceof SignalMessage.Candidate candidate) {
            onPeerThread(() -> acceptCandidate(candidate.candidate()));
        } else {
            LOG.debug("session {}: ignoring {}", id, message.getClass().getSimpleName());
        }
    }

    /**
     * Sends a message over the data channel. False (and nothing sent) while the channel is not open: before the
     * peer connected, or when the peer's page has no data channel (an old demo page).
     */
    public boolean send(PeerMessage message) {
        Objects.requireNonNull(message, "message");
        DataLink link = dataLink;
        if (link == null || !link.isOpen() || closed) {
            return false;
        }
        onPeerThread(() -> {
            if (!link.send(message)) {
                LOG.debug("session {}: {} not sent", id, message.getClass().getSimpleName());
            }
        });
        return true;
    }

    /** True while messages can be sent to the peer. */
    public boolean dataChannelOpen() {
        DataLink link = dataLink;
        return link != null && link.isOpen();
    }

    /**
     * How loud the microphone (or synthetic tone) being sent is, 0 to 1 (the WebRTC {@code audioLevel} of the
     * audio media source), refreshed several times a second; 0 without audio. Not affected by muting, so a
     * view can tell someone they are talking while muted.
     */
    public double microphoneLevel() {
        return microphoneLevel;
    }

    /** The peer's video, converted to BGRA; keeps delivering the newest frame only. */
    public FrameSource remoteVideo() {
        return remoteVideo;
    }

    public ConnectionState connectionState() {
        return state;
    }

    /** The most recent statistics (also delivered to {@link SessionListener#onStats}). */
    public CallStats lastStats() {
        return lastStats;
    }

    /**
     * Both DTLS fingerprints and the verification code, once both descriptions are set (also delivered once to
     * {@link SessionListener#onVerification}); empty before.
     */
    public Optional<DtlsVerification> verification() {
        return Optional.ofNullable(verification);
    }

    int queuedCandidates() {
        return queuedCandidates;
    }

    long appliedCandidates() {
        return appliedCandidates;
    }

    // ---- negotiation (peer thread) ----

    private void onNegotiationNeeded() {
        if (!offerer && !negotiatedOnce) {
            LOG.debug("session {}: negotiation needed, waiting for the peer's offer", id);
            return;
        }
        if (pc.getSignalingState() != RTCSignalingState.STABLE) {
            // libwebrtc fires again once back in stable if it still needs negotiating.
            return;
        }
        try {
            RTCSessionDescription offer = step("create offer",
                    done -> pc.createOffer(new RTCOfferOptions(), created(done)));
            this.<Void>step("set local offer", done -> pc.setLocalDescription(offer, applied(done)));
            LOG.info("session {}: sending offer", id);
            send(new SignalMessage.Offer(new SessionDescription("offer", offer.sdp)));
        } catch (StepFailed e) {
            fail(ERROR_NEGOTIATION_FAILED, e.getMessage());
        }
    }

    private void acceptOffer(SessionDescription description) {
        boolean collision = pc.getSignalingState() != RTCSignalingState.STABLE;
        ignoreOffer = collision && !config.polite();
        if (ignoreOffer) {
            LOG.info("session {}: offer collision, keeping our own offer (impolite side)", id);
            return;
        }
        try {
            if (collision) {
                LOG.info("session {}: offer collision, rolling back our offer (polite side)", id);
                this.<Void>step("roll back local offer", done -> pc.setLocalDescription(
                        new RTCSessionDescription(RTCSdpType.ROLLBACK, ""), applied(done)));
            }
        } catch (StepFailed e) {
            fail(ERROR_NEGOTIATION_FAILED, e.getMessage());
            return;
        }
        if (!applyRemote(RTCSdpType.OFFER, description)) {
            return;
        }
        try {
            RTCSessionDescription answer = step("create answer",
                    done -> pc.createAnswer(new RTCAnswerOptions(), created(done)));
            this.<Void>step("set local answer", done -> pc.setLocalDescription(answer, applied(done)));
            reportVerification();
            LOG.info("session {}: sending answer", id);
            send(new SignalMessage.Answer(new SessionDescription("answer", answer.sdp)));
        } catch (StepFailed e) {
            fail(ERROR_NEGOTIATION_FAILED, e.getMessage());
        }
    }

    private void acceptAnswer(SessionDescription description) {
        if (pc.getSignalingState() != RTCSignalingState.HAVE_LOCAL_OFFER) {
            fail(ERROR_UNEXPECTED_ANSWER, "received an answer in signalling state " + pc.getSignalingState());
            return;
        }
        applyRemote(RTCSdpType.ANSWER, description);
    }

    /** Sets the remote description and applies candidates that waited for it; false (and reported) on failure. */
    private boolean applyRemote(RTCSdpType type, SessionDescription description) {
        try {
            this.<Void>step("set remote " + description.type(), done -> pc.setRemoteDescription(
                    new RTCSessionDescription(type, description.sdp()), applied(done)));
        } catch (StepFailed e) {
            fail(e.synchronous ? ERROR_BAD_REMOTE_SDP : ERROR_REMOTE_DESCRIPTION_REJECTED, e.getMessage());
            return false;
        }
        negotiatedOnce = true;
        reportVerification();
        while (!pendingCandidates.isEmpty()) {
            addCandidate(pendingCandidates.poll());
        }
        queuedCandidates = 0;
        return true;
    }

    private void acceptCandidate(IceCandidate candidate) {
        if (candidate.isEndOfCandidates()) {
            return;
        }
        if (pc.getRemoteDescription() == null) {
            pendingCandidates.add(candidate);
            queuedCandidates = pendingCandidates.size();
            return;
        }
        addCandidate(candidate);
    }

    private void addCandidate(IceCandidate candidate) {
        try {
            pc.addIceCandidate(new RTCIceCandidate(
                    candidate.sdpMid() == null ? "" : candidate.sdpMid(),
                    candidate.sdpMLineIndex() == null ? 0 : candidate.sdpMLineIndex(),
                    candidate.candidate()));
            appliedCandidates++;
        } catch (Exception | Error e) {
            String reason = nativeFailure(e);
            if (ignoreOffer) {
                LOG.debug("session {}: candidate for an ignored offer dropped: {}", id, reason);
            } else {
                fail(ERROR_BAD_CANDIDATE, "cannot use the peer's ICE candidate: " + reason);
            }
        }
    }

    /**
     * Reads both fingerprints once local and remote descriptions are set. Renegotiation keeps the certificates,
     * so the listener hears again only if a fingerprint really changed.
     */
    private void reportVerification() {
        RTCSessionDescription local = pc.getLocalDescription();
        RTCSessionDescription remote = pc.getRemoteDescription();
        if (local == null || remote == null) {
            return;
        }
        Optional<DtlsVerification> found = DtlsVerification.fromSdp(local.sdp, remote.sdp);
        if (found.isEmpty()) {
            LOG.warn("session {}: no DTLS fingerprint in the {} description; no verification code", id,
                    DtlsFingerprint.fromSdp(local.sdp).isEmpty() ? "local" : "remote");
            return;
        }
        DtlsVerification current = found.get();
        if (current.equals(verification)) {
            return;
        }
        verification = current;
        LOG.info("session {}: verification code {}", id, current.code());
        onEventThread(() -> listener.onVerification(current));
    }

    private void sendCandidate(RTCIceCandidate candidate) {
        send(new SignalMessage.Candidate(new IceCandidate(candidate.sdp, candidate.sdpMid, candidate.sdpMLineIndex)));
    }

    private void send(SignalMessage message) {
        try {
            signaller.send(message);
        } catch (RuntimeException e) {
            LOG.warn("session {}: signaller failed to send {}", id, message.getClass().getSimpleName(), e);
        }
    }

    // ---- media (peer thread) ----

    private void attachRemoteTrack(RTCRtpTransceiver transceiver) {
        MediaStreamTrack track = transceiver.getReceiver().getTrack();
        if (!(track instanceof VideoTrack video) || !MediaStreamTrack.VIDEO_TRACK_KIND.equals(track.getKind())) {
            return;
        }
        if (remoteVideoTrack != null) {
            remoteVideoTrack.removeSink(remoteVideo);
        }
        video.addSink(remoteVideo);
        remoteVideoTrack = video;
    }

    /** Swapping the sent track needs no renegotiation: both tracks are video of the same stream. */
    private void switchCamera(boolean enabled) {
        if (videoSender != null && tracks != null) {
            videoSender.replaceTrack(tracks.videoToSend(enabled));
        }
    }

    /** Another camera: its track replaces the old one (if the camera is on) before the old one is released. */
    private void replaceCameraTrack(LocalTracks replaced) {
        if (tracks == null) {
            return;
        }
        tracks = replaced;
        // The camera may have been switched off since the replacement was prepared: ask now.
        if (videoSender != null && localMedia.cameraEnabled()) {
            videoSender.replaceTrack(replaced.video());
        }
    }

    private void adoptDataChannel(RTCDataChannel channel) {
        if (channel == null) {
            LOG.warn("session {}: libwebrtc gave no data channel; chat is unavailable", id);
            return;
        }
        if (!DataLink.LABEL.equals(channel.getLabel())) {
            LOG.info("session {}: closing a data channel this app does not use: '{}'", id, channel.getLabel());
            channel.close();
            AudioSetup.dispose("unused data channel", channel::dispose);
            return;
        }
        DataLink old = dataLink;
        DataLink link = DataLink.create(id, channel, new DataLink.Events() {
            @Override
            public void onOpenChanged(boolean open) {
                onEventThread(() -> listener.onDataChannel(open));
            }

            @Override
            public void onMessage(PeerMessage message) {
                onEventThread(() -> listener.onPeerMessage(message));
            }
        });
        // Published before it can report "open": the listener may send the moment it hears that.
        dataLink = link;
        link.start();
        if (old != null) {
            old.detach();
            old.dispose();
        }
    }

    /** What the local media tells this session's tracks, always carried out on the peer thread. */
    private final class TrackSwitches implements LocalMedia.TrackSwitches {
        @Override
        public void cameraEnabled(boolean enabled) {
            onPeerThread(() -> switchCamera(enabled));
        }

        @Override
        public void cameraReplaced(LocalTracks replaced, Runnable afterwards) {
            if (closed) {
                afterwards.run();
                return;
            }
            onPeerThreadOr(() -> {
                try {
                    replaceCameraTrack(replaced);
                } finally {
                    afterwards.run();
                }
            }, afterwards);
        }
    }

    private void onRemoteFrame() {
        if (firstRemoteFrame.compareAndSet(false, true)) {
            int width = remoteVideo.lastWidth();
            int height = remoteVideo.lastHeight();
            onEventThread(() -> listener.onFirstRemoteVideo(width, height));
        }
    }

    // ---- plumbing ----

    /**
     * Runs one asynchronous libwebrtc step and waits for its observer. A native exception thrown before the step
     * even started (an unparsable SDP) is reported as {@link StepFailed#synchronous}.
     */
    private <T> T step(String what, Consumer<CompletableFuture<T>> action) throws StepFailed {
        CompletableFuture<T> done = new CompletableFuture<>();
        pendingStep = done;
        try {
            if (closed) {
                throw new StepFailed(what + ": session closed", false);
            }
            try {
                action.accept(done);
            } catch (Exception | Error e) {
                // webrtc-java reports native failures (an unparsable SDP among them) as java.lang.Error.
                throw new StepFailed(what + ": " + nativeFailure(e), true);
            }
            return done.get(STEP_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new StepFailed(what + ": " + e.getCause().getMessage(), false);
        } catch (TimeoutException e) {
            throw new StepFailed(what + ": no answer from libwebrtc within " + STEP_TIMEOUT_MS + " ms", false);
        } catch (CancellationException e) {
            throw new StepFailed(what + ": session closed", false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StepFailed(what + ": interrupted", false);
        } finally {
            pendingStep = null;
        }
    }

    /**
     * The message of a failure webrtc-java raised from native code. It uses plain {@link Error} for those; a real
     * JVM error (out of memory, stack overflow) is rethrown instead.
     */
    private static String nativeFailure(Throwable failure) {
        if (failure instanceof VirtualMachineError vmError) {
            throw vmError;
        }
        return failure.getMessage() == null ? failure.toString() : failure.getMessage();
    }

    private static CreateSessionDescriptionObserver created(CompletableFuture<RTCSessionDescription> done) {
        return new CreateSessionDescriptionObserver() {
            @Override
            public void onSuccess(RTCSessionDescription description) {
                done.complete(description);
            }

            @Override
            public void onFailure(String error) {
                done.completeExceptionally(new IllegalStateException(error));
            }
        };
    }

    private static SetSessionDescriptionObserver applied(CompletableFuture<Void> done) {
        return new SetSessionDescriptionObserver() {
            @Override
            public void onSuccess() {
                done.complete(null);
            }

            @Override
            public void onFailure(String error) {
                done.completeExceptionally(new IllegalStateException(error));
            }
        };
    }

    /**
     * Asks libwebrtc for new ICE credentials; it then fires onRenegotiationNeeded and the offer carries them.
     * Either side may do this: perfect negotiation settles two restarts crossing.
     */
    private void restartIce(int attempt) {
        if (!negotiatedOnce) {
            return; // nothing was ever connected; the first negotiation is still the one to finish
        }
        LOG.info("session {}: connectivity lost, ICE restart (attempt {})", id, attempt);
        pc.restartIce();
        onEventThread(() -> listener.onIceRestart(attempt));
    }

    /** For tests: what the policy does when connectivity is lost, without losing it. */
    void restartIceNow() {
        onPeerThread(() -> restartIce(1));
    }

    /** Runs on the stats thread, one report at a time. */
    private synchronized void watchAudioCapture(RTCStatsReport report) {
        if (state != ConnectionState.CONNECTED) {
            return;
        }
        audioStall.sample(System.nanoTime(), AudioStallDetector.progress(report)).ifPresent(change -> {
            MediaWarning warning = change == AudioStallDetector.Change.STALLED
                    ? new MediaWarning(MediaWarning.AUDIO_SYSTEM_LOST,
                            "Your microphone stopped sending sound: the sound system may have stopped. The call goes on with video.")
                    : new MediaWarning(MediaWarning.AUDIO_SYSTEM_BACK, "Your microphone sends sound again.");
            LOG.warn("session {}: {}", id, warning.code());
            onEventThread(() -> listener.onMediaWarning(warning));
        });
    }

    private void fail(String code, String message) {
        LOG.warn("session {}: {}: {}", id, code, message);
        onEventThread(() -> listener.onError(code, message));
    }

    private void onPeerThread(Runnable task) {
        if (closed) {
            return;
        }
        try {
            peerThread.execute(() -> {
                if (closed) {
                    return;
                }
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    String reason = nativeFailure(e);
                    LOG.error("session {}: unexpected failure", id, e);
                    onEventThread(() -> listener.onError(ERROR_NEGOTIATION_FAILED, reason));
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("session {}: closed, task dropped", id);
        }
    }

    /** Like {@link #onPeerThread} but runs {@code otherwise} if the task cannot run any more (session closed). */
    private void onPeerThreadOr(Runnable task, Runnable otherwise) {
        if (closed) {
            otherwise.run();
            return;
        }
        try {
            peerThread.execute(() -> {
                if (closed) {
                    otherwise.run();
                    return;
                }
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    LOG.error("session {}: unexpected failure", id, e);
                }
            });
        } catch (RejectedExecutionException e) {
            otherwise.run();
        }
    }

    private void onEventThread(Runnable callback) {
        try {
            eventThread.execute(() -> {
                try {
                    callback.run();
                } catch (RuntimeException e) {
                    LOG.warn("session {}: listener failed", id, e);
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("session {}: closed, event dropped", id);
        }
    }

    private synchronized void publishState(ConnectionState newState) {
        if (state == newState || state == ConnectionState.CLOSED) {
            return;
        }
        state = newState;
        LOG.info("session {}: {}", id, newState);
        iceRestarts.onState(newState);
        onEventThread(() -> listener.onConnectionState(newState));
    }

    /**
     * Hangs up: stops stats, detaches the remote video, closes the peer connection and disposes this session's
     * tracks, in that order; the listener then hears {@link ConnectionState#CLOSED}. Idempotent, bounded in time.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        statsPoller.close();
        levelPoller.close();
        iceRestarts.close();
        CompletableFuture<?> step = pendingStep;
        if (step != null) {
            step.cancel(false);
        }
        Runnable teardown = this::teardown;
        if (Thread.currentThread() == peerThreadRef) {
            teardown.run();
        } else {
            Future<?> done = peerThread.submit(teardown);
            try {
                done.get(CLOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                LOG.warn("session {}: teardown did not finish cleanly: {}", id, e.toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        peerThread.shutdown();
        synchronized (this) {
            if (state != ConnectionState.CLOSED) {
                state = ConnectionState.CLOSED;
                onEventThread(() -> listener.onConnectionState(ConnectionState.CLOSED));
            }
        }
        eventThread.shutdown();
        onClosed.accept(this);
    }

    private void teardown() {
        if (remoteVideoTrack != null) {
            remoteVideoTrack.removeSink(remoteVideo);
            remoteVideoTrack = null;
        }
        DataLink link = dataLink;
        if (link != null) {
            link.detach();
        }
        try {
            pc.close();
        } catch (RuntimeException e) {
            LOG.debug("session {}: closing peer connection: {}", id, e.toString());
        }
        if (link != null) {
            link.dispose();
            dataLink = null;
        }
        microphoneLevel = 0;
        if (tracks != null) {
            localMedia.releaseTracks(id);
            tracks = null;
        }
        videoSender = null;
        audioSender = null;
        pendingCandidates.clear();
        LOG.info("session {}: closed", id);
    }

    private static RTCConfiguration rtcConfiguration(SessionConfig config) {
        RTCConfiguration rtc = new RTCConfiguration();
        rtc.bundlePolicy = RTCBundlePolicy.MAX_BUNDLE;
        rtc.rtcpMuxPolicy = RTCRtcpMuxPolicy.REQUIRE;
        // Set both ways on purpose: relay-only must never quietly become "all" through a default.
        rtc.iceTransportPolicy = config.relayOnly() ? RTCIceTransportPolicy.RELAY : RTCIceTransportPolicy.ALL;
        for (IceServer server : config.iceServers()) {
            RTCIceServer ice = new RTCIceServer();
            ice.urls.addAll(server.urls());
            // webrtc-java hands these strings to native code as they are; absent means empty there.
            ice.username = server.username() == null ? "" : server.username();
            ice.password = server.credential() == null ? "" : server.credential();
            rtc.iceServers.add(ice);
        }
        return rtc;
    }

    private static ConnectionState map(RTCPeerConnectionState state) {
        switch (state) {
            case CONNECTING:
                return ConnectionState.CONNECTING;
            case CONNECTED:
                return ConnectionState.CONNECTED;
            case DISCONNECTED:
                return ConnectionState.DISCONNECTED;
            case FAILED:
                return ConnectionState.FAILED;
            case CLOSED:
                return ConnectionState.CLOSED;
            case NEW:
            default:
                return ConnectionState.NEW;
        }
    }

    /** A negotiation step that did not succeed. */
    private static final class StepFailed extends Exception {
        final boolean synchronous;

        StepFailed(String message, boolean synchronous) {
            super(message, null, false, false);
            this.synchronous = synchronous;
        }
    }

    /** libwebrtc's callbacks, on its signalling thread: hand everything to the session's own threads. */
    private final class Observer implements PeerConnectionObserver {
        @Override
        public void onIceCandidate(RTCIceCandidate candidate) {
            onPeerThread(() -> sendCandidate(candidate));
        }

        @Override
        public void onConnectionChange(RTCPeerConnectionState newState) {
            publishState(map(newState));
        }

        @Override
        public void onRenegotiationNeeded() {
            onPeerThread(PeerSession.this::onNegotiationNeeded);
        }

        @Override
        public void onTrack(RTCRtpTransceiver transceiver) {
            onPeerThread(() -> attachRemoteTrack(transceiver));
        }

        @Override
        public void onDataChannel(RTCDataChannel channel) {
            onPeerThread(() -> adoptDataChannel(channel));
        }

        @Override
        public void onSignalingChange(RTCSignalingState signalingState) {
            LOG.debug("session {}: signalling {}", id, signalingState);
        }
    }
}
