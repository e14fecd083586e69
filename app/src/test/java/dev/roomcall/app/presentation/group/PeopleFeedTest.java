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
import dev.roomcall.media.render.FrameSource;
import dev.roomcall.media.session.PeerMessage;
import dev.roomcall.media.stats.CallStats;
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
