package dev.roomcall.app.presentation;

import java.util.Objects;

/**
 * The statistics of one remote person as the statistics overlay shows them: the newest summary, its last minute,
 * and the connection's quality. The two-person call has one ({@link CallViewModel#statsFeed()}); a group call
 * has one per person.
 */
public record StatsFeed(Value<StatsSummary> stats, StatsHistory history, Value<NetworkQuality> quality) {

    public StatsFeed {
        Objects.requireNonNull(stats, "stats");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(quality, "quality");
    }

    /** An empty feed: nothing measured yet. */
    public static StatsFeed empty() {
        return new StatsFeed(new Value<>(StatsSummary.NONE), new StatsHistory(), new Value<>(NetworkQuality.UNKNOWN));
    }

    /** Adds a snapshot taken at {@code nowMs}; the summary and the quality follow. */
    public void add(dev.roomcall.media.stats.CallStats snapshot, long nowMs) {
        stats.set(history.add(snapshot, nowMs));
        quality.set(history.quality());
    }
}
