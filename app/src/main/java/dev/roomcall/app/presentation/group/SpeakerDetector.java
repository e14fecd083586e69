package dev.roomcall.app.presentation.group;

import dev.roomcall.app.call.PeerId;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Tells who is speaking from each person's audio level over time, without flicker. Two thresholds and two delays
 * (hysteresis): a person starts speaking once their level has stayed above {@link #START_LEVEL} for
 * {@link #ONSET_MS} (a cough or a door does not light the tile), and stops only after {@link #HOLD_MS} below
 * {@link #KEEP_LEVEL} (the pauses between words do not put it out). Levels are linear amplitudes, 0..1, as WebRTC
 * reports them; anything outside is clamped, NaN counts as silence.
 */
public final class SpeakerDetector {

    /** Louder than this, and a person may be starting to speak (normal speech is 0.1–0.5; room noise below 0.02). */
    static final double START_LEVEL = 0.08;
    /** While speaking, anything louder than this still counts as speech (soft syllables, word endings). */
    static final double KEEP_LEVEL = 0.03;
    /** How long the level must stay up before the tile lights. */
    static final long ONSET_MS = 200;
    /** How long a speaker must be quiet before the tile goes dark. */
    static final long HOLD_MS = 1_200;

    private static final class State {
        boolean speaking;
        long loudSince = -1;
        long lastLoud = -1;
    }

    private final Map<PeerId, State> states = new HashMap<>();

    /** Takes one level sample of {@code peer} at {@code nowMs} (any monotonic millisecond clock). */
    public void level(PeerId peer, double level, long nowMs) {
        double v = Double.isNaN(level) ? 0 : Math.max(0, Math.min(1, level));
        State s = states.computeIfAbsent(peer, p -> new State());
        expire(s, nowMs);
        if (s.speaking) {
            if (v >= KEEP_LEVEL) {
                s.lastLoud = nowMs;
            }
        } else if (v >= START_LEVEL) {
            if (s.loudSince < 0) {
                s.loudSince = nowMs;
            }
            s.lastLoud = nowMs;
            if (nowMs - s.loudSince >= ONSET_MS) {
                s.speaking = true;
            }
        } else {
            s.loudSince = -1;
        }
        expire(s, nowMs);
    }

    /** Who speaks at {@code nowMs}, in no particular order; a person whose samples stopped falls silent. */
    public Set<PeerId> speaking(long nowMs) {
        Set<PeerId> now = new LinkedHashSet<>();
        states.forEach((peer, s) -> {
            expire(s, nowMs);
            if (s.speaking) {
                now.add(peer);
            }
        });
        return now;
    }

    /** {@code peer} left or muted: forget them, so they start from silence. */
    public void forget(PeerId peer) {
        states.remove(peer);
    }

    private static void expire(State s, long nowMs) {
        if (s.speaking && nowMs - s.lastLoud >= HOLD_MS) {
            s.speaking = false;
            s.loudSince = -1;
        } else if (!s.speaking && s.loudSince >= 0 && nowMs - s.lastLoud >= HOLD_MS) {
            // A lone loud sample long ago is no onset for a sample much later.
            s.loudSince = -1;
        }
    }
}
