package dev.roomcall.app.presentation;

import dev.roomcall.app.call.CallControls;
import dev.roomcall.app.call.CallEvent;
import dev.roomcall.app.call.CallOptions;
import dev.roomcall.media.MediaWarning;
import dev.roomcall.media.session.PeerMessage;
import dev.roomcall.media.stats.DtlsVerification;
import java.util.Optional;
import java.util.function.LongSupplier;

/**
 * Everything a call screen shows, without a UI toolkit: the phase and its words, the window title, progress,
 * microphone and camera, the level meter, the other side's audio, statistics with their last minute, network
 * quality, chat and which overlays are open. Views observe its {@link Value}s and call its commands; events from
 * the call are handed to {@link #accept} on the same (UI) thread.
 */
public final class CallViewModel {

    private final CallOptions options;
    private final CallControls controls;
    private final LongSupplier clockMs;

    private final Value<CallPhase> phase = new Value<>(CallPhase.STARTING);
    private final Value<String> status = new Value<>("");
    private final Value<String> detail = new Value<>("");
    private final Value<String> title = new Value<>("");
    private final Value<Double> progress = new Value<>(-1.0);
    private final Value<Boolean> ended = new Value<>(false);
    private final Value<Boolean> remoteVideo = new Value<>(false);
    private final Value<Boolean> microphoneOn;
    private final Value<Boolean> cameraOn;
    private final Value<Double> microphoneLevel = new Value<>(0.0);
    private final Value<RemoteAudio> remoteAudio = new Value<>(RemoteAudio.UNKNOWN);
    private final Value<Boolean> remoteCameraOn = new Value<>(true);
    private final Value<StatsSummary> stats = new Value<>(StatsSummary.NONE);
    private final Value<NetworkQuality> quality = new Value<>(NetworkQuality.UNKNOWN);
    private final Value<Boolean> statsVisible = new Value<>(false);
    private final Value<Boolean> helpVisible = new Value<>(false);
    private final Value<DtlsVerification> verification = new Value<>(null);
    private final Value<String> mediaNotice = new Value<>("");
    private final StatsHistory history = new StatsHistory();
    private final RemoteAudioMonitor audioMonitor = new RemoteAudioMonitor();
    private final LevelMeter meter = new LevelMeter();
    private final ChatLog chat = new ChatLog();

    private boolean signalingEverOpen;
    private boolean inCall;
    /** How many other people are in the room, as the server said; the call goes on while any is. */
    private int others;
    private String roomFullReason = "";
    private String problem = "";
    private String signalingReason = "";

    public CallViewModel(CallOptions options, CallControls controls, LongSupplier clockMs) {
        this.options = options;
        this.controls = controls;
        this.clockMs = clockMs;
        this.microphoneOn = new Value<>(controls.microphoneEnabled());
        this.cameraOn = new Value<>(controls.cameraEnabled());
        refreshWords();
    }

    // ------------------------------------------------------------------ what views follow

    public Value<CallPhase> phase() {
        return phase;
    }

    /** The main line: where the call stands, in words. */
    public Value<String> status() {
        return status;
    }

    /** A second line when there is more to say (what to do while waiting, what went wrong); may be empty. */
    public Value<String> detail() {
        return detail;
    }

    /** The window title: state and room. */
    public Value<String> title() {
        return title;
    }

    /** How far connecting has come, 0..1; negative while there is nothing to progress through. */
    public Value<Double> progress() {
        return progress;
    }

    /** True once the call is over (hung up, room full, server gone for good): the screen offers a way back. */
    public Value<Boolean> ended() {
        return ended;
    }

    /** True while the other person's picture is arriving. */
    public Value<Boolean> remoteVideo() {
        return remoteVideo;
    }

    public Value<Boolean> microphoneOn() {
        return microphoneOn;
    }

    public Value<Boolean> cameraOn() {
        return cameraOn;
    }

    /** The microphone meter's fill, 0..1, updated by {@link #tick}. */
    public Value<Double> microphoneLevel() {
        return microphoneLevel;
    }

    public Value<RemoteAudio> remoteAudio() {
        return remoteAudio;
    }

    /** False when the other side said its camera is off. */
    public Value<Boolean> remoteCameraOn() {
        return remoteCameraOn;
    }

    public Value<StatsSummary> stats() {
        return stats;
    }

    public StatsHistory history() {
        return history;
    }

    /** The statistics, their last minute and the quality together, as the statistics overlay follows them. */
    public StatsFeed statsFeed() {
        return new StatsFeed(stats, history, quality);
    }

    public Value<NetworkQuality> quality() {
        return quality;
    }

    public Value<Boolean> statsVisible() {
        return statsVisible;
    }

    public Value<Boolean> helpVisible() {
        return helpVisible;
    }

    public ChatLog chat() {
        return chat;
    }

    /** The current peer's DTLS fingerprints and the code to compare aloud; null while there is none. */
    /** What went wrong with this side's own media mid-call, in words ("" when nothing). */
    public Value<String> mediaNotice() {
        return mediaNotice;
    }

    public Value<DtlsVerification> verification() {
        return verification;
    }

    public String room() {
        return options.room();
    }

    // ------------------------------------------------------------------ commands

    public void toggleMicrophone() {
        boolean on = !microphoneOn.get();
        controls.setMicrophoneEnabled(on);
        microphoneOn.set(on);
    }

    public void toggleCamera() {
        boolean on = !cameraOn.get();
        controls.setCameraEnabled(on);
        cameraOn.set(on);
    }

    public void toggleStats() {
        statsVisible.set(!statsVisible.get());
    }

    public void toggleHelp() {
        helpVisible.set(!helpVisible.get());
    }

    /**
     * Sends a chat line. Blank text is ignored; text that cannot go (nobody to chat with) or was cut to fit gets
     * a note in the chat saying so.
     *
     * @return true if it was sent
     */
    public boolean sendChat(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        if (!chat.available().get()) {
            note(CallStatus.text(inCall ? "chat.noChannel" : "chat.nobody"));
            return false;
        }
        Optional<PeerMessage.Chat> sent = controls.sendChat(text);
        if (sent.isEmpty()) {
            note(CallStatus.text("chat.notSent"));
            return false;
        }
        chat.add(new ChatEntry(ChatEntry.From.ME, sent.get().text(), sent.get().shortened(), System.currentTimeMillis()));
        if (sent.get().shortened()) {
            note(CallStatus.text("chat.shortened", dev.roomcall.media.session.ChatText.MAX_CHARS));
        }
        return true;
    }

    public void hangUp() {
        controls.hangUp();
    }

    /** Moves the level meter on; call a few times a second. */
    public void tick(long elapsedMs) {
        double level = microphoneOn.get() ? controls.microphoneLevel() : 0;
        microphoneLevel.set(Math.round(meter.update(level, elapsedMs) * 100) / 100.0);
    }

    // ------------------------------------------------------------------ what the call reports

    public void accept(CallEvent event) {
        if (event instanceof CallEvent.Stats s) {
            onStats(s);
            return;
        }
        if (event instanceof CallEvent.SignalingOpen) {
            signalingEverOpen = true;
            signalingReason = "";
            if (phase.get() == CallPhase.STARTING || phase.get() == CallPhase.SERVER_UNREACHABLE
                    || phase.get() == CallPhase.SIGNALING_LOST) {
                setPhase(inCall ? CallPhase.CONNECTED : CallPhase.WAITING);
            }
        } else if (event instanceof CallEvent.Joined joined) {
            others = joined.peers();
            if (!inCall) {
                setPhase(joined.peers() > 0 ? CallPhase.CALLING : CallPhase.WAITING);
            }
        } else if (event instanceof CallEvent.PeerJoined) {
            others++;
            if (!inCall) {
                setPhase(CallPhase.CONNECTING);
            }
        } else if (event instanceof CallEvent.Connected || event instanceof CallEvent.FirstRemoteVideo && !inCall) {
            // A room on the media server makes no connection per person: a first picture there is being in the call.
            inCall = true;
            setPhase(CallPhase.CONNECTED);
            remoteVideo.set(remoteVideo.get() || event instanceof CallEvent.FirstRemoteVideo);
        } else if (event instanceof CallEvent.Disconnected || event instanceof CallEvent.IceRestart) {
            // In a group one person's connection is that person's tile's business; the call goes on.
            if (others <= 1) {
                setPhase(CallPhase.INTERRUPTED);
            }
        } else if (event instanceof CallEvent.FirstRemoteVideo) {
            remoteVideo.set(true);
        } else if (event instanceof CallEvent.MediaProblem p) {
            mediaNotice.set(MediaWarning.AUDIO_SYSTEM_LOST.equals(p.warning().code())
                    ? CallStatus.text("media.soundLost") : "");
        } else if (event instanceof CallEvent.Verification v) {
            verification.set(v.verification());
        } else if (event instanceof CallEvent.SignalingLost lost) {
            signalingReason = lost.reason();
            setPhase(signalingEverOpen ? CallPhase.SIGNALING_LOST : CallPhase.SERVER_UNREACHABLE);
        } else if (event instanceof CallEvent.PeerLeft) {
            others = Math.max(0, others - 1);
            // One of several leaving is said by the grid; the call is over only when nobody is left.
            if (others == 0) {
                peerGone();
                setPhase(CallPhase.PEER_LEFT);
            }
        } else if (event instanceof CallEvent.RoomFull full) {
            // The server says why when it is not simply full (a demo page or a two-person client keeps it at two).
            roomFullReason = full.message() == null ? "" : full.message();
            setPhase(CallPhase.ROOM_FULL);
        } else if (event instanceof CallEvent.MediaServerLost || event instanceof CallEvent.MediaServerBack) {
            mediaNotice.set(event instanceof CallEvent.MediaServerLost ? CallStatus.text("media.serverLost") : "");
        } else if (event instanceof CallEvent.Error error) {
            onError(error);
        } else if (event instanceof CallEvent.Ended) {
            peerGone();
            ended.set(true);
            if (!phase.get().isFinal() && phase.get() != CallPhase.FAILED) {
                setPhase(CallPhase.ENDED);
            }
            refreshWords();
        }
    }

    public void chatChannel(boolean open) {
        chat.setAvailable(open);
    }

    public void peerMessage(PeerMessage message) {
        if (message instanceof PeerMessage.Chat line) {
            chat.add(new ChatEntry(ChatEntry.From.PEER, line.text(), line.shortened(), System.currentTimeMillis()));
        } else if (message instanceof PeerMessage.MediaState state) {
            audioMonitor.peerMicrophone(state.microphone());
            remoteAudio.set(audioMonitor.state());
            remoteCameraOn.set(state.camera());
        }
    }

    // ------------------------------------------------------------------ inside

    private void onStats(CallEvent.Stats event) {
        // The call's own summary follows the first person; each person's statistics are their tile's.
        if (!inCall || !event.first()) {
            return;
        }
        long now = clockMs.getAsLong();
        StatsSummary summary = history.add(event.stats(), now);
        stats.set(summary);
        quality.set(history.quality());
        audioMonitor.update(now, event.stats().audioBytesReceived(), summary.audioBytesRate(),
                event.stats().remoteAudioLevel());
        remoteAudio.set(audioMonitor.state());
    }

    private void onError(CallEvent.Error error) {
        String code = error.code();
        // Survivable hiccups of one negotiation step stay in the log; these end or block the call.
        boolean serious = "ice-failed".equals(code) || "signaling-closed".equals(code) || code.startsWith("server-")
                || "relay-unavailable".equals(code)
                || (!inCall && (code.startsWith("negotiation") || code.startsWith("remote-description")
                || code.startsWith("bad-remote-sdp")));
        // A full room closes the socket with a reason too; the room being full is what the person must read.
        if (!serious || phase.get().isFinal()) {
            return;
        }
        problem = CallStatus.problem(code, error.message());
        if ("ice-failed".equals(code)) {
            inCall = false;
        }
        setPhase(CallPhase.FAILED);
        refreshWords();
    }

    private void peerGone() {
        inCall = false;
        remoteVideo.set(false);
        remoteCameraOn.set(true);
        verification.set(null);
        history.clear();
        stats.set(StatsSummary.NONE);
        quality.set(NetworkQuality.UNKNOWN);
        audioMonitor.reset();
        remoteAudio.set(RemoteAudio.UNKNOWN);
        if (chat.available().get()) {
            chat.setAvailable(false);
            note(CallStatus.text("chat.peerLeft"));
        }
    }

    private void note(String text) {
        chat.add(new ChatEntry(ChatEntry.From.NOTE, text, false, System.currentTimeMillis()));
    }

    private void setPhase(CallPhase next) {
        phase.set(next);
        refreshWords();
    }

    private void refreshWords() {
        CallPhase now = phase.get();
        status.set(now == CallPhase.FAILED ? problem : CallStatus.describe(now, serverName()));
        detail.set(detailFor(now));
        title.set(CallStatus.text("title", CallStatus.shortName(now), options.room()));
        progress.set(now.progress());
    }

    private String detailFor(CallPhase now) {
        switch (now) {
            case WAITING:
            case PEER_LEFT:
                return CallStatus.text("detail.shareLink");
            case SIGNALING_LOST:
                return CallStatus.text(inCall ? "detail.callContinues" : "detail.retrying");
            case SERVER_UNREACHABLE:
                return signalingReason == null || signalingReason.isBlank() ? CallStatus.text("detail.retrying")
                        : CallStatus.text("detail.reason", signalingReason);
            case ROOM_FULL:
                return roomFullReason.isEmpty() ? CallStatus.text("detail.roomFull")
                        : CallStatus.text("detail.roomFullBecause", roomFullReason);
            case FAILED:
                return ended.get() ? "" : CallStatus.text("detail.failed");
            default:
                return "";
        }
    }

    private String serverName() {
        java.net.URI server = options.server();
        String host = server.getHost() == null ? server.toString() : server.getHost();
        return server.getPort() > 0 ? host + ":" + server.getPort() : host;
    }
}
