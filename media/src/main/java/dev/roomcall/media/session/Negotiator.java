package dev.roomcall.media.session;

import static dev.roomcall.media.session.NativeSteps.applied;
import static dev.roomcall.media.session.NativeSteps.created;

import dev.onvoid.webrtc.RTCAnswerOptions;
import dev.onvoid.webrtc.RTCIceCandidate;
import dev.onvoid.webrtc.RTCOfferOptions;
import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCSdpType;
import dev.onvoid.webrtc.RTCSessionDescription;
import dev.onvoid.webrtc.RTCSignalingState;
import dev.roomcall.media.SessionConfig;
import dev.roomcall.media.stats.DtlsFingerprint;
import dev.roomcall.media.stats.DtlsVerification;
import dev.roomcall.signaling.IceCandidate;
import dev.roomcall.signaling.SessionDescription;
import dev.roomcall.signaling.SignalMessage;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * "Perfect negotiation" for one peer connection: offers when libwebrtc needs it, answers the peer's offers, settles
 * an offer collision by the polite/impolite role, and queues the peer's ICE candidates until a remote description
 * is set. Every operation (our offer, the peer's offer, answer or candidate, sending our candidate) joins one chain
 * and starts only when the previous one finished, so operations never interleave even though none of them blocks
 * the call's executor while libwebrtc works. Used only on the call's executor.
 */
final class Negotiator {
    private static final Logger LOG = LoggerFactory.getLogger(Negotiator.class);
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);
    /**
     * How long the polite side holds back a renegotiation offer of its own. A change both sides make at once (one
     * LocalMedia shared by two in-process sessions, or two people sharing at the same moment) then usually reaches
     * it as the impolite peer's offer first, which it answers in the stable state, instead of colliding and
     * rolling back: libwebrtc's rollback (webrtc-java 0.14) leaves the polite side's existing transceivers
     * unwired (docs/protocol.md section 12).
     */
    static final long POLITE_OFFER_DELAY_MS = 500;

    private final String id;
    private final SessionRunner runner;
    private final NativeSteps steps;
    private final Signaller signaller;
    private final ScheduledExecutorService timer;
    private final Runnable afterRollback;
    private final Runnable beforeDescription;
    private final Queue<IceCandidate> earlyCandidates = new ArrayDeque<>();
    private CompletableFuture<Void> tail = DONE;
    private RTCPeerConnection pc;
    private boolean offerer;
    private boolean polite;
    /** Completes (on the executor) once the first offer and answer were both applied. */
    private final CompletableFuture<Void> firstExchange = new CompletableFuture<>();
    private boolean negotiatedOnce;
    /** libwebrtc asked for negotiation before the peer's first offer came; see {@link #afterFirstExchange}. */
    private boolean neededWhileWaiting;
    private boolean ignoreOffer;
    private volatile DtlsVerification verification;

    /**
     * @param timer         delays the polite side's renegotiation offers ({@link #POLITE_OFFER_DELAY_MS})
     * @param afterRollback runs on the executor once an offer collision was settled by rolling our offer back
     *                      and answering the peer's: libwebrtc then needs our senders' tracks set again
     * @param beforeDescription runs on the executor right before each offer or answer is created (codec order)
     */
    Negotiator(String id, SessionConfig config, SessionRunner runner, NativeSteps steps, Signaller signaller,
               ScheduledExecutorService timer, Runnable afterRollback, Runnable beforeDescription) {
        this.id = id;
        this.runner = runner;
        this.steps = steps;
        this.signaller = signaller;
        this.timer = timer;
        this.afterRollback = afterRollback;
        this.beforeDescription = beforeDescription;
        this.polite = config.polite();
        firstExchange.thenRun(this::afterFirstExchange);
    }

    /**
     * A track the answerer added while waiting that the peer's offer had no m-section for is still unnegotiated, and
     * libwebrtc will not ask again: renegotiate for it. Tracks the offer took in ask for nothing.
     */
    private void afterFirstExchange() {
        if (neededWhileWaiting && pc != null && pc.getTransceivers() != null
                && Arrays.stream(pc.getTransceivers()).anyMatch(t -> t.getMid() == null && !t.stopped())) {
            LOG.info("session {}: a track added before the peer's offer is renegotiated", id);
            onNegotiationNeeded();
        }
    }

    void attach(RTCPeerConnection connection) {
        this.pc = connection;
    }

    /** Whether this side makes the first offer and how it settles a collision; set when the session starts. */
    void role(boolean offers, boolean politeSide) {
        this.offerer = offers;
        this.polite = politeSide;
    }

    /** Makes the first offer now if this side offers: for a session whose tracks went on before its role was known. */
    void offerIfOfferer() {
        if (offerer) {
            enqueue(this::offer);
        }
    }

    /** Runs {@code then} on the executor once the first offer and answer are both applied (at once if they are). */
    void whenNegotiated(Runnable then) {
        firstExchange.thenRun(then);
    }

    Optional<DtlsVerification> verification() {
        return Optional.ofNullable(verification);
    }

    /**
     * libwebrtc wants (re)negotiation: the offerer, or anyone once the first negotiation is done, offers; the
     * polite side renegotiates after {@link #POLITE_OFFER_DELAY_MS}. If the peer's offer is answered meanwhile,
     * that offer may be one more than needed, which costs one round trip and nothing else.
     */
    void onNegotiationNeeded() {
        if (!offerer && !negotiatedOnce) {
            // Judged now, not when a queued offer would run: by then the peer's offer may have settled it, and
            // libwebrtc does not withdraw this request (nor repeat it): the first exchange looks again.
            LOG.debug("session {}: negotiation needed, waiting for the peer's offer", id);
            neededWhileWaiting = true;
            return;
        }
        if (!polite || !negotiatedOnce) {
            enqueue(this::offer);
            return;
        }
        try {
            timer.schedule(() -> runner.run(() -> enqueue(this::offer)), POLITE_OFFER_DELAY_MS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("session {}: engine stopping, no renegotiation", id);
        }
    }

    void handle(SignalMessage message) {
        if (message instanceof SignalMessage.Offer offer) {
            enqueue(() -> acceptOffer(offer.description()));
        } else if (message instanceof SignalMessage.Answer answer) {
            enqueue(() -> acceptAnswer(answer.description()));
        } else if (message instanceof SignalMessage.Candidate candidate) {
            enqueue(() -> acceptCandidate(candidate.candidate()));
        } else {
            LOG.debug("session {}: ignoring {}", id, message.getClass().getSimpleName());
        }
    }

    /** Sends one of our candidates, after any offer or answer under way, so the peer never gets it too early. */
    void sendCandidate(RTCIceCandidate candidate) {
        enqueue(() -> {
            send(new SignalMessage.Candidate(new IceCandidate(candidate.sdp, candidate.sdpMid, candidate.sdpMLineIndex)));
            return DONE;
        });
    }

    /**
     * Asks libwebrtc for new ICE credentials; it then needs renegotiation and the offer carries them. Either side
     * may do this: perfect negotiation settles two restarts crossing. False while nothing was negotiated yet.
     */
    boolean restartIce() {
        if (pc == null || !negotiatedOnce) {
            return false;
        }
        pc.restartIce();
        return true;
    }

    /**
     * Sends our offer again while it still waits for its answer: it may have gone into a signaling connection that
     * broke (a node that died takes it along). Harmless if it did arrive: the peer, stable again, answers it again.
     */
    void resendPendingOffer() {
        enqueue(() -> {
            RTCSessionDescription pending = pc.getLocalDescription();
            if (pc.getSignalingState() == RTCSignalingState.HAVE_LOCAL_OFFER && pending != null) {
                LOG.info("session {}: sending the offer that waits for its answer again", id);
                send(new SignalMessage.Offer(new SessionDescription("offer", StartBitrate.added(pending.sdp))));
            }
            return DONE;
        });
    }

    private void enqueue(Supplier<CompletableFuture<Void>> operation) {
        tail = tail.thenCompose(previous -> runner.isClosed() || pc == null ? DONE : operation.get())
                .exceptionally(failure -> {
                    Throwable cause = NativeSteps.unwrap(failure);
                    LOG.error("session {}: negotiation operation failed", id, cause);
                    String reason = NativeSteps.nativeFailure(cause);
                    runner.notifyListener(l -> l.onError(PeerSession.ERROR_NEGOTIATION_FAILED, reason));
                    return null;
                });
    }

    private CompletableFuture<Void> offer() {
        if (!offerer && !negotiatedOnce) {
            LOG.debug("session {}: negotiation needed, waiting for the peer's offer", id);
            return DONE;
        }
        if (pc.getSignalingState() != RTCSignalingState.STABLE) {
            // libwebrtc asks again once back in stable if it still needs negotiating.
            return DONE;
        }
        return steps.<RTCSessionDescription>step("create offer", done -> {
                    beforeDescription.run();
                    pc.createOffer(new RTCOfferOptions(), created(done));
                })
                .thenCompose(offer -> steps.<Void>step("set local offer", done -> pc.setLocalDescription(offer, applied(done)))
                        .thenRun(() -> {
                            LOG.info("session {}: sending offer", id);
                            // The peer's encoder reads its start from what we send (StartBitrate).
                            send(new SignalMessage.Offer(new SessionDescription("offer", StartBitrate.added(offer.sdp))));
                        }))
                .exceptionally(failure -> reportFailure(PeerSession.ERROR_NEGOTIATION_FAILED, failure));
    }

    private CompletableFuture<Void> acceptOffer(SessionDescription description) {
        boolean collision = pc.getSignalingState() != RTCSignalingState.STABLE;
        ignoreOffer = collision && !polite;
        if (ignoreOffer) {
            LOG.info("session {}: offer collision, keeping our own offer (impolite side)", id);
            return DONE;
        }
        CompletableFuture<Void> rolledBack = DONE;
        if (collision) {
            LOG.info("session {}: offer collision, rolling back our offer (polite side)", id);
            rolledBack = steps.<Void>step("roll back local offer", done -> pc.setLocalDescription(
                    new RTCSessionDescription(RTCSdpType.ROLLBACK, ""), applied(done)));
        }
        return rolledBack
                .exceptionally(failure -> {
                    throw new Refused(PeerSession.ERROR_NEGOTIATION_FAILED, NativeSteps.unwrap(failure).getMessage());
                })
                .thenCompose(ignored -> applyRemote(RTCSdpType.OFFER, description))
                .thenCompose(ignored -> steps.<RTCSessionDescription>step("create answer",
                        done -> {
                            beforeDescription.run();
                            pc.createAnswer(new RTCAnswerOptions(), created(done));
                        }))
                .thenCompose(answer -> steps.<Void>step("set local answer",
                                done -> pc.setLocalDescription(answer, applied(done)))
                        .thenRun(() -> {
                            reportVerification();
                            LOG.info("session {}: sending answer", id);
                            send(new SignalMessage.Answer(new SessionDescription("answer", StartBitrate.added(answer.sdp))));
                            firstExchange.complete(null);
                            if (collision) {
                                afterRollback.run();
                            }
                        }))
                .exceptionally(failure -> reportFailure(PeerSession.ERROR_NEGOTIATION_FAILED, failure));
    }

    private CompletableFuture<Void> acceptAnswer(SessionDescription description) {
        if (pc.getSignalingState() != RTCSignalingState.HAVE_LOCAL_OFFER) {
            fail(PeerSession.ERROR_UNEXPECTED_ANSWER, "received an answer in signalling state " + pc.getSignalingState());
            return DONE;
        }
        return applyRemote(RTCSdpType.ANSWER, description)
                .thenRun(() -> firstExchange.complete(null))
                .exceptionally(failure -> reportFailure(PeerSession.ERROR_NEGOTIATION_FAILED, failure));
    }

    /** Sets the remote description, then applies the candidates that waited for it. */
    private CompletableFuture<Void> applyRemote(RTCSdpType type, SessionDescription description) {
        return steps.<Void>step("set remote " + description.type(), done -> pc.setRemoteDescription(
                        new RTCSessionDescription(type, StartBitrate.added(description.sdp())), applied(done)))
                .handle((ignored, failure) -> {
                    if (failure != null) {
                        NativeSteps.StepFailed step = (NativeSteps.StepFailed) NativeSteps.unwrap(failure);
                        throw new Refused(step.synchronous ? PeerSession.ERROR_BAD_REMOTE_SDP
                                : PeerSession.ERROR_REMOTE_DESCRIPTION_REJECTED, step.getMessage());
                    }
                    negotiatedOnce = true;
                    reportVerification();
                    while (!earlyCandidates.isEmpty()) {
                        addCandidate(earlyCandidates.poll());
                    }
                    return null;
                });
    }

    private CompletableFuture<Void> acceptCandidate(IceCandidate candidate) {
        if (candidate.isEndOfCandidates()) {
            return DONE;
        }
        if (pc.getRemoteDescription() == null) {
            earlyCandidates.add(candidate);
        } else {
            addCandidate(candidate);
        }
        return DONE;
    }

    private void addCandidate(IceCandidate candidate) {
        try {
            pc.addIceCandidate(new RTCIceCandidate(
                    candidate.sdpMid() == null ? "" : candidate.sdpMid(),
                    candidate.sdpMLineIndex() == null ? 0 : candidate.sdpMLineIndex(),
                    candidate.candidate()));
        } catch (Exception | Error e) {
            String reason = NativeSteps.nativeFailure(e);
            if (ignoreOffer) {
                LOG.debug("session {}: candidate for an ignored offer dropped: {}", id, reason);
            } else {
                fail(PeerSession.ERROR_BAD_CANDIDATE, "cannot use the peer's ICE candidate: " + reason);
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
        runner.notifyListener(l -> l.onVerification(current));
    }

    private void send(SignalMessage message) {
        try {
            signaller.send(message);
        } catch (RuntimeException e) {
            LOG.warn("session {}: signaller failed to send {}", id, message.getClass().getSimpleName(), e);
        }
    }

    private Void reportFailure(String defaultCode, Throwable failure) {
        Throwable cause = NativeSteps.unwrap(failure);
        if (cause instanceof Refused refused) {
            fail(refused.code, refused.getMessage());
        } else if (cause instanceof NativeSteps.StepFailed) {
            fail(defaultCode, cause.getMessage());
        } else {
            throw failure instanceof RuntimeException r ? r : new IllegalStateException(cause);
        }
        return null;
    }

    private void fail(String code, String message) {
        LOG.warn("session {}: {}: {}", id, code, message);
        runner.notifyListener(l -> l.onError(code, message));
    }

    /** A step the peer's input made fail, with the error code that says so. */
    private static final class Refused extends RuntimeException {
        final String code;

        Refused(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }
    }
}
