package dev.roomcall.app.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.app.call.sfu.FeedStats;
import dev.roomcall.app.call.sfu.SfuMedia;
import dev.roomcall.media.render.Frame;
import dev.roomcall.media.render.FrameSource;
import dev.roomcall.media.session.PeerMessage;
import dev.roomcall.media.stats.CallStats;
import dev.roomcall.media.stats.CandidatePair;
import dev.roomcall.media.stats.ReceivedStream;
import dev.roomcall.media.stats.VideoTracks;
import dev.roomcall.signaling.SignalMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A call's people while its room is on the media server: pictures by member, who is there, what is said. */
class SfuPeersTest {

    private static final SignalMessage.Sfu ROOM = new SignalMessage.Sfu("ws://127.0.0.1:8188", 7, "pin");
    private static final FrameSource PICTURE = new FrameSource() {
        @Override
        public Watch watch() {
            return () -> { };
        }

        @Override
        public Frame latest() {
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

    private final List<CallEvent> events = new ArrayList<>();
    private final List<SfuMedia.Target> started = new ArrayList<>();
    private final List<SfuMedia.Target> stopped = new ArrayList<>();
    private final List<Boolean> sharing = new ArrayList<>();
    private final List<PeerMessage> sent = new ArrayList<>();
    private final List<String> heard = new ArrayList<>();
    private SfuMedia.Listener listener;

    private final SfuPeers peers = new SfuPeers(events::add, () -> 42, (target, media) -> {
        started.add(target);
        listener = media;
        return new SfuPeers.Running() {
            @Override
            public boolean send(PeerMessage message) {
                sent.add(message);
                return true;
            }

            @Override
            public void share(boolean on) {
                sharing.add(on);
            }

            @Override
            public void close() {
                stopped.add(target);
            }
        };
    }, new SfuPeers.Talk() {
        @Override
        public void peerMessage(PeerId peer, PeerMessage message) {
            heard.add(peer + ": " + message);
        }

        @Override
        public void chatChanged() {
            heard.add("chat " + peers.chatOpen());
        }
    });

    @Test
    void followingTheSameRoomAgainKeepsTheMediaAndANewMemberIdStartsOver() {
        assertFalse(peers.active());
        peers.follow(ROOM, "p2", List.of(), false);
        peers.follow(ROOM, "p2", List.of(), false);
        assertEquals(1, started.size(), "the same room and id: nothing to redo");

        peers.follow(ROOM, "p5", List.of(), false);
        assertEquals(2, started.size(), "the others know our feed by the id it was published under");
        assertEquals("p5", started.get(1).display());
        assertEquals(List.of(started.get(0)), stopped);
        assertTrue(peers.active());
    }

    @Test
    void picturesArriveByMemberAndGoWhenTheirFeedGoes() {
        peers.follow(ROOM, "p1", List.of(), false);
        listener.feedVideo("p3", PICTURE, 320, 240);

        assertEquals(List.of(new CallEvent.FirstRemoteVideo(PeerId.member("p3"), 320, 240, 42)), events);
        assertEquals(Optional.of(PICTURE), peers.remoteVideo(PeerId.member("p3")));

        listener.feedGone("p3");
        assertEquals(Optional.empty(), peers.remoteVideo(PeerId.member("p3")));
    }

    @Test
    void aScreenFeedIsThatMembersScreenAndItsGoingEndsTheirShare() {
        peers.follow(ROOM, "p1", List.of(), false);
        listener.feedVideo("p3", PICTURE, 320, 240);
        listener.feedVideo("{\"member\":\"p3\",\"screen\":true}", PICTURE, 1280, 720);

        assertEquals(new CallEvent.RemoteShareStarted(PeerId.member("p3"), 1280, 720), events.get(1));
        assertEquals(Optional.of(PICTURE), peers.remoteScreen(PeerId.member("p3")));
        assertEquals(Optional.of(PICTURE), peers.remoteVideo(PeerId.member("p3")), "the camera stays the camera");

        listener.feedGone("{\"member\":\"p3\",\"screen\":true}");
        listener.feedGone("{\"member\":\"p3\",\"screen\":true}");
        assertEquals(List.of(new CallEvent.FirstRemoteVideo(PeerId.member("p3"), 320, 240, 42),
                new CallEvent.RemoteShareStarted(PeerId.member("p3"), 1280, 720),
                new CallEvent.RemoteShareStopped(PeerId.member("p3"))), events, "stopped once");
        assertEquals(Optional.empty(), peers.remoteScreen(PeerId.member("p3")));
        assertEquals(Optional.of(PICTURE), peers.remoteVideo(PeerId.member("p3")));
    }

    @Test
    void ourShareIsPublishedWhileItLastsAlsoWhenTheRoomMovesMidShare() {
        peers.shareChanged(new CallEvent.ShareStarted("Screen 1", false, 1280, 720));
        peers.follow(ROOM, "p1", List.of(), false);
        assertEquals(List.of(true), sharing, "a room that moves while we share gets the screen at once");

        peers.shareChanged(new CallEvent.MediaServerBack());
        peers.shareChanged(new CallEvent.ShareStopped("stopped by the button"));
        peers.shareChanged(new CallEvent.ShareStopped("again"));
        peers.shareChanged(new CallEvent.ShareStarted("Screen 1", false, 1280, 720));
        assertEquals(List.of(true, false, true), sharing);

        listener.screenFailed("cannot share the screen through the media server: room full");
        assertEquals(List.of(new CallEvent.Error("share-failed",
                "cannot share the screen through the media server: room full")), events, "said, not silent");
    }

    @Test
    void chatGoesOutThroughTheMediaServerAndComesInAsItsSendersLine() {
        assertFalse(peers.send(new PeerMessage.Chat("before", false)), "no media server yet");
        peers.follow(ROOM, "p1", List.of(), false);
        listener.chatChannel(true);
        assertTrue(peers.send(new PeerMessage.Chat("hi all", false)));
        assertEquals(List.of(new PeerMessage.Chat("hi all", false)), sent);

        listener.chat("p3", new PeerMessage.Chat("hi Mia", false));
        listener.chatChannel(false);
        assertEquals(List.of("chat true", "p3: " + new PeerMessage.Chat("hi Mia", false), "chat false"), heard);
    }

    @Test
    void theMediaServerGoingAndComingBackIsSaid() {
        peers.follow(ROOM, "p1", List.of(), false);

        listener.interrupted("gone");
        listener.restored();

        assertEquals(List.of(new CallEvent.MediaServerLost("gone"), new CallEvent.MediaServerBack()), events);
    }

    @Test
    void eachRoundGivesTheConnectionsFiguresAndEveryonesAsInAMeshWithTheCallsOwnTotals() {
        peers.follow(ROOM, "p1", List.of(), false);
        peers.present(List.of(new RemotePeer(PeerId.member("p3"), "Bea"), new RemotePeer(PeerId.member("p2"), "Ann")));
        CallStats received = new CallStats(90, 0, 1000, 0, 300, 320, 240, 15, 0, "VP8", 4, "host", 0, 0, 0,
                CandidatePair.NONE, VideoTracks.NONE, List.of(ReceivedStream.video("1", 600, 60, 320, 240, 15),
                ReceivedStream.audio("2", 300, 0.5), ReceivedStream.video("3", 100, 30, 320, 240, 15)));
        CallStats sent = new CallStats(0, 45, 0, 2000, 0, 0, 0, 0, 1, "VP8", 0, "host");
        FeedStats round = new FeedStats(sent, CallStats.EMPTY, received, Map.of("1", "p3", "2", "p3", "3", "p2"));

        listener.stats(round);

        assertEquals(new CallEvent.SfuStats(sent, received), events.get(0), "sfu-stats as before");
        CallEvent.Stats stats = (CallEvent.Stats) events.get(1);
        assertEquals(List.of(new PeerStats(PeerId.member("p3"), "Bea", round.of("p3")),
                new PeerStats(PeerId.member("p2"), "Ann", round.of("p2"))), stats.everyone(), "in the order they came");
        assertEquals(60, stats.everyone().get(0).stats().framesDecoded());
        assertEquals(0.5, stats.everyone().get(0).stats().remoteAudioLevel(), "their speaking, for the highlight");
        assertEquals(30, stats.everyone().get(1).stats().framesDecoded());
        assertTrue(stats.first(), "one line per round");
        assertEquals(new StatsTotals(90, 45, 1000, 2000, 300, 4), stats.totals(),
                "sent once to Janus for everyone, not once per person");
        assertEquals(2, events.size());

        peers.close();
        listener.stats(round);
        assertEquals(3, events.size(), "with nobody there, only the connections' figures");
    }

    @Test
    void peopleFollowTheRoomWhileItIsOnTheMediaServer() {
        peers.follow(ROOM, "p1", List.of(), false);
        peers.present(List.of(new RemotePeer(PeerId.member("p2"), "Ann")));
        peers.arrived(PeerId.member("p3"), "");
        peers.renamed(PeerId.member("p3"), "Bea");
        peers.left(PeerId.member("p2"));

        assertEquals(List.of(new RemotePeer(PeerId.member("p3"), "Bea")), peers.people());

        peers.close();
        assertEquals(List.of(), peers.people());
        assertFalse(peers.active());
    }
}
