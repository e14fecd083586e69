package dev.roomcall.app.call;

import dev.roomcall.media.stats.CallStats;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * A round of statistics' counters for the whole call, as the headless {@code stats} line sums them. In a mesh they
 * are each session's added up; in a room on the media server, where one connection sends to everyone and one
 * receives from everyone, they are those connections' own ({@link SfuPeers}).
 */
public record StatsTotals(long framesDecoded, long framesSent, long bytesReceived, long bytesSent,
                          long audioBytesReceived, long packetsLost) {

    /** Everyone's sessions added up. */
    public static StatsTotals sum(List<PeerStats> everyone) {
        return new StatsTotals(sum(everyone, CallStats::framesDecoded), sum(everyone, CallStats::framesSent),
                sum(everyone, CallStats::bytesReceived), sum(everyone, CallStats::bytesSent),
                sum(everyone, CallStats::audioBytesReceived), sum(everyone, CallStats::packetsLost));
    }

    private static long sum(List<PeerStats> everyone, ToLongFunction<CallStats> counter) {
        return everyone.stream().mapToLong(person -> counter.applyAsLong(person.stats())).sum();
    }
}
