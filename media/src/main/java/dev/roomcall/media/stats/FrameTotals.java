package dev.roomcall.media.stats;

import dev.onvoid.webrtc.RTCStats;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.RTCStatsType;
import java.util.HashMap;
import java.util.Map;

/**
 * Keeps a session's frames decoded and sent counting up when a video stream leaves the report.
 *
 * <p>libwebrtc reports each RTP stream's own totals and drops the stream from the report once its m-section is gone
 * (a shared screen that stopped, a person's feed that left a subscription). A plain sum over the streams present
 * would then fall, and anyone taking rates from two reports (the stats overlay, the headless JSON, the benchmarks)
 * would see negative frames. So the last figures of every stream that left are carried into the totals.
 * One instance per session, fed its reports in order; not thread-safe (the session's monitor owns it).
 */
public final class FrameTotals {

    private final Map<String, Long> lastDecoded = new HashMap<>();
    private final Map<String, Long> lastSent = new HashMap<>();
    private long carriedDecoded;
    private long carriedSent;

    /** {@code stats} (mapped from {@code report}) with frame totals that include the streams that have left. */
    public CallStats carry(RTCStatsReport report, CallStats stats) {
        Map<String, Long> decoded = new HashMap<>();
        Map<String, Long> sent = new HashMap<>();
        if (report != null && report.getStats() != null) {
            for (RTCStats entry : report.getStats().values()) {
                if (entry == null || entry.getId() == null) {
                    continue;
                }
                Map<String, Object> a = CallStatsMapper.attributes(entry);
                if (!"video".equals(a.containsKey("kind") ? a.get("kind") : a.get("mediaType"))) {
                    continue;
                }
                if (entry.getType() == RTCStatsType.INBOUND_RTP) {
                    decoded.put(entry.getId(), CallStatsMapper.number(a, "framesDecoded"));
                } else if (entry.getType() == RTCStatsType.OUTBOUND_RTP) {
                    sent.put(entry.getId(), CallStatsMapper.number(a, "framesSent"));
                }
            }
        }
        carriedDecoded += retire(lastDecoded, decoded);
        carriedSent += retire(lastSent, sent);
        return stats.withFrameTotals(stats.framesDecoded() + carriedDecoded, stats.framesSent() + carriedSent);
    }

    /** Forgets the streams absent from {@code now}, returning their last counts; remembers the present ones. */
    private static long retire(Map<String, Long> last, Map<String, Long> now) {
        long gone = 0;
        for (Map.Entry<String, Long> stream : last.entrySet()) {
            if (!now.containsKey(stream.getKey())) {
                gone += stream.getValue();
            }
        }
        last.clear();
        last.putAll(now);
        return gone;
    }
}
