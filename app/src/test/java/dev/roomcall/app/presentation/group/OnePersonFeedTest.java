package dev.roomcall.app.presentation.group;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.app.call.CallControls;
import dev.roomcall.app.call.CallEvent;
import dev.roomcall.app.call.CallOptions;
import dev.roomcall.app.call.PeerId;
import dev.roomcall.app.call.Role;
import dev.roomcall.app.i18n.I18n;
import dev.roomcall.app.presentation.CallViewModel;
import dev.roomcall.media.render.FrameSource;
import dev.roomcall.media.session.PeerMessage;
import dev.roomcall.media.stats.CallStats;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A two-person call's events and model, turned into the grid's one person. */
class OnePersonFeedTest {

    private static final PeerId OTHER = PeerId.OTHER;

    private static final class NoCall implements CallControls {
        @Override
        public void setMicrophoneEnabled(boolean on) {
        }

        @Override
        public void setCameraEnabled(boolean on) {
        }

        @Override
        public boolean microphoneEnabled() {
            return true;
        }

        @Override
        public boolean cameraEnabled() {
            return true;
        }

        @Override
        public Optional<PeerMessage.Chat> sendChat(String text) {
            return Optional.empty();
        }

        @Override
        public double microphoneLevel() {
            return 0;
        }

        @Override
        public void hangUp() {
        }
    }

    private final AtomicLong clock = new AtomicLong();
    private final CallViewModel model = new CallViewModel(
            new CallOptions(URI.create("ws://127.0.0.1:1"), "room", Role.AUTO, List.of(), false, null), new NoCall(),
            clock::get);
    private final Participants people = new Participants(clock::get);
    private final List<Presence> said = new ArrayList<>();
    private FrameSource remote;
    private OnePersonFeed feed;

    @BeforeEach
    void feed() {
        I18n.setLocale(Locale.ENGLISH);
        people.onPresence(said::add);
        feed = OnePersonFeed.start(people, model, () -> remote);
    }

    private void event(CallEvent event) {
        model.accept(event);
        feed.accept(event);
    }

    @Test
    void someoneJoiningLaterArrivesWithAChimeAndTheirPictureComesWithTheFirstFrame() {
        event(new CallEvent.Joined("room", 0));
        assertEquals(List.of(), people.tiles().get());
        event(new CallEvent.PeerJoined());
        assertEquals(List.of(new Presence(Presence.Change.ARRIVED, OTHER, "Guest")), said);
        remote = FakeSource.INSTANCE;
        event(new CallEvent.Connected(10));
        event(new CallEvent.FirstRemoteVideo(320, 180, 20));
        assertSame(FakeSource.INSTANCE, people.tile(OTHER).orElseThrow().camera());
        assertEquals(GridLayout.Kind.SINGLE, people.layout().get().kind());
    }

    @Test
    void someoneAlreadyThereIsNotedWithoutAChimeAndTheirLeavingIsNews() {
        event(new CallEvent.Joined("room", 1));
        event(new CallEvent.PeerLeft("bye"));
        assertEquals(List.of(new Presence(Presence.Change.WAS_THERE, OTHER, "Guest"),
                new Presence(Presence.Change.LEFT, OTHER, "Guest")), said);
        assertEquals(GridLayout.WAITING, people.layout().get());
    }

    @Test
    void theirMicrophoneCameraAndSpeakingFollowWhatTheModelLearned() {
        event(new CallEvent.Joined("room", 1));
        event(new CallEvent.Connected(10));
        model.peerMessage(new PeerMessage.MediaState(false, false));
        Tile tile = people.tile(OTHER).orElseThrow();
        assertFalse(tile.microphoneOn());
        assertFalse(tile.cameraOn());

        model.peerMessage(new PeerMessage.MediaState(true, true));
        event(stats(0.4));
        clock.set(1000);
        event(stats(0.4));
        assertTrue(people.tile(OTHER).orElseThrow().speaking(), "levels from the statistics");
    }

    @Test
    void aNewSessionsPictureSourceIsPickedUpWithTheNextStatistics() {
        event(new CallEvent.Joined("room", 1));
        remote = FakeSource.INSTANCE;
        event(new CallEvent.Connected(10));
        FrameSource next = new OtherSource();
        remote = next;
        event(stats(0));
        assertSame(next, people.tile(OTHER).orElseThrow().camera());
    }

    @Test
    void theEndOfTheCallEmptiesTheGridSilently() {
        event(new CallEvent.Joined("room", 1));
        said.clear();
        event(new CallEvent.Ended("hung up"));
        assertEquals(List.of(), people.tiles().get());
        assertEquals(List.of(), said);
    }

    private static CallEvent.Stats stats(double remoteLevel) {
        return new CallEvent.Stats(new CallStats(0, 0, 100, 100, 0, 0, 0, 0, 10, "", 0, "", 0, 0, remoteLevel));
    }

    /** A second source, to tell a replaced one apart. */
    private static final class OtherSource implements FrameSource {
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
    }
}
