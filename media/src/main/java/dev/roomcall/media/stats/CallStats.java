package dev.roomcall.media.stats;

import java.util.List;

/**
 * A snapshot of one call's statistics. Counters are totals since the call started; a value the report did not
 * carry is 0 (numbers), the empty string (codec, candidateType) or {@link CandidatePair#NONE}.
 *
 * @param framesDecoded      remote video frames decoded
 * @param framesSent         local video frames sent
 * @param bytesReceived      all bytes received on the selected transport (falls back to the RTP streams' sum)
 * @param bytesSent          all bytes sent on the selected transport (falls back to the RTP streams' sum)
 * @param audioBytesReceived payload bytes of the remote audio stream
 * @param width              decoded remote video width
 * @param height             decoded remote video height
 * @param fps                decoded remote frames per second
 * @param rttMs              current ICE round-trip time in milliseconds
 * @param codec              remote video codec, e.g. {@code VP8} (the MIME subtype)
 * @param packetsLost        remote RTP packets lost, audio and video together
 * @param candidateType      local candidate type of the selected pair: host, srflx, prflx or relay
 * @param packetsReceived    remote RTP packets received, audio and video together (with {@code packetsLost}
 *                           this gives the loss fraction)
 * @param localAudioLevel    level of the audio being sent, 0..1 (the audio media source's {@code audioLevel})
 * @param remoteAudioLevel   level of the audio being received and played, 0..1; stays 0 where nothing plays
 *                           received audio (the headless audio module)
 * @param candidatePair      the selected candidate pair: both sides' type, address, port and protocol
 * @param videoTracks        the video by track (camera, shared screen) and way; the fields above sum or take the
 *                           largest of them
 * @param received           every received RTP stream, audio and video, by mid (for a media server's subscription,
 *                           whose m-sections carry different people's feeds); the received fields above sum them
 */
public record CallStats(long framesDecoded, long framesSent, long bytesReceived, long bytesSent,
                        long audioBytesReceived, int width, int height, double fps, double rttMs, String codec,
                        long packetsLost, String candidateType, long packetsReceived, double localAudioLevel,
                        double remoteAudioLevel, CandidatePair candidatePair, VideoTracks videoTracks,
                        List<ReceivedStream> received) {

    public static final CallStats EMPTY = new CallStats(0, 0, 0, 0, 0, 0, 0, 0, 0, "", 0, "", 0, 0, 0);

    public CallStats {
        candidatePair = candidatePair == null ? CandidatePair.NONE : candidatePair;
        videoTracks = videoTracks == null ? VideoTracks.NONE : videoTracks;
        received = received == null ? List.of() : List.copyOf(received);
    }

    /** The same figures with other frame totals (see {@link FrameTotals}). */
    public CallStats withFrameTotals(long decoded, long sent) {
        return new CallStats(decoded, sent, bytesReceived, bytesSent, audioBytesReceived, width, height, fps, rttMs,
                codec, packetsLost, candidateType, packetsReceived, localAudioLevel, remoteAudioLevel, candidatePair,
                videoTracks, received);
    }

    /** Without the received streams by mid. */
    public CallStats(long framesDecoded, long framesSent, long bytesReceived, long bytesSent, long audioBytesReceived,
                     int width, int height, double fps, double rttMs, String codec, long packetsLost,
                     String candidateType, long packetsReceived, double localAudioLevel, double remoteAudioLevel,
                     CandidatePair candidatePair, VideoTracks videoTracks) {
        this(framesDecoded, framesSent, bytesReceived, bytesSent, audioBytesReceived, width, height, fps, rttMs, codec,
                packetsLost, candidateType, packetsReceived, localAudioLevel, remoteAudioLevel, candidatePair,
                videoTracks, List.of());
    }

    /** Without the video by track. */
    public CallStats(long framesDecoded, long framesSent, long bytesReceived, long bytesSent, long audioBytesReceived,
                     int width, int height, double fps, double rttMs, String codec, long packetsLost,
                     String candidateType, long packetsReceived, double localAudioLevel, double remoteAudioLevel,
                     CandidatePair candidatePair) {
        this(framesDecoded, framesSent, bytesReceived, bytesSent, audioBytesReceived, width, height, fps, rttMs, codec,
                packetsLost, candidateType, packetsReceived, localAudioLevel, remoteAudioLevel, candidatePair,
                VideoTracks.NONE);
    }

    /** The statistics of the second release, without the selected candidate pair. */
    public CallStats(long framesDecoded, long framesSent, long bytesReceived, long bytesSent, long audioBytesReceived,
                     int width, int height, double fps, double rttMs, String codec, long packetsLost,
                     String candidateType, long packetsReceived, double localAudioLevel, double remoteAudioLevel) {
        this(framesDecoded, framesSent, bytesReceived, bytesSent, audioBytesReceived, width, height, fps, rttMs, codec,
                packetsLost, candidateType, packetsReceived, localAudioLevel, remoteAudioLevel, CandidatePair.NONE);
    }

    /** The statistics of the first release, without packet counts and audio levels. */
    public CallStats(long framesDecoded, long framesSent, long bytesReceived, long bytesSent, long audioBytesReceived,
                     int width, int height, double fps, double rttMs, String codec, long packetsLost,
                     String candidateType) {
        this(framesDecoded, framesSent, bytesReceived, bytesSent, audioBytesReceived, width, height, fps, rttMs, codec,
                packetsLost, candidateType, 0, 0, 0);
    }
}
