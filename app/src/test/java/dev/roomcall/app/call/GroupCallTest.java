package dev.roomcall.app.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.media.session.PeerMessage;
import dev.roomcall.server.ServerConfig;
import dev.roomcall.server.SignalingServer;
import dev.roomcall.signaling.RoomCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Three calls in one group room on a real Roomcall server, with real sessions and fake media (320x240). */
class GroupCallTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private SignalingServer server;
    private final List<CallController> calls = new ArrayList<>();
    private final String room = RoomCode.newRoomName();

    @BeforeEach
    void startServer() throws Exception {
        server = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0).roomSize(3).build());
    }

    @AfterEach
    void stopAll() {
        calls.forEach(CallController::close);
        server.close();
    }

    private CallController join(EventLog log, String name) throws InterruptedException {
        CallController call = CallController.start(new CallOptions(server.uri(), room, Role.AUTO, List.of(), false,
                null, name), TestEngine.get(), log);
        calls.add(call);
        log.await(CallEvent.Joined.class, WAIT);
        return call;
    }

    /** Waits until {@code log}'s newest statistics show pictures decoded from {@code count} people, each as told. */
    private static CallEvent.Stats awaitEveryone(EventLog log, int count, java.util.function.Predicate<PeerStats> each)
            throws InterruptedException {
        return log.await(CallEvent.Stats.class,
                s -> s.everyone().size() == count && s.everyone().stream().allMatch(each), WAIT);
    }

    @Test
    void everyoneSeesEveryoneByNameAndEachCopyOfTheCameraIsSentAtHalfSize() throws Exception {
        EventLog ann = new EventLog("ann");
        EventLog bea = new EventLog("bea");
        EventLog cy = new EventLog("cy");
        CallController annCall = join(ann, "Ann");
        join(bea, "  Bea\u202E ");
        CallController cyCall = join(cy, "Cy");
        CallEvent.Joined cyJoined = cy.await(CallEvent.Joined.class, WAIT);
        assertEquals(List.of("Ann", "Bea"), cyJoined.members().stream().map(RemotePeer::name).toList(),
                "the newcomer hears who is there, names bounded and cleaned by the server");

        // Each of the three decodes pictures from both others; with two others each copy is half the size.
        for (EventLog log : List.of(ann, bea, cy)) {
            CallEvent.Stats stats = awaitEveryone(log, 2, p -> p.stats().framesDecoded() > 0
                    && p.stats().audioBytesReceived() > 0 && p.stats().width() == 160);
            assertEquals(2, stats.everyone().stream().map(PeerStats::peer).distinct().count(), stats.toString());
        }
        assertEquals(Set.of("Bea", "Cy"), annCall.peers().stream().map(RemotePeer::name).collect(Collectors.toSet()));
        for (RemotePeer other : cyCall.peers()) {
            assertNotNull(Pictures.awaitFrame(cyCall.remoteVideo(other.id()).orElseThrow(), WAIT), "a picture for " + other);
        }
        Set<PeerId> seen = cy.all().stream().filter(CallEvent.FirstRemoteVideo.class::isInstance)
                .map(e -> ((CallEvent.FirstRemoteVideo) e).peer()).collect(Collectors.toSet());
        assertEquals(2, seen.size(), "a first picture from each: " + seen);
    }

    @Test
    void chatReachesEveryoneAndSaysWhoWroteIt() throws Exception {
        EventLog ann = new EventLog("ann");
        EventLog bea = new EventLog("bea");
        EventLog cy = new EventLog("cy");
        CallController annCall = join(ann, "Ann");
        join(bea, "Bea");
        join(cy, "Cy");
        awaitEveryone(ann, 2, p -> p.stats().framesDecoded() > 0);
        awaitEveryone(bea, 2, p -> p.stats().framesDecoded() > 0);
        awaitEveryone(cy, 2, p -> p.stats().framesDecoded() > 0);
        PeerId annAtBea = bea.await(CallEvent.Stats.class, GroupCallTest::namesAnn, WAIT).everyone().stream()
                .filter(p -> p.name().equals("Ann")).findFirst().orElseThrow().peer();
        PeerId annAtCy = cy.await(CallEvent.Stats.class, GroupCallTest::namesAnn, WAIT).everyone().stream()
                .filter(p -> p.name().equals("Ann")).findFirst().orElseThrow().peer();

        assertTrue(annCall.sendChat("hello both").isPresent());
        bea.awaitPeerMessage(annAtBea, m -> m.equals(new PeerMessage.Chat("hello both", false)), WAIT);
        cy.awaitPeerMessage(annAtCy, m -> m.equals(new PeerMessage.Chat("hello both", false)), WAIT);
    }

    /** A name comes with its sender's hello, which may follow the first figures about that person. */
    private static boolean namesAnn(CallEvent.Stats stats) {
        return stats.everyone().stream().anyMatch(p -> p.name().equals("Ann"));
    }

    @Test
    void someoneLeavingEndsOnlyTheirSessionAndTheRoomSaysWhenItIsFull() throws Exception {
        EventLog ann = new EventLog("ann");
        EventLog bea = new EventLog("bea");
        EventLog cy = new EventLog("cy");
        join(ann, "Ann");
        CallController beaCall = join(bea, "Bea");
        join(cy, "Cy");
        awaitEveryone(ann, 2, p -> p.stats().framesDecoded() > 0);

        EventLog dan = new EventLog("dan");
        CallController danCall = CallController.start(new CallOptions(server.uri(), room, Role.AUTO, List.of(), false,
                null, "Dan"), TestEngine.get(), dan);
        calls.add(danCall);
        CallEvent.RoomFull full = dan.await(CallEvent.RoomFull.class, WAIT);
        assertEquals(room, full.room());
        dan.await(CallEvent.Ended.class, WAIT);

        beaCall.hangUp();
        CallEvent.PeerLeft left = ann.await(CallEvent.PeerLeft.class, WAIT);
        assertEquals("Bea", left.name());
        cy.await(CallEvent.PeerLeft.class, e -> e.name().equals("Bea"), WAIT);
        // Ann and Cy go on: both keep decoding each other, now at full size again (one other person).
        long before = ann.await(CallEvent.Stats.class, s -> s.everyone().size() == 1, WAIT).stats().framesDecoded();
        ann.await(CallEvent.Stats.class, s -> s.everyone().size() == 1
                && s.stats().framesDecoded() > before + 10 && s.stats().width() == 320, WAIT);
        assertEquals(0, ann.count(CallEvent.Ended.class));
        assertEquals(0, cy.count(CallEvent.Ended.class));
    }
}
