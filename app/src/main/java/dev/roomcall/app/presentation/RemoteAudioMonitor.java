package dev.roomcall.app.presentation;

/**
 * Tells from the statistics whether the other person can be heard. The surest sign is the peer saying so over
 * the data channel ({@link #peerMicrophone}); without it (an older page) the audio stream itself tells: a muted
 * WebRTC track keeps sending packets, but each carries a few bytes of encoded silence, a few hundred bytes a
 * second instead of thousands; and a side without a microphone sends no audio bytes at all. The level of played
 * audio counts as sound too, where the platform plays it (the headless module never does).
 */
public final class RemoteAudioMonitor {

    /** Below this many audio payload bytes a second the stream carries silence (Opus: ~150 B/s muted, 2000+ talking). */
    static final double SILENCE_BYTES_PER_SECOND = 700;
    /** A level above this (linear amplitude) is sound, not the hiss of an open microphone. */
    static final double SOUND_LEVEL = 0.01;
    /** How long a state must hold before it is shown, so a pause in speech does not flash "silent". */
    static final long SETTLE_MS = 3_000;

    private Boolean peerMicrophone;
    private long firstSampleMs = -1;
    private long lastSoundMs = -1;
    private long lastBytesMs = -1;
    private long lastAudioBytes = -1;
    private RemoteAudio state = RemoteAudio.UNKNOWN;

    /** What the peer said about its microphone over the data channel; null while it said nothing. */
    public void peerMicrophone(Boolean on) {
        peerMicrophone = on;
    }

    /**
     * Feeds one statistics sample and returns the verdict.
     *
     * @param audioBytesReceived total audio payload bytes so far (a counter)
     * @param bytesPerSecond     the recent rate of that counter
     * @param level              the played remote audio's level, 0..1 (0 where nothing plays)
     */
    public RemoteAudio update(long nowMs, long audioBytesReceived, double bytesPerSecond, double level) {
        if (firstSampleMs < 0) {
            firstSampleMs = nowMs;
        }
        if (audioBytesReceived != lastAudioBytes) {
            lastAudioBytes = audioBytesReceived;
            lastBytesMs = nowMs;
        }
        if (level > SOUND_LEVEL || bytesPerSecond >= SILENCE_BYTES_PER_SECOND) {
            lastSoundMs = nowMs;
        }
        state = decide(nowMs);
        return state;
    }

    public RemoteAudio state() {
        return Boolean.FALSE.equals(peerMicrophone) ? RemoteAudio.MUTED : state;
    }

    /** A new peer: nothing known about them yet. */
    public void reset() {
        peerMicrophone = null;
        firstSampleMs = -1;
        lastSoundMs = -1;
        lastBytesMs = -1;
        lastAudioBytes = -1;
        state = RemoteAudio.UNKNOWN;
    }

    private RemoteAudio decide(long nowMs) {
        if (Boolean.FALSE.equals(peerMicrophone)) {
            return RemoteAudio.MUTED;
        }
        if (lastSoundMs >= 0 && nowMs - lastSoundMs < SETTLE_MS) {
            return RemoteAudio.SOUND;
        }
        if (nowMs - firstSampleMs < SETTLE_MS) {
            return lastSoundMs >= 0 ? RemoteAudio.SOUND : RemoteAudio.UNKNOWN;
        }
        boolean bytesFlow = lastBytesMs >= 0 && nowMs - lastBytesMs < SETTLE_MS && lastAudioBytes > 0;
        return bytesFlow ? RemoteAudio.SILENT : RemoteAudio.NONE;
    }
}
