package dev.roomcall.media.session;

import dev.roomcall.media.stats.CallStats;
import dev.roomcall.media.stats.DtlsVerification;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Remembers everything a session reported. */
public final class RecordingListener implements SessionListener {
    public final List<ConnectionState> states = new CopyOnWriteArrayList<>();
    public final List<String> errors = new CopyOnWriteArrayList<>();
    public final List<CallStats> stats = new CopyOnWriteArrayList<>();
    volatile int firstVideoWidth;
    volatile int firstVideoHeight;
    volatile long firstVideoArrivedNanos;
    /** libwebrtc's moment of the first CONNECTED; 0 before. */
    volatile long connectedNanos;
    final List<PeerMessage> received = new CopyOnWriteArrayList<>();
    final List<Boolean> openChanges = new CopyOnWriteArrayList<>();
    final AtomicInteger verifications = new AtomicInteger();
    volatile DtlsVerification verification;
    final List<Integer> iceRestarts = new CopyOnWriteArrayList<>();
    /** "started WxH" and "stopped", in order. */
    public final List<String> remoteShares = new CopyOnWriteArrayList<>();

    @Override
    public void onConnectionState(ConnectionState state) {
        states.add(state);
    }

    @Override
    public void onConnectionState(ConnectionState state, long changedNanos) {
        if (state == ConnectionState.CONNECTED && connectedNanos == 0) {
            connectedNanos = changedNanos;
        }
        onConnectionState(state);
    }

    @Override
    public void onFirstRemoteVideo(int width, int height, long arrivedNanos) {
        firstVideoArrivedNanos = arrivedNanos;
        firstVideoWidth = width;
        firstVideoHeight = height;
    }

    @Override
    public void onRemoteShareStarted(int width, int height) {
        remoteShares.add("started " + width + "x" + height);
    }

    @Override
    public void onRemoteShareStopped() {
        remoteShares.add("stopped");
    }

    @Override
    public void onStats(CallStats callStats) {
        stats.add(callStats);
    }

    @Override
    public void onError(String code, String message) {
        errors.add(code + ": " + message);
    }

    @Override
    public void onDataChannel(boolean open) {
        openChanges.add(open);
    }

    @Override
    public void onVerification(DtlsVerification reported) {
        verification = reported;
        verifications.incrementAndGet();
    }

    @Override
    public void onIceRestart(int attempt) {
        iceRestarts.add(attempt);
    }

    @Override
    public void onPeerMessage(PeerMessage message) {
        received.add(message);
    }

    public boolean reached(ConnectionState state) {
        return states.contains(state);
    }

    public boolean hasError(String code) {
        return errors.stream().anyMatch(e -> e.startsWith(code + ":"));
    }

    @Override
    public String toString() {
        return "states=" + states + " errors=" + errors + " remoteShares=" + remoteShares;
    }
}
