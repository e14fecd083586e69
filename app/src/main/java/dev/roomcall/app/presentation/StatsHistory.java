package dev.roomcall.app.presentation;

import dev.roomcall.media.stats.CallStats;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;

/**
 * The last minute of a call's statistics, for the overlay's little charts. Statistics arrive about once a second;
 * each snapshot becomes a {@link StatsSummary} (rates against the snapshot before) and anything older than
 * {@link #WINDOW_MS} is dropped, so memory stays flat however long the call lasts.
 */
public final class StatsHistory {

    public static final long WINDOW_MS = 60_000;

    /** What a chart can plot. */
    public enum Series {
        KBPS_IN, KBPS_OUT, RTT_MS, LOSS_PERCENT
    }

    private record Sample(long atMs, StatsSummary summary) {}

    private final Deque<Sample> samples = new ArrayDeque<>();
    private CallStats previous;
    private long previousAtMs;

    /**
     * Adds a snapshot taken at {@code nowMs} (any monotonic millisecond clock) and returns its summary. Counters
     * that went backwards mean a new peer session: rates start over rather than turn negative.
     */
    public StatsSummary add(CallStats stats, long nowMs) {
        boolean restarted = previous != null && (stats.bytesReceived() < previous.bytesReceived()
                || stats.bytesSent() < previous.bytesSent() || stats.packetsReceived() < previous.packetsReceived());
        StatsSummary summary = restarted
                ? StatsSummary.between(null, stats, 0)
                : StatsSummary.between(previous, stats, nowMs - previousAtMs);
        previous = stats;
        previousAtMs = nowMs;
        samples.addLast(new Sample(nowMs, summary));
        while (!samples.isEmpty() && samples.peekFirst().atMs() < nowMs - WINDOW_MS) {
            samples.removeFirst();
        }
        return summary;
    }

    /** Forgets everything, e.g. when the peer leaves: the next person's call is charted from scratch. */
    public void clear() {
        samples.clear();
        previous = null;
    }

    public int size() {
        return samples.size();
    }

    /** The newest summary, or {@link StatsSummary#NONE}. */
    public StatsSummary latest() {
        return samples.isEmpty() ? StatsSummary.NONE : samples.peekLast().summary();
    }

    /** One value per sample, oldest first. */
    public double[] values(Series series) {
        double[] values = new double[samples.size()];
        int i = 0;
        for (Sample sample : samples) {
            values[i++] = pick(series, sample.summary());
        }
        return values;
    }

    /**
     * The loss over the last {@code spanMs} (mean of the per-sample percentages), which is steadier than one
     * sample's and still reacts within seconds.
     */
    public double recentLossPercent(long spanMs) {
        if (samples.isEmpty()) {
            return 0;
        }
        long newest = samples.peekLast().atMs();
        double sum = 0;
        int n = 0;
        for (Iterator<Sample> it = samples.descendingIterator(); it.hasNext(); ) {
            Sample sample = it.next();
            if (sample.atMs() < newest - spanMs) {
                break;
            }
            sum += sample.summary().lossPercent();
            n++;
        }
        return n == 0 ? 0 : sum / n;
    }

    /** The quality icon's verdict: the newest round-trip time with the recent loss; unknown before any. */
    public NetworkQuality quality() {
        if (samples.isEmpty()) {
            return NetworkQuality.UNKNOWN;
        }
        return NetworkQuality.rate(latest().rttMs(), recentLossPercent(5_000));
    }

    private static double pick(Series series, StatsSummary s) {
        switch (series) {
            case KBPS_IN:
                return s.kbpsIn();
            case KBPS_OUT:
                return s.kbpsOut();
            case RTT_MS:
                return s.rttMs();
            case LOSS_PERCENT:
            default:
                return s.lossPercent();
        }
    }
}
