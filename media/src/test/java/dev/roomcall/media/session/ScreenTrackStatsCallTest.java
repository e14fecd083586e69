package dev.roomcall.media.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.media.Await;
import dev.roomcall.media.MediaEngine;
import dev.roomcall.media.SharedEngine;
import dev.roomcall.media.local.LocalMedia;
import dev.roomcall.media.stats.CallStats;
import dev.roomcall.media.stats.VideoTracks;
import dev.roomcall.media.synthetic.SyntheticVideo;
import dev.roomcall.media.synthetic.TestSources;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A real call's statistics tell the camera from the shared screen: while this process shares a screen track, both
 * sessions' reports carry it apart from the camera, sent on one side and received on the other; once it is removed,
 * neither reports a screen any more.
 */
class ScreenTrackStatsCallTest {

    private static final int SCREEN_WIDTH = 480;
    private static final int SCREEN_HEIGHT = 272;

    @Test
    void theScreenTracksFiguresAreReportedApartFromTheCamerasBothWays() {
        MediaEngine engine = SharedEngine.get();
        LocalMedia media = engine.localMedia();
        try (TestCall call = new TestCall(engine)) {
            call.connect();

            SyntheticVideo screen = TestSources.blue("screen-stats", SCREEN_WIDTH, SCREEN_HEIGHT, 10);
            screen.start();
            media.addVideoTrack(LocalMedia.SCREEN, new LocalMedia.Input<>(screen.source(), screen::close));
            try {
                Await.until("a screen sent and received beside the camera", () -> flowing(newest(call.aEvents))
                        && flowing(newest(call.bEvents)), () -> newest(call.aEvents) + " / " + newest(call.bEvents));
                // Both sides send the same local tracks (one engine): each sends and receives a screen.
                VideoTracks tracks = newest(call.bEvents);
                assertEquals(SCREEN_WIDTH, tracks.screenReceived().width(), tracks.toString());
                assertEquals(SharedEngine.WIDTH, tracks.cameraReceived().width(), tracks.toString());
                assertEquals(SCREEN_WIDTH, tracks.screenSent().width(), tracks.toString());
                assertEquals(SharedEngine.WIDTH, tracks.cameraSent().width(), tracks.toString());
            } finally {
                assertTrue(media.removeTrack(LocalMedia.SCREEN));
            }
            Await.until("no screen sent or received once the track is gone", () -> !newest(call.aEvents).screenSent().present()
                    && !newest(call.bEvents).screenReceived().present() && newest(call.aEvents).cameraSent().frames() > 0,
                    () -> newest(call.aEvents) + " / " + newest(call.bEvents));
        }
    }

    private static boolean flowing(VideoTracks tracks) {
        return tracks.screenSent().frames() > 10 && tracks.screenReceived().frames() > 10
                && tracks.cameraSent().frames() > 10 && tracks.cameraReceived().frames() > 10;
    }

    private static VideoTracks newest(RecordingListener events) {
        List<CallStats> all = events.stats;
        return all.isEmpty() ? VideoTracks.NONE : all.get(all.size() - 1).videoTracks();
    }
}
