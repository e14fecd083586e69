package dev.roomcall.app.presentation.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.app.call.CallEvent;
import dev.roomcall.app.call.PeerId;
import dev.roomcall.app.call.PeerStats;
import dev.roomcall.app.call.RemotePeer;
import dev.roomcall.app.call.sfu.FeedStats;
import dev.roomcall.app.presentation.TrackFigures;
import dev.roomcall.media.render.FrameSource;
import dev.roomcall.media.session.PeerMessage;
import dev.roomcall.media.stats.CallStats;
import dev.roomcall.media.stats.CandidatePair;
import dev.roomcall.media.stats.ReceivedStream;
import dev.roomcall.media.stats.VideoStreamStats;
import dev.roomcall.media.stats.VideoTracks;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A call's events about each person, turned into the grid's tiles. */
class PeopleFeedTest {

    private static final PeerId ANN = PeerId.member("p1");
    private static final PeerId BEA = PeerId.member("p3");

    private final Participants participants = new Participants(() -> 0);
    private final Map<PeerId, FrameSource> pictures = new HashMap<>();
    private final Map<PeerId, FrameSource> screens = new HashMap<>();
    private final PeopleFeed feed = new PeopleFeed(participants, pictures::get, screens::get);

    private List<String> names() {
        return participants.tiles().get().stream().map(Tile::name).toList();
    }

    private Tile tile(PeerId peer) {
        return participants.tile(peer).orElseThrow();
    }

    @Test
    void whoWasThereWhoCameWhoWasNamedAndWhoLeft() {
        feed.accept(new CallEvent.Joined("r", 1, List.of(new RemotePeer(ANN, "Ann"))));
        feed.accept(new CallEvent.PeerJoined(BEA, ""));
        feed.accept(new CallEvent.PeerName(BEA, "Bea"));
        assertEquals(List.of("Ann", "Bea"), names());

        feed.accept(new CallEvent.PeerLeft(ANN, "Ann", "left"));
        assertEquals(List.of("Bea"), names());

        feed.accept(new CallEvent.Ended("hang-up"));
        assertEquals(List.of(), names());
    }

    @Test
    void aTwoPersonCallWithoutMemberIdsHasItsOneOtherPerson() {
        feed.accept(new CallEvent.Joined("r", 1, List.of()));
        assertEquals(List.of(PeerId.OTHER), participants.tiles().get().stream().map(Tile::peer).toList());
    }

    @Test
    void eachPersonsPictureComesWithTheirFirstFrameAndANewSessionsPictureWithTheNextStats() {
        pictures.put(ANN, FakeSource.INSTANCE);
        feed.accept(new CallEvent.FirstRemoteVideo(ANN, 640, 360, 900));
        assertSame(FakeSource.INSTANCE, tile(ANN).camera(), "a connection shows its person even before 'joined'");

        FrameSource replaced = new FrameSource() {
            @Override
            public Watch watch() {
                return () -> { };
            }

            @Override
            public dev.roomcall.media.render.Frame latest() {
                return null;
            }

            @Override
            public long framesReceived() {
                return 0;
            }

            @Override
            public void addFrameListener(Runnable onNewFrame) {
            }

            @Override
            public void removeFrameListener(Runnable onNewFrame) {
            }
        };
        pictures.put(ANN, replaced);
        CallStats loud = new CallStats(10, 0, 100, 0, 10, 640, 360, 15, 20, "VP8", 0, "host", 10, 0, 0.4);
        feed.accept(new CallEvent.Stats(ANN, loud, List.of(new PeerStats(ANN, "Ann", loud))));
        assertSame(replaced, tile(ANN).camera());
    }

    @Test
    void inARoomOnTheMediaServerEachPersonsOverlayHasWhatCameFromThemAndWhatWeSend() {
        feed.accept(new CallEvent.Joined("r", 2, List.of(new RemotePeer(ANN, "Ann"), new RemotePeer(BEA, "Bea"))));
        // One subscription: Ann's camera on mid 1, Bea's camera on mid 3 and her screen feed on mid 4.
        CallStats subscription = new CallStats(0, 0, 0, 0, 0, 0, 0, 0, 0, "", 0, "", 0, 0, 0, CandidatePair.NONE,
                VideoTracks.NONE, List.of(ReceivedStream.video("1", 50_000, 300, 320, 240, 15),
                ReceivedStream.video("3", 40_000, 280, 320, 240, 15),
                ReceivedStream.video("4", 90_000, 40, 1280, 720, 5), ReceivedStream.audio("5", 9_000, 0.6)));
        VideoStreamStats camera = new VideoStreamStats(640, 360, 24, 380_000, 290);
        CallStats publication = new CallStats(0, 290, 0, 400_000, 0, 0, 0, 0, 1, "VP8", 0, "host", 0, 0, 0,
                CandidatePair.NONE, new VideoTracks(VideoStreamStats.NONE, VideoStreamStats.NONE, camera,
                VideoStreamStats.NONE));
        FeedStats round = new FeedStats(publication, CallStats.EMPTY, subscription,
                Map.of("1", "p1", "3", "p3", "4", "{\"member\":\"p3\",\"screen\":true}", "5", "p3"));
        List<PeerStats> everyone = List.of(new PeerStats(ANN, "Ann", round.of("p1")),
                new PeerStats(BEA, "Bea", round.of("p3")));

        feed.accept(new CallEvent.Stats(ANN, everyone.get(0).stats(), everyone));

        assertEquals(List.of(new TrackFigures(TrackFigures.Track.CAMERA_RECEIVED, 320, 240, 15, 0, 300),
                new TrackFigures(TrackFigures.Track.CAMERA_SENT, 640, 360, 24, 0, 290)),
                participants.statsOf(ANN).stats().get().tracks());
        assertEquals(List.of(new TrackFigures(TrackFigures.Track.CAMERA_RECEIVED, 320, 240, 15, 0, 280),
                new TrackFigures(TrackFigures.Track.SCREEN_RECEIVED, 1280, 720, 5, 0, 40),
                new TrackFigures(TrackFigures.Track.CAMERA_SENT, 640, 360, 24, 0, 290)),
                participants.statsOf(BEA).stats().get().tracks(), "Bea's screen is hers, beside her camera");
        assertEquals(1280, participants.statsOf(BEA).stats().get().width());
    }

    @Test
    void losingTheMediaServerTakesEveryPictureDownAndItsReturnBringsThemBack() {
        pictures.put(ANN, FakeSource.INSTANCE);
        feed.accept(new CallEvent.Joined("r", 1, List.of(new RemotePeer(ANN, "Ann"))));
        feed.accept(new CallEvent.FirstRemoteVideo(ANN, 320, 240, 500));

        feed.accept(new CallEvent.MediaServerLost("gone"));
        assertNull(tile(ANN).camera(), "no frozen picture shown as if live");

        feed.accept(new CallEvent.MediaServerBack());
        feed.accept(new CallEvent.FirstRemoteVideo(ANN, 320, 240, 9000));
        assertSame(FakeSource.INSTANCE, tile(ANN).camera());
    }

    @Test
    void aPersonsSharedScreenComesAndGoesOnTheirTile() {
        screens.put(BEA, FakeSource.INSTANCE);
        feed.accept(new CallEvent.Joined("r", 2, List.of(new RemotePeer(ANN, "Ann"), new RemotePeer(BEA, "Bea"))));

        feed.accept(new CallEvent.RemoteShareStarted(BEA, 1920, 1080));
        assertSame(FakeSource.INSTANCE, tile(BEA).screen());
        assertNull(tile(ANN).screen());

        feed.accept(new CallEvent.RemoteShareStopped(BEA));
        assertNull(tile(BEA).screen());
    }

    @Test
    void whatEachSideSaysAboutItsMicrophoneAndCameraIsOnItsTileOnly() {
        feed.accept(new CallEvent.Joined("r", 2, List.of(new RemotePeer(ANN, "Ann"), new RemotePeer(BEA, "Bea"))));
        feed.peerMessage(BEA, new PeerMessage.MediaState(false, true));

        assertFalse(tile(BEA).microphoneOn());
        assertTrue(tile(BEA).cameraOn());
        assertTrue(tile(ANN).microphoneOn());
        assertNull(tile(ANN).camera());
    }
}
