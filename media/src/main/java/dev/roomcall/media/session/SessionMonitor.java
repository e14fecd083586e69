package dev.roomcall.media.session;

import dev.onvoid.webrtc.RTCPeerConnection;
import dev.onvoid.webrtc.RTCRtpSender;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.roomcall.media.MediaWarning;
import dev.roomcall.media.local.LocalMedia;
import dev.roomcall.media.stats.CallStats;
import dev.roomcall.media.stats.CallStatsMapper;
import dev.roomcall.media.stats.FrameTotals;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches a running session: statistics once a second, the microphone level several times a second, captured sound
 * that stops coming, and connectivity loss that calls for an ICE restart. The engine's timer only triggers; every
 * request and every report is handled on the call's executor.
 */
final class SessionMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SessionMonitor.class);
    private static final Duration STATS_PERIOD = Duration.ofSeconds(1);
    /** A level meter that moves less often than this looks broken; the sender-only report is cheap. */
    private static final Duration LEVEL_PERIOD = Duration.ofMillis(150);
    /** Captured sound that stops for this long means the sound system is gone, not a pause between words. */
    private static final Duration AUDIO_STALL = Duration.ofSeconds(3);

    private final String id;
    private final SessionRunner runner;
    private final ScheduledExecutorService timer;
    private final SenderSet senders;
    private final Negotiator negotiator;
    private final IceRestartPolicy iceRestarts = new IceRestartPolicy();
    private final AudioStallDetector audioStall = new AudioStallDetector(AUDIO_STALL);
    private final List<ScheduledFuture<?>> polls = new ArrayList<>();
    private RTCPeerConnection pc;
    private ScheduledFuture<?> restartTimer;
    private Object restartToken;
    private boolean connected;
    private boolean closed;
    private volatile double microphoneLevel;
    private volatile CallStats lastStats = CallStats.EMPTY;
    /** Touched only on the session's runner, where reports are delivered in order. */
    private final FrameTotals frameTotals = new FrameTotals();

    SessionMonitor(String id, SessionRunner runner, ScheduledExecutorService timer, SenderSet senders,
                   Negotiator negotiator) {
        this.id = id;
        this.runner = runner;
        this.timer = timer;
        this.senders = senders;
        this.negotiator = negotiator;
    }

    /**
     * Starts polling once the first offer and answer are applied; on the executor. Each poll's {@code getStats}
     * waits for libwebrtc's signalling thread, so polls during the first negotiation would hold up its steps.
     */
    void start(RTCPeerConnection connection) {
        this.pc = connection;
        negotiator.whenNegotiated(this::poll);
    }

    private synchronized void poll() {
        if (closed) {
            return;
        }
        polls.add(every(STATS_PERIOD, () -> pc.getStats(report -> runner.run(() -> deliverStats(report)))));
        polls.add(every(LEVEL_PERIOD, () -> {
            RTCRtpSender audio = senders.sender(LocalMedia.MICROPHONE);
            if (audio != null) {
                pc.getStats(audio, report -> runner.run(() -> watchMicrophone(report)));
            }
        }));
    }

    double microphoneLevel() {
        return microphoneLevel;
    }

    CallStats lastStats() {
        return lastStats;
    }

    /** The connection changed; on the executor. */
    void onState(ConnectionState state) {
        connected = state == ConnectionState.CONNECTED;
        apply(iceRestarts.onState(state));
    }

    @Override
    public synchronized void close() {
        closed = true;
        polls.forEach(poll -> poll.cancel(false));
        polls.clear();
        if (restartTimer != null) {
            restartTimer.cancel(false);
        }
        microphoneLevel = 0;
    }

    private ScheduledFuture<?> every(Duration period, Runnable request) {
        long millis = period.toMillis();
        return timer.scheduleAtFixedRate(() -> runner.run(request), millis, millis, TimeUnit.MILLISECONDS);
    }

    private void deliverStats(RTCStatsReport report) {
        CallStats stats = frameTotals.carry(report, CallStatsMapper.map(report));
        lastStats = stats;
        runner.notifyListener(l -> l.onStats(stats));
    }

    private void watchMicrophone(RTCStatsReport report) {
        microphoneLevel = CallStatsMapper.sourceAudioLevel(report);
        if (!connected) {
            return;
        }
        audioStall.sample(System.nanoTime(), AudioStallDetector.progress(report)).ifPresent(change -> {
            MediaWarning warning = change == AudioStallDetector.Change.STALLED
                    ? new MediaWarning(MediaWarning.AUDIO_SYSTEM_LOST,
                            "Your microphone stopped sending sound: the sound system may have stopped. The call goes on with video.")
                    : new MediaWarning(MediaWarning.AUDIO_SYSTEM_BACK, "Your microphone sends sound again.");
            LOG.warn("session {}: {}", id, warning.code());
            runner.notifyListener(l -> l.onMediaWarning(warning));
        });
    }

    private synchronized void apply(IceRestartPolicy.Timer decision) {
        if (decision instanceof IceRestartPolicy.Keep) {
            return;
        }
        if (restartTimer != null) {
            restartTimer.cancel(false);
            restartTimer = null;
        }
        restartToken = null;
        if (decision instanceof IceRestartPolicy.Arm arm) {
            Object token = new Object();
            restartToken = token;
            restartTimer = timer.schedule(() -> runner.run(() -> restartDue(token)), arm.delay().toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** The restart timer fired; a timer that was cancelled or re-armed meanwhile is stale and does nothing. */
    private void restartDue(Object token) {
        synchronized (this) {
            if (token != restartToken) {
                return;
            }
        }
        iceRestarts.due().ifPresent(restart -> {
            if (negotiator.restartIce()) {
                LOG.info("session {}: connectivity lost, ICE restart (attempt {})", id, restart.attempt());
                runner.notifyListener(l -> l.onIceRestart(restart.attempt()));
            }
            apply(new IceRestartPolicy.Arm(restart.next()));
        });
    }
}
