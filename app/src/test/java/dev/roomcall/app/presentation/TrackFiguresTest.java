package dev.roomcall.app.presentation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roomcall.app.presentation.TrackFigures.Track;
import dev.roomcall.media.stats.CallStats;
import dev.roomcall.media.stats.CandidatePair;
import dev.roomcall.media.stats.VideoStreamStats;
import dev.roomcall.media.stats.VideoTracks;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which tracks the statistics overlay shows side by side, and each one's figures between two snapshots. */
class TrackFiguresTest {

    private static final VideoStreamStats NONE = VideoStreamStats.NONE;

    private static VideoStreamStats stream(int width, int height, double fps, long bytes, long frames) {
        return new VideoStreamStats(width, height, fps, bytes, frames);
    }

    static Stream<Arguments> snapshots() {
        VideoTracks cameraOnly = new VideoTracks(stream(640, 480, 30, 100_000, 300), NONE,
                stream(1280, 720, 30, 200_000, 300), NONE);
        VideoTracks cameraOnlyLater = new VideoTracks(stream(640, 480, 30, 225_000, 330), NONE,
                stream(1280, 720, 30, 450_000, 330), NONE);
        VideoTracks sharing = new VideoTracks(stream(640, 480, 30, 100_000, 300), NONE,
                stream(1280, 720, 30, 200_000, 300), stream(1920, 1080, 10, 50_000, 20));
        VideoTracks sharingLater = new VideoTracks(stream(640, 480, 30, 225_000, 330), NONE,
                stream(1280, 720, 30, 450_000, 330), stream(1920, 1080, 10, 300_000, 30));
        VideoTracks theyShare = new VideoTracks(stream(640, 480, 30, 225_000, 330), stream(2560, 1440, 5, 500_000, 15),
                stream(1280, 720, 30, 450_000, 330), NONE);
        VideoTracks newShare = new VideoTracks(stream(640, 480, 30, 225_000, 330), NONE,
                stream(1280, 720, 30, 450_000, 330), stream(1280, 800, 15, 10_000, 2));
        return Stream.of(
                Arguments.of("nothing measured yet", null, VideoTracks.NONE, 1.0, List.of()),
                Arguments.of("the first snapshot: figures, no bitrate yet", null, cameraOnly, 1.0, List.of(
                        new TrackFigures(Track.CAMERA_RECEIVED, 640, 480, 30, 0, 300),
                        new TrackFigures(Track.CAMERA_SENT, 1280, 720, 30, 0, 300))),
                Arguments.of("the camera each way, a second later", cameraOnly, cameraOnlyLater, 1.0, List.of(
                        new TrackFigures(Track.CAMERA_RECEIVED, 640, 480, 30, 1000, 330),
                        new TrackFigures(Track.CAMERA_SENT, 1280, 720, 30, 2000, 330))),
                Arguments.of("sharing: the screen sent next to the camera", sharing, sharingLater, 2.0, List.of(
                        new TrackFigures(Track.CAMERA_RECEIVED, 640, 480, 30, 500, 330),
                        new TrackFigures(Track.CAMERA_SENT, 1280, 720, 30, 1000, 330),
                        new TrackFigures(Track.SCREEN_SENT, 1920, 1080, 10, 1000, 30))),
                Arguments.of("they share: their screen received, which the snapshot before did not have",
                        cameraOnlyLater, theyShare, 1.0, List.of(
                        new TrackFigures(Track.CAMERA_RECEIVED, 640, 480, 30, 0, 330),
                        new TrackFigures(Track.SCREEN_RECEIVED, 2560, 1440, 5, 0, 15),
                        new TrackFigures(Track.CAMERA_SENT, 1280, 720, 30, 0, 330))),
                Arguments.of("the share stopped: its column goes", sharingLater, cameraOnlyLater, 1.0, List.of(
                        new TrackFigures(Track.CAMERA_RECEIVED, 640, 480, 30, 0, 330),
                        new TrackFigures(Track.CAMERA_SENT, 1280, 720, 30, 0, 330))),
                Arguments.of("a new share's counters started over: no rate rather than a negative one", sharingLater,
                        newShare, 1.0, List.of(
                        new TrackFigures(Track.CAMERA_RECEIVED, 640, 480, 30, 0, 330),
                        new TrackFigures(Track.CAMERA_SENT, 1280, 720, 30, 0, 330),
                        new TrackFigures(Track.SCREEN_SENT, 1280, 800, 15, 0, 2))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("snapshots")
    void figuresByTrack(String situation, VideoTracks previous, VideoTracks current, double seconds,
                        List<TrackFigures> expected) {
        assertEquals(expected, TrackFigures.between(previous, current, seconds));
    }

    @org.junit.jupiter.api.Test
    void theSummaryCarriesThemFromOneSnapshotToTheNext() {
        StatsHistory history = new StatsHistory();
        history.add(snapshot(new VideoTracks(NONE, NONE, stream(320, 240, 15, 10_000, 15),
                stream(1280, 800, 10, 40_000, 10))), 0);
        StatsSummary summary = history.add(snapshot(new VideoTracks(NONE, NONE, stream(320, 240, 15, 20_000, 30),
                stream(1280, 800, 10, 140_000, 20))), 1_000);

        assertEquals(List.of(new TrackFigures(Track.CAMERA_SENT, 320, 240, 15, 80, 30),
                new TrackFigures(Track.SCREEN_SENT, 1280, 800, 10, 800, 20)), summary.tracks());
        assertEquals(List.of(), StatsSummary.NONE.tracks());
    }

    private static CallStats snapshot(VideoTracks tracks) {
        return new CallStats(0, 0, 1_000, 1_000, 0, 0, 0, 0, 10, "VP8", 0, "host", 10, 0, 0, CandidatePair.NONE, tracks);
    }
}
