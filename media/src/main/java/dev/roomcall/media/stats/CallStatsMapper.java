package dev.roomcall.media.stats;

import dev.onvoid.webrtc.RTCStats;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.RTCStatsType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns libwebrtc's stats report into {@link CallStats}. A pure function of the report: no state, no native calls,
 * missing members count as zero. Numbers arrive as Integer, Long, BigInteger (64-bit unsigned) or Double.
 */
public final class CallStatsMapper {

    private CallStatsMapper() {}

    public static CallStats map(RTCStatsReport report) {
        return report == null || report.getStats() == null ? CallStats.EMPTY : map(report.getStats().values());
    }

    static CallStats map(Collection<RTCStats> all) {
        Map<String, RTCStats> byId = new HashMap<>();
        for (RTCStats stats : all) {
            if (stats != null && stats.getId() != null) {
                byId.put(stats.getId(), stats);
            }
        }

        long framesDecoded = 0;
        long framesSent = 0;
        long rtpBytesReceived = 0;
        long rtpBytesSent = 0;
        long audioBytesReceived = 0;
        long packetsLost = 0;
        long packetsReceived = 0;
        double localAudioLevel = 0;
        double remoteAudioLevel = 0;
        int width = 0;
        int height = 0;
        double fps = 0;
        String videoCodecId = null;
        String sentCodecId = null;
        long transportBytesReceived = 0;
        long transportBytesSent = 0;
        boolean haveTransport = false;
        String selectedPairId = null;
        List<Map<String, Object>> videoIn = new ArrayList<>();
        List<Map<String, Object>> videoOut = new ArrayList<>();
        List<ReceivedStream> received = new ArrayList<>();

        for (RTCStats stats : byId.values()) {
            RTCStatsType type = stats.getType();
            if (type == null) {
                continue;
            }
            Map<String, Object> a = attributes(stats);
            switch (type) {
                case INBOUND_RTP:
                    rtpBytesReceived += number(a, "bytesReceived");
                    packetsLost += Math.max(0, number(a, "packetsLost"));
                    packetsReceived += Math.max(0, number(a, "packetsReceived"));
                    if (isVideo(a)) {
                        framesDecoded += number(a, "framesDecoded");
                        width = (int) Math.max(width, number(a, "frameWidth"));
                        height = (int) Math.max(height, number(a, "frameHeight"));
                        fps = Math.max(fps, decimal(a, "framesPerSecond"));
                        videoCodecId = firstNonNull(videoCodecId, text(a, "codecId"));
                        videoIn.add(a);
                    } else {
                        audioBytesReceived += number(a, "bytesReceived");
                        remoteAudioLevel = Math.max(remoteAudioLevel, level(a));
                    }
                    received.add(receivedStream(a, byId));
                    break;
                case OUTBOUND_RTP:
                    rtpBytesSent += number(a, "bytesSent");
                    if (isVideo(a)) {
                        framesSent += number(a, "framesSent");
                        sentCodecId = firstNonNull(sentCodecId, text(a, "codecId"));
                        videoOut.add(a);
                    }
                    break;
                case MEDIA_SOURCE:
                    if (!isVideo(a)) {
                        localAudioLevel = Math.max(localAudioLevel, level(a));
                    }
                    break;
                case TRANSPORT:
                    haveTransport = true;
                    transportBytesReceived += number(a, "bytesReceived");
                    transportBytesSent += number(a, "bytesSent");
                    selectedPairId = firstNonNull(selectedPairId, text(a, "selectedCandidatePairId"));
                    break;
                default:
                    break;
            }
        }

        RTCStats pair = selectedPairId == null ? null : byId.get(selectedPairId);
        if (pair == null) {
            pair = nominatedPair(byId.values());
        }
        double rttMs = 0;
        CandidatePair candidatePair = CandidatePair.NONE;
        if (pair != null) {
            Map<String, Object> a = attributes(pair);
            rttMs = decimal(a, "currentRoundTripTime") * 1000.0;
            candidatePair = new CandidatePair(candidate(byId, text(a, "localCandidateId")),
                    candidate(byId, text(a, "remoteCandidateId")));
        }
        String candidateType = candidatePair.local().type();

        String codecId = firstNonNull(videoCodecId, sentCodecId);
        RTCStats codecStats = codecId == null ? null : byId.get(codecId);
        String codec = codecStats == null ? "" : subtype(text(attributes(codecStats), "mimeType"));

        return new CallStats(framesDecoded, framesSent,
                haveTransport ? transportBytesReceived : rtpBytesReceived,
                haveTransport ? transportBytesSent : rtpBytesSent,
                audioBytesReceived, width, height, fps, rttMs, codec, packetsLost, candidateType, packetsReceived,
                localAudioLevel, remoteAudioLevel, candidatePair, VideoTrackSplit.of(videoIn, videoOut, byId),
                received);
    }

    /** One inbound-rtp entry as a {@link ReceivedStream}, its codec looked up in the report. */
    private static ReceivedStream receivedStream(Map<String, Object> a, Map<String, RTCStats> byId) {
        String codecId = text(a, "codecId");
        RTCStats codec = codecId == null ? null : byId.get(codecId);
        boolean video = isVideo(a);
        return new ReceivedStream(text(a, "mid"), video, number(a, "bytesReceived"),
                Math.max(0, number(a, "packetsReceived")), Math.max(0, number(a, "packetsLost")),
                video ? number(a, "framesDecoded") : 0, video ? (int) number(a, "frameWidth") : 0,
                video ? (int) number(a, "frameHeight") : 0, video ? decimal(a, "framesPerSecond") : 0,
                video ? 0 : level(a), codec == null ? "" : subtype(text(attributes(codec), "mimeType")));
    }

    /** A local-candidate or remote-candidate entry; older reports name the address {@code ip}. */
    private static CandidatePair.Candidate candidate(Map<String, RTCStats> byId, String id) {
        RTCStats stats = id == null ? null : byId.get(id);
        if (stats == null) {
            return CandidatePair.Candidate.UNKNOWN;
        }
        Map<String, Object> a = attributes(stats);
        return new CandidatePair.Candidate(text(a, "candidateType"), firstNonNull(text(a, "address"), text(a, "ip")),
                (int) Math.max(0, Math.min(65535, number(a, "port"))), text(a, "protocol"), text(a, "relayProtocol"));
    }

    /** The level of the audio being sent, from a full report or just the audio sender's; 0 if it has none. */
    public static double sourceAudioLevel(RTCStatsReport report) {
        if (report == null || report.getStats() == null) {
            return 0;
        }
        double level = 0;
        for (RTCStats stats : report.getStats().values()) {
            if (stats != null && stats.getType() == RTCStatsType.MEDIA_SOURCE && !isVideo(attributes(stats))) {
                level = Math.max(level, level(attributes(stats)));
            }
        }
        return level;
    }

    /** WebRTC's audioLevel: 0..1, linear in amplitude. */
    private static double level(Map<String, Object> a) {
        return Math.min(1, Math.max(0, decimal(a, "audioLevel")));
    }

    /** Without a transport's selectedCandidatePairId: the nominated pair that succeeded. */
    private static RTCStats nominatedPair(Collection<RTCStats> all) {
        for (RTCStats stats : all) {
            if (stats.getType() == RTCStatsType.CANDIDATE_PAIR) {
                Map<String, Object> a = attributes(stats);
                if (Boolean.TRUE.equals(a.get("nominated")) && "succeeded".equals(a.get("state"))) {
                    return stats;
                }
            }
        }
        return null;
    }

    private static boolean isVideo(Map<String, Object> a) {
        Object kind = a.containsKey("kind") ? a.get("kind") : a.get("mediaType");
        return "video".equals(kind);
    }

    static Map<String, Object> attributes(RTCStats stats) {
        Map<String, Object> a = stats.getAttributes();
        return a == null ? Map.of() : a;
    }

    static long number(Map<String, Object> a, String key) {
        return a.get(key) instanceof Number n ? n.longValue() : 0;
    }

    static double decimal(Map<String, Object> a, String key) {
        if (a.get(key) instanceof Number n) {
            double value = n.doubleValue();
            return Double.isFinite(value) ? value : 0;
        }
        return 0;
    }

    static String text(Map<String, Object> a, String key) {
        return a.get(key) instanceof String s ? s : null;
    }

    private static String subtype(String mimeType) {
        if (mimeType == null) {
            return "";
        }
        int slash = mimeType.indexOf('/');
        return slash < 0 ? mimeType : mimeType.substring(slash + 1);
    }

    private static <T> T firstNonNull(T first, T second) {
        return first != null ? first : second;
    }
}
