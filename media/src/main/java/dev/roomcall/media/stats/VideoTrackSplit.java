package dev.roomcall.media.stats;

import dev.onvoid.webrtc.RTCStats;
import dev.roomcall.media.local.LocalMedia;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Which of a report's video RTP streams is the camera and which the shared screen, each way ({@link VideoTracks}).
 * Received: the stream on the lowest mid is the peer's camera (its first video m-section), the next one its screen.
 * Sent: the stream whose media source is this side's screen track ({@link LocalMedia} names its tracks
 * {@code roomcall-<key>-…}) is the screen; the camera is another one, preferably one whose sender has a track (a
 * sender whose track was removed may still be reported).
 */
final class VideoTrackSplit {

    static final String SCREEN_TRACK_PREFIX = "roomcall-" + LocalMedia.SCREEN + "-";

    /** Mids are numbers in the order of the m-sections when libwebrtc or a browser made them; otherwise, text order. */
    private static final Comparator<Map<String, Object>> BY_MID = Comparator.comparing(
            (Map<String, Object> a) -> CallStatsMapper.text(a, "mid"), Comparator.nullsFirst((x, y) -> {
                boolean numbers = x.matches("\\d{1,9}") && y.matches("\\d{1,9}");
                return numbers ? Integer.compare(Integer.parseInt(x), Integer.parseInt(y)) : x.compareTo(y);
            }));

    private VideoTrackSplit() {}

    /**
     * @param received the video inbound-rtp entries' attributes
     * @param sent     the video outbound-rtp entries' attributes
     * @param byId     the whole report, for the senders' media sources
     */
    static VideoTracks of(List<Map<String, Object>> received, List<Map<String, Object>> sent, Map<String, RTCStats> byId) {
        List<Map<String, Object>> in = received.stream().sorted(BY_MID).toList();
        Map<String, Object> screenOut = null;
        Map<String, Object> cameraOut = null;
        boolean cameraHasTrack = false;
        for (Map<String, Object> a : sent.stream().sorted(BY_MID).toList()) {
            String track = trackOf(a, byId);
            if (track != null && track.startsWith(SCREEN_TRACK_PREFIX)) {
                screenOut = screenOut == null ? a : screenOut;
            } else if (cameraOut == null || (!cameraHasTrack && track != null)) {
                cameraOut = a;
                cameraHasTrack = track != null;
            }
        }
        return new VideoTracks(in.isEmpty() ? VideoStreamStats.NONE : stream(in.get(0), "bytesReceived", "framesDecoded"),
                in.size() < 2 ? VideoStreamStats.NONE : stream(in.get(1), "bytesReceived", "framesDecoded"),
                cameraOut == null ? VideoStreamStats.NONE : stream(cameraOut, "bytesSent", "framesSent"),
                screenOut == null ? VideoStreamStats.NONE : stream(screenOut, "bytesSent", "framesSent"));
    }

    private static VideoStreamStats stream(Map<String, Object> a, String bytes, String frames) {
        return new VideoStreamStats((int) CallStatsMapper.number(a, "frameWidth"),
                (int) CallStatsMapper.number(a, "frameHeight"), CallStatsMapper.decimal(a, "framesPerSecond"),
                CallStatsMapper.number(a, bytes), CallStatsMapper.number(a, frames));
    }

    /** The id of the track an outbound stream sends, from its media source; null without one. */
    private static String trackOf(Map<String, Object> outbound, Map<String, RTCStats> byId) {
        String sourceId = CallStatsMapper.text(outbound, "mediaSourceId");
        RTCStats source = sourceId == null ? null : byId.get(sourceId);
        return source == null ? null : CallStatsMapper.text(CallStatsMapper.attributes(source), "trackIdentifier");
    }
}
