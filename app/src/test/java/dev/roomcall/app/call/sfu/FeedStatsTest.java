package dev.roomcall.app.call.sfu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.roomcall.media.stats.CallStats;
import dev.roomcall.media.stats.CandidatePair;
import dev.roomcall.media.stats.ReceivedStream;
import dev.roomcall.media.stats.VideoStreamStats;
import dev.roomcall.media.stats.VideoTracks;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** A room on Janus counted by person: each member's feeds' m-sections of the subscription, and what we send. */
class FeedStatsTest {

    private static final String P3_SCREEN = "{\"member\":\"p3\",\"screen\":true}";
    private static final CandidatePair TO_JANUS = new CandidatePair(
            new CandidatePair.Candidate("host", "127.0.0.1", 40000, "udp", ""),
            new CandidatePair.Candidate("host", "127.0.0.1", 20000, "udp", ""));
    private static final VideoStreamStats CAMERA_SENT = new VideoStreamStats(640, 360, 24, 380_000, 290);
    private static final VideoStreamStats SCREEN_SENT = new VideoStreamStats(1920, 1080, 5, 190_000, 50);

    /** Janus's subscription: p2's audio and camera, p3's audio, camera and screen, and sections nobody owns now. */
    private static final CallStats SUBSCRIPTION = receiving(List.of(
            ReceivedStream.audio("0", 7_000, 0.3).withPackets(70, 1),
            ReceivedStream.video("1", 50_000, 300, 320, 240, 15).withPackets(60, 2).withCodec("VP8"),
            ReceivedStream.audio("2", 6_000, 0.1),
            ReceivedStream.video("3", 40_000, 280, 320, 240, 14).withCodec("VP8"),
            ReceivedStream.video("4", 90_000, 40, 1280, 720, 5).withCodec("VP9"),
            ReceivedStream.video("5", 99_000, 1_000, 640, 480, 30), // a feed that is gone: its section is idle
            ReceivedStream.audio("", 1_000, 0.9))); // a report without mids
    private static final Map<String, String> MIDS = Map.of("0", "p2", "1", "p2", "2", "p3", "3", "p3", "4", P3_SCREEN);

    private final FeedStats round = new FeedStats(sending(290, 400_000, new VideoTracks(VideoStreamStats.NONE,
            VideoStreamStats.NONE, CAMERA_SENT, VideoStreamStats.NONE)), sending(50, 200_000,
            new VideoTracks(VideoStreamStats.NONE, VideoStreamStats.NONE, VideoStreamStats.NONE, SCREEN_SENT)),
            SUBSCRIPTION, MIDS);

    @ParameterizedTest(name = "{0}: {1} frames, {2} bytes")
    @CsvSource({
        // member, frames decoded, bytes, audio bytes, width, height, fps, camera frames, screen frames, level, codec, lost
        "p2,   300,  57000, 7000,  320, 240, 15, 300,  0, 0.3, VP8, 3",
        // A member who shares: camera and screen feeds both theirs; the picture the largest; the camera's codec.
        "p3,   320, 136000, 6000, 1280, 720, 14, 280, 40, 0.1, VP8, 0",
        // Someone whose feeds have not come yet: nothing received, nothing borrowed from the idle sections.
        "p9,     0,      0,    0,    0,   0,  0,   0,  0, 0.0, '', 0",
    })
    void whatCameFromEachMemberIsWhatTheirFeedsSectionsReceived(String member, long frames, long bytes, long audio,
                                                               int width, int height, double fps, long cameraFrames,
                                                               long screenFrames, double level, String codec, long lost) {
        CallStats theirs = round.of(member);

        assertEquals(frames, theirs.framesDecoded());
        assertEquals(bytes, theirs.bytesReceived());
        assertEquals(audio, theirs.audioBytesReceived());
        assertEquals(width, theirs.width());
        assertEquals(height, theirs.height());
        assertEquals(fps, theirs.fps());
        assertEquals(cameraFrames, theirs.videoTracks().cameraReceived().frames());
        assertEquals(screenFrames, theirs.videoTracks().screenReceived().frames());
        assertEquals(screenFrames > 0, theirs.videoTracks().screenReceived().present());
        assertEquals(level, theirs.remoteAudioLevel());
        assertEquals(codec, theirs.codec());
        assertEquals(lost, theirs.packetsLost());
    }

    @Test
    void whatWeSendReachesEveryoneOnceThroughJanusAndTheirMediaComesOverTheSubscription() {
        for (String member : List.of("p2", "p3", "p9")) {
            CallStats theirs = round.of(member);
            assertEquals(340, theirs.framesSent(), "the camera's frames and the screen feed's");
            assertEquals(600_000, theirs.bytesSent());
            assertEquals(CAMERA_SENT, theirs.videoTracks().cameraSent());
            assertEquals(SCREEN_SENT, theirs.videoTracks().screenSent());
            assertEquals(12.0, theirs.rttMs(), "the round trip to Janus, which forwards their media");
            assertEquals(TO_JANUS, theirs.candidatePair());
            assertEquals(0.2, theirs.localAudioLevel());
        }
        assertEquals(340, round.framesSent(), "the call's own totals count what is sent once");
        assertEquals(600_000, round.bytesSent());
    }

    @Test
    void withoutAShareOnlyTheCameraIsSentAndAScreenConnectionWithoutItsSourceStillCountsAsTheScreen() {
        FeedStats camera = new FeedStats(sending(290, 400_000, new VideoTracks(VideoStreamStats.NONE,
                VideoStreamStats.NONE, CAMERA_SENT, VideoStreamStats.NONE)), CallStats.EMPTY, SUBSCRIPTION, MIDS);
        assertFalse(camera.of("p2").videoTracks().screenSent().present());
        assertEquals(290, camera.framesSent());

        // The screen feed's connection sends nothing but the screen, whatever its report says of the source.
        FeedStats unnamed = new FeedStats(CallStats.EMPTY, sending(50, 200_000, new VideoTracks(VideoStreamStats.NONE,
                VideoStreamStats.NONE, SCREEN_SENT, VideoStreamStats.NONE)), SUBSCRIPTION, MIDS);
        assertEquals(SCREEN_SENT, unnamed.of("p2").videoTracks().screenSent());
        assertFalse(unnamed.of("p2").videoTracks().cameraSent().present());
    }

    @Test
    void theirStreamsAreKeptWithTheirFiguresAndNothingIsMeasuredBeforeTheFirstRound() {
        assertEquals(List.of(SUBSCRIPTION.received().get(0), SUBSCRIPTION.received().get(1)), round.of("p2").received());
        assertEquals(0, FeedStats.NONE.of("p2").framesDecoded());
        assertEquals(0, FeedStats.NONE.framesSent());
    }

    private static CallStats receiving(List<ReceivedStream> streams) {
        return new CallStats(1_620, 0, 400_000, 0, 14_000, 1280, 720, 30, 12.0, "VP8", 3, "host", 130, 0, 0.9,
                TO_JANUS, VideoTracks.NONE, streams);
    }

    private static CallStats sending(long frames, long bytes, VideoTracks tracks) {
        return new CallStats(0, frames, 0, bytes, 0, 0, 0, 0, 3.0, "VP8", 0, "host", 0, 0.2, 0, CandidatePair.NONE,
                tracks, List.of());
    }
}
