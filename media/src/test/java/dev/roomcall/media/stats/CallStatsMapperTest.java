package dev.roomcall.media.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.onvoid.webrtc.RTCStats;
import dev.onvoid.webrtc.RTCStatsReport;
import dev.onvoid.webrtc.RTCStatsType;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CallStatsMapperTest {

    @Test
    void mapsAHandBuiltReportOfAVideoCall() {
        RTCStatsReport report = report(
                stats(RTCStatsType.INBOUND_RTP, "IV", Map.of("kind", "video", "framesDecoded", 301L,
                        "frameWidth", 640L, "frameHeight", 360L, "framesPerSecond", 29.5,
                        "bytesReceived", BigInteger.valueOf(400_000), "packetsLost", 3L, "codecId", "CV")),
                stats(RTCStatsType.INBOUND_RTP, "IA", Map.of("kind", "audio",
                        "bytesReceived", BigInteger.valueOf(25_000), "packetsLost", 2)),
                stats(RTCStatsType.OUTBOUND_RTP, "OV", Map.of("kind", "video", "framesSent", 298L,
                        "bytesSent", BigInteger.valueOf(380_000), "codecId", "CV")),
                stats(RTCStatsType.OUTBOUND_RTP, "OA", Map.of("kind", "audio", "bytesSent", BigInteger.valueOf(24_000))),
                stats(RTCStatsType.CODEC, "CV", Map.of("mimeType", "video/VP8", "clockRate", 90000L)),
                stats(RTCStatsType.TRANSPORT, "T", Map.of("bytesReceived", BigInteger.valueOf(450_000),
                        "bytesSent", BigInteger.valueOf(420_000), "selectedCandidatePairId", "CP1")),
                stats(RTCStatsType.CANDIDATE_PAIR, "CP0", Map.of("currentRoundTripTime", 0.9,
                        "localCandidateId", "L0", "nominated", true, "state", "succeeded")),
                stats(RTCStatsType.CANDIDATE_PAIR, "CP1", Map.of("currentRoundTripTime", 0.042,
                        "localCandidateId", "L1", "nominated", true, "state", "succeeded")),
                stats(RTCStatsType.LOCAL_CANDIDATE, "L0", Map.of("candidateType", "host")),
                stats(RTCStatsType.LOCAL_CANDIDATE, "L1", Map.of("candidateType", "srflx")));

        CallStats mapped = CallStatsMapper.map(report);

        assertEquals(new CallStats(301, 298, 450_000, 420_000, 25_000, 640, 360, 29.5, 42.0, "VP8", 5, "srflx",
                        0, 0, 0, new CandidatePair(new CandidatePair.Candidate("srflx", "", 0, "", ""), null),
                        new VideoTracks(new VideoStreamStats(640, 360, 29.5, 400_000, 301), VideoStreamStats.NONE,
                                new VideoStreamStats(0, 0, 0, 380_000, 298), VideoStreamStats.NONE),
                        List.of(new ReceivedStream("", false, 25_000, 0, 2, 0, 0, 0, 0, 0, ""),
                                new ReceivedStream("", true, 400_000, 0, 3, 301, 640, 360, 29.5, 0, "VP8"))),
                new CallStats(mapped.framesDecoded(), mapped.framesSent(), mapped.bytesReceived(), mapped.bytesSent(),
                        mapped.audioBytesReceived(), mapped.width(), mapped.height(), mapped.fps(), mapped.rttMs(),
                        mapped.codec(), mapped.packetsLost(), mapped.candidateType(), mapped.packetsReceived(),
                        mapped.localAudioLevel(), mapped.remoteAudioLevel(), mapped.candidatePair(),
                        mapped.videoTracks(), byMid(mapped.received())));
    }

    @Test
    void theSelectedPairIsFollowedFromTheTransportToBothCandidates() {
        RTCStatsReport report = report(
                stats(RTCStatsType.TRANSPORT, "T", Map.of("selectedCandidatePairId", "CP1")),
                stats(RTCStatsType.CANDIDATE_PAIR, "CP0", Map.of("localCandidateId", "L0", "remoteCandidateId", "R0",
                        "nominated", true, "state", "succeeded")),
                stats(RTCStatsType.CANDIDATE_PAIR, "CP1", Map.of("localCandidateId", "L1", "remoteCandidateId", "R1",
                        "currentRoundTripTime", 0.01)),
                stats(RTCStatsType.LOCAL_CANDIDATE, "L0", Map.of("candidateType", "host", "address", "10.1.1.1",
                        "port", 1111, "protocol", "udp")),
                stats(RTCStatsType.LOCAL_CANDIDATE, "L1", Map.of("candidateType", "relay", "address", "192.0.2.2",
                        "port", 50000, "protocol", "udp", "relayProtocol", "tcp")),
                stats(RTCStatsType.REMOTE_CANDIDATE, "R0", Map.of("candidateType", "host", "address", "10.2.2.2",
                        "port", 2222L, "protocol", "udp")),
                stats(RTCStatsType.REMOTE_CANDIDATE, "R1", Map.of("candidateType", "prflx", "ip", "2001:db8::7",
                        "port", 3478L, "protocol", "udp")));

        CallStats mapped = CallStatsMapper.map(report);

        assertEquals(new CandidatePair(
                        new CandidatePair.Candidate("relay", "192.0.2.2", 50000, "udp", "tcp"),
                        new CandidatePair.Candidate("prflx", "2001:db8::7", 3478, "udp", "")),
                mapped.candidatePair(), "the transport's pair, not the other nominated one; 'ip' read as the address");
        assertEquals("relay", mapped.candidateType());
        assertEquals("192.0.2.2:50000", mapped.candidatePair().local().endpoint());
        assertEquals("[2001:db8::7]:3478", mapped.candidatePair().remote().endpoint());
    }

    @Test
    void aPairWhoseCandidatesAreMissingOrOddIsUnknownNotBroken() {
        Map<String, Object> odd = new HashMap<>();
        odd.put("candidateType", 7);
        odd.put("address", null);
        odd.put("port", -5L);
        CallStats mapped = CallStatsMapper.map(List.of(
                stats(RTCStatsType.TRANSPORT, "T", Map.of("selectedCandidatePairId", "CP")),
                stats(RTCStatsType.CANDIDATE_PAIR, "CP", Map.of("localCandidateId", "L", "remoteCandidateId", "gone")),
                stats(RTCStatsType.LOCAL_CANDIDATE, "L", odd)));

        assertEquals(CandidatePair.NONE, mapped.candidatePair());
        assertFalse(mapped.candidatePair().isKnown());
        assertEquals("", mapped.candidateType());
        assertEquals(CandidatePair.NONE, CallStats.EMPTY.candidatePair());
    }

    @Test
    void packetCountsAndBothAudioLevelsAreRead() {
        RTCStatsReport report = report(
                stats(RTCStatsType.INBOUND_RTP, "IV", Map.of("kind", "video", "packetsReceived", 900L, "packetsLost", 10L)),
                stats(RTCStatsType.INBOUND_RTP, "IA", Map.of("kind", "audio", "packetsReceived", 100L,
                        "audioLevel", 0.31)),
                stats(RTCStatsType.MEDIA_SOURCE, "SA", Map.of("kind", "audio", "audioLevel", 0.2)),
                stats(RTCStatsType.MEDIA_SOURCE, "SV", Map.of("kind", "video", "framesPerSecond", 30.0)));

        CallStats mapped = CallStatsMapper.map(report);

        assertEquals(1000, mapped.packetsReceived());
        assertEquals(10, mapped.packetsLost());
        assertEquals(0.2, mapped.localAudioLevel());
        assertEquals(0.31, mapped.remoteAudioLevel());
        assertEquals(0.2, CallStatsMapper.sourceAudioLevel(report), "what the level meter reads");
        assertEquals(0.0, CallStatsMapper.sourceAudioLevel(null));
    }

    @Test
    void withoutATransportTheRtpStreamsAndTheNominatedPairAreUsed() {
        CallStats mapped = CallStatsMapper.map(List.of(
                stats(RTCStatsType.INBOUND_RTP, "IV", Map.of("kind", "video", "bytesReceived", 1000L)),
                stats(RTCStatsType.INBOUND_RTP, "IA", Map.of("kind", "audio", "bytesReceived", 200L)),
                stats(RTCStatsType.OUTBOUND_RTP, "OV", Map.of("kind", "video", "bytesSent", 700L)),
                stats(RTCStatsType.CANDIDATE_PAIR, "CP", Map.of("currentRoundTripTime", 0.25,
                        "localCandidateId", "L", "nominated", true, "state", "succeeded")),
                stats(RTCStatsType.LOCAL_CANDIDATE, "L", Map.of("candidateType", "relay"))));

        assertEquals(1200, mapped.bytesReceived());
        assertEquals(700, mapped.bytesSent());
        assertEquals(200, mapped.audioBytesReceived());
        assertEquals(250.0, mapped.rttMs());
        assertEquals("relay", mapped.candidateType());
    }

    @Test
    void theScreenIsTheVideoBesideTheCameraEachWay() {
        CallStats mapped = CallStatsMapper.map(List.of(
                // Received: the peer's camera on its first video section (mid 1), its screen on a later one (mid 10).
                stats(RTCStatsType.INBOUND_RTP, "I10", Map.of("kind", "video", "mid", "10", "frameWidth", 1920L,
                        "frameHeight", 1080L, "framesPerSecond", 5.0, "bytesReceived", 90_000L, "framesDecoded", 40L)),
                stats(RTCStatsType.INBOUND_RTP, "I1", Map.of("kind", "video", "mid", "1", "frameWidth", 640L,
                        "frameHeight", 480L, "framesPerSecond", 30.0, "bytesReceived", 50_000L, "framesDecoded", 300L)),
                stats(RTCStatsType.INBOUND_RTP, "I0", Map.of("kind", "audio", "mid", "0", "bytesReceived", 7_000L)),
                // Sent: the screen is the stream whose source is the screen track, wherever its section is.
                stats(RTCStatsType.OUTBOUND_RTP, "O1", Map.of("kind", "video", "mid", "1", "mediaSourceId", "S1",
                        "frameWidth", 1280L, "frameHeight", 720L, "framesPerSecond", 10.0, "bytesSent", 80_000L,
                        "framesSent", 100L)),
                stats(RTCStatsType.OUTBOUND_RTP, "O2", Map.of("kind", "video", "mid", "2", "mediaSourceId", "S2",
                        "frameWidth", 640L, "frameHeight", 360L, "framesPerSecond", 24.0, "bytesSent", 60_000L,
                        "framesSent", 240L)),
                stats(RTCStatsType.MEDIA_SOURCE, "S1", Map.of("kind", "video",
                        "trackIdentifier", "roomcall-screen-s7-12")),
                stats(RTCStatsType.MEDIA_SOURCE, "S2", Map.of("kind", "video",
                        "trackIdentifier", "roomcall-camera-s7-3"))));

        assertEquals(new VideoTracks(new VideoStreamStats(640, 480, 30.0, 50_000, 300),
                new VideoStreamStats(1920, 1080, 5.0, 90_000, 40),
                new VideoStreamStats(640, 360, 24.0, 60_000, 240),
                new VideoStreamStats(1280, 720, 10.0, 80_000, 100)), mapped.videoTracks());
        assertEquals(340, mapped.framesDecoded(), "the call's totals still count both");
        assertEquals(1920, mapped.width(), "and take the largest picture");
    }

    @Test
    void everyReceivedStreamIsKeptByItsMidWithItsOwnFigures() {
        // A media server's subscription: one m-section pair per person's feed, all on one connection.
        CallStats mapped = CallStatsMapper.map(List.of(
                stats(RTCStatsType.INBOUND_RTP, "IA0", Map.of("kind", "audio", "mid", "0", "bytesReceived", 7_000L,
                        "packetsReceived", 70L, "packetsLost", -1L, "audioLevel", 0.4, "codecId", "CA")),
                stats(RTCStatsType.INBOUND_RTP, "IV1", Map.of("kind", "video", "mid", "1", "bytesReceived", 50_000L,
                        "packetsReceived", 60L, "packetsLost", 2L, "framesDecoded", 300L, "frameWidth", 320L,
                        "frameHeight", 240L, "framesPerSecond", 15.0, "codecId", "CV")),
                stats(RTCStatsType.INBOUND_RTP, "IV3", Map.of("kind", "video", "mid", "3", "bytesReceived", 40_000L,
                        "framesDecoded", 280L, "codecId", "missing")),
                stats(RTCStatsType.CODEC, "CA", Map.of("mimeType", "audio/opus")),
                stats(RTCStatsType.CODEC, "CV", Map.of("mimeType", "video/VP8"))));

        assertEquals(List.of(new ReceivedStream("0", false, 7_000, 70, 0, 0, 0, 0, 0, 0.4, "opus"),
                        new ReceivedStream("1", true, 50_000, 60, 2, 300, 320, 240, 15.0, 0, "VP8"),
                        new ReceivedStream("3", true, 40_000, 0, 0, 280, 0, 0, 0, 0, "")),
                byMid(mapped.received()));
        assertEquals(580, mapped.framesDecoded(), "the whole connection's figures still sum them");
        assertEquals(List.of(), CallStats.EMPTY.received());
    }

    @Test
    void withoutAScreenOnlyTheCameraIsThereAndASenderWithoutATrackIsNotTheCamera() {
        CallStats mapped = CallStatsMapper.map(List.of(
                stats(RTCStatsType.INBOUND_RTP, "I1", Map.of("kind", "video", "mid", "1", "framesDecoded", 30L)),
                // A screen sender whose track was removed is still reported, without a media source.
                stats(RTCStatsType.OUTBOUND_RTP, "O1", Map.of("kind", "video", "mid", "1", "framesSent", 900L)),
                stats(RTCStatsType.OUTBOUND_RTP, "O3", Map.of("kind", "video", "mid", "3", "mediaSourceId", "S3",
                        "framesSent", 25L)),
                stats(RTCStatsType.MEDIA_SOURCE, "S3", Map.of("kind", "video", "trackIdentifier", "roomcall-camera-off-s1-9"))));

        VideoTracks tracks = mapped.videoTracks();
        assertEquals(30, tracks.cameraReceived().frames());
        assertFalse(tracks.screenReceived().present());
        assertEquals(25, tracks.cameraSent().frames(), "the stream with a track (here the camera-off slate)");
        assertFalse(tracks.screenSent().present());
        assertEquals(VideoTracks.NONE, CallStats.EMPTY.videoTracks());
    }

    @Test
    void anEmptyOrOddReportMapsToZeros() {
        Map<String, Object> odd = new HashMap<>();
        odd.put("kind", "video");
        odd.put("framesDecoded", "not a number");
        odd.put("framesPerSecond", Double.NaN);
        assertEquals(CallStats.EMPTY, CallStatsMapper.map(List.of()));
        assertEquals(CallStats.EMPTY, CallStatsMapper.map((RTCStatsReport) null));
        CallStats oddOne = CallStatsMapper.map(List.of(stats(RTCStatsType.INBOUND_RTP, "X", odd)));
        assertEquals(List.of(new ReceivedStream("", true, 0, 0, 0, 0, 0, 0, 0, 0, "")), oddOne.received(),
                "a stream that is there, with nothing readable");
        assertEquals(CallStats.EMPTY, new CallStats(oddOne.framesDecoded(), oddOne.framesSent(), oddOne.bytesReceived(),
                oddOne.bytesSent(), oddOne.audioBytesReceived(), oddOne.width(), oddOne.height(), oddOne.fps(),
                oddOne.rttMs(), oddOne.codec(), oddOne.packetsLost(), oddOne.candidateType(), oddOne.packetsReceived(),
                oddOne.localAudioLevel(), oddOne.remoteAudioLevel(), oddOne.candidatePair(), oddOne.videoTracks()));
    }

    /** A report's entries come in no particular order. */
    private static List<ReceivedStream> byMid(List<ReceivedStream> streams) {
        return streams.stream().sorted(java.util.Comparator.comparing(ReceivedStream::mid)
                .thenComparing(ReceivedStream::video)).toList();
    }

    private static RTCStats stats(RTCStatsType type, String id, Map<String, Object> attributes) {
        return new RTCStats(1L, type, id, attributes) {};
    }

    private static RTCStatsReport report(RTCStats... all) {
        Map<String, RTCStats> byId = new HashMap<>();
        for (RTCStats stats : all) {
            byId.put(stats.getId(), stats);
        }
        return new RTCStatsReport(byId, 1L) {};
    }
}
