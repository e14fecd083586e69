package dev.roomcall.media.session;

import dev.onvoid.webrtc.RTCStats;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.RTCStatsType;
import java.util.Map;
import java.util.Optional;

/**
 * Notices that the sound being sent stopped coming: the capture counters of the audio sender (samples captured,
 * packets sent) stop growing while the call runs, which is what a dying sound server (PulseAudio killed, a
 * Bluetooth headset's stack restarting) looks like from inside a call. Counters that never moved (no microphone
 * yet) say nothing; a stall is reported once, and so is its end.
 *
 * <p>Not thread-safe: feed it from the call's executor only.
 */
final class AudioStallDetector {

    enum Change { STALLED, RESUMED }

    private final long stallNanos;
    private double lastProgress = -1;
    private long lastGrowthNanos;
    private boolean everGrew;
    private boolean stalled;

    AudioStallDetector(java.time.Duration stallAfter) {
        this.stallNanos = stallAfter.toNanos();
    }

    /**
     * @param nowNanos  a {@link System#nanoTime()} reading
     * @param progress  any sum of counters that grows while audio is captured and sent
     */
    Optional<Change> sample(long nowNanos, double progress) {
        if (lastProgress < 0 || progress > lastProgress) {
            everGrew |= lastProgress >= 0;
            lastProgress = progress;
            lastGrowthNanos = nowNanos;
            if (stalled) {
                stalled = false;
                return Optional.of(Change.RESUMED);
            }
            return Optional.empty();
        }
        if (everGrew && !stalled && nowNanos - lastGrowthNanos >= stallNanos) {
            stalled = true;
            return Optional.of(Change.STALLED);
        }
        return Optional.empty();
    }

    /**
     * What grows while audio is captured: the audio media source's {@code totalSamplesDuration} (the capture side,
     * so a network outage does not look like a dead microphone); where a report lacks it, the audio packets sent.
     */
    static double progress(RTCStatsReport report) {
        if (report == null || report.getStats() == null) {
            return 0;
        }
        double samples = 0;
        double packets = 0;
        for (RTCStats stats : report.getStats().values()) {
            if (stats == null || stats.getAttributes() == null) {
                continue;
            }
            Map<String, Object> a = stats.getAttributes();
            if (!"audio".equals(a.get("kind"))) {
                continue;
            }
            if (stats.getType() == RTCStatsType.MEDIA_SOURCE) {
                samples += number(a.get("totalSamplesDuration"));
            } else if (stats.getType() == RTCStatsType.OUTBOUND_RTP) {
                packets += number(a.get("packetsSent"));
            }
        }
        return samples > 0 ? samples : packets;
    }

    private static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : 0;
    }
}
