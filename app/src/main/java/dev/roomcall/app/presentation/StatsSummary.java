package dev.roomcall.app.presentation;

import dev.roomcall.media.stats.CallStats;
import dev.roomcall.media.stats.CandidatePair;
import java.util.List;

/**
 * What the statistics overlay shows at one moment: the snapshot's own numbers plus rates worked out from the
 * snapshot before it.
 *
 * @param width          decoded remote video width (0: none yet)
 * @param height         decoded remote video height
 * @param fps            decoded remote frames per second
 * @param kbpsIn         everything received, kilobits per second
 * @param kbpsOut        everything sent, kilobits per second
 * @param rttMs          round-trip time to the peer
 * @param lossPercent    packets lost of those expected since the previous snapshot
 * @param codec          remote video codec ("" if unknown)
 * @param candidateType  host, srflx, prflx or relay ("" if unknown)
 * @param audioBytesRate remote audio payload bytes per second (what tells silence from sound)
 * @param candidatePair  the selected pair: both ends' type, address, port and protocol ({@link CandidatePair#NONE}
 *                       if unknown)
 * @param tracks         each video track's own figures, camera and screen, received and sent ({@link TrackFigures})
 */
public record StatsSummary(int width, int height, double fps, double kbpsIn, double kbpsOut, double rttMs,
                           double lossPercent, String codec, String candidateType, double audioBytesRate,
                           CandidatePair candidatePair, List<TrackFigures> tracks) {

    public static final StatsSummary NONE = new StatsSummary(0, 0, 0, 0, 0, 0, 0, "", "", 0, CandidatePair.NONE);

    public StatsSummary {
        candidatePair = candidatePair == null ? CandidatePair.NONE : candidatePair;
        tracks = tracks == null ? List.of() : List.copyOf(tracks);
    }

    /** Without figures by track. */
    public StatsSummary(int width, int height, double fps, double kbpsIn, double kbpsOut, double rttMs,
                        double lossPercent, String codec, String candidateType, double audioBytesRate,
                        CandidatePair candidatePair) {
        this(width, height, fps, kbpsIn, kbpsOut, rttMs, lossPercent, codec, candidateType, audioBytesRate,
                candidatePair, List.of());
    }

    /**
     * @param previous  the snapshot before (null for the first), from the same peer session
     * @param elapsedMs time between the two snapshots
     */
    public static StatsSummary between(CallStats previous, CallStats current, long elapsedMs) {
        double seconds = elapsedMs / 1000.0;
        boolean rates = previous != null && seconds > 0 && current.bytesReceived() >= previous.bytesReceived();
        double kbpsIn = rates ? (current.bytesReceived() - previous.bytesReceived()) * 8 / 1000.0 / seconds : 0;
        double kbpsOut = rates ? Math.max(0, current.bytesSent() - previous.bytesSent()) * 8 / 1000.0 / seconds : 0;
        double audioRate = rates ? Math.max(0, current.audioBytesReceived() - previous.audioBytesReceived()) / seconds : 0;
        long lost = previous == null ? current.packetsLost() : current.packetsLost() - previous.packetsLost();
        long received = previous == null ? current.packetsReceived() : current.packetsReceived() - previous.packetsReceived();
        double loss = lost > 0 && lost + received > 0 ? 100.0 * lost / (lost + Math.max(0, received)) : 0;
        return new StatsSummary(current.width(), current.height(), current.fps(), kbpsIn, kbpsOut, current.rttMs(),
                loss, current.codec(), current.candidateType(), audioRate, current.candidatePair(),
                TrackFigures.between(previous == null ? null : previous.videoTracks(), current.videoTracks(), seconds));
    }

    public NetworkQuality quality() {
        return NetworkQuality.rate(rttMs, lossPercent);
    }
}
