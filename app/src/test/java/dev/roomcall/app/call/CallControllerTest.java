package dev.roomcall.app.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.media.session.PeerMessage;
import dev.roomcall.server.ServerConfig;
import dev.roomcall.server.SignalingServer;
import dev.roomcall.signaling.RoomCode;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Two (or three) calls in one room on a real Roomcall server, with real engines and fake media. */
class CallControllerTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private SignalingServer server;
    private final List<CallController> calls = new ArrayList<>();
    private final String room = RoomCode.newRoomName();

    @BeforeEach
    void startServer() throws Exception {
        server = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0).build());
    }

    @AfterEach
    void stopAll() {
        calls.forEach(CallController::close);
        server.close();
    }

    private CallController join(EventLog log, Role role) {
        return join(log, role, server.uri());
    }

    private CallController join(EventLog log, Role role, URI uri) {
        CallController call = CallController.start(new CallOptions(uri, room, role, List.of(), false, null), TestEngine.get(), log);
        calls.add(call);
        return call;
    }

    @Test
    void theSecondJoinerOffersAndBothSeeTheOthersVideo() throws Exception {
        EventLog first = new EventLog("first");
        EventLog second = new EventLog("second");
        join(first, Role.AUTO);
        assertEquals(0, first.await(CallEvent.Joined.class, WAIT).peers());

        CallController secondCall = join(second, Role.AUTO);
        assertEquals(1, second.await(CallEvent.Joined.class, WAIT).peers());
        first.await(CallEvent.PeerJoined.class, WAIT);

        first.await(CallEvent.Connected.class, WAIT);
        second.await(CallEvent.Connected.class, WAIT);
        CallEvent.FirstRemoteVideo video = second.await(CallEvent.FirstRemoteVideo.class, WAIT);
        assertEquals(320, video.width());
        assertEquals(240, video.height());
        first.await(CallEvent.FirstRemoteVideo.class, WAIT);
        assertNotNull(Pictures.awaitFrame(secondCall.remoteVideo(), WAIT), "a frame for a view to draw");
        CallEvent.Stats stats = first.await(CallEvent.Stats.class, s -> s.stats().framesDecoded() > 0, WAIT);
        assertTrue(stats.stats().bytesReceived() > 0);
    }

    @Test
    void relayOnlyWithoutATurnServerSaysWhyAndNeverConnectsDirectly() throws Exception {
        EventLog direct = new EventLog("direct");
        EventLog relayOnly = new EventLog("relay-only");
        join(direct, Role.AUTO);
        direct.await(CallEvent.Joined.class, WAIT);
        CallController relayCall = CallController.start(
                new CallOptions(server.uri(), room, Role.AUTO, List.of(), true, null), TestEngine.get(), relayOnly);
        calls.add(relayCall);

        CallEvent.Error error = relayOnly.await(CallEvent.Error.class, WAIT);
        assertEquals("relay-unavailable", error.code());
        // Three stats rounds: a direct loopback call connects well within the first.
        relayOnly.awaitCount(CallEvent.Stats.class, 3, WAIT);
        assertTrue(relayOnly.all().stream().noneMatch(CallEvent.Connected.class::isInstance), relayOnly.all().toString());
        assertTrue(direct.all().stream().noneMatch(CallEvent.Connected.class::isInstance), direct.all().toString());
    }

    @Test
    void theServersRelayOnlyPolicyBindsCallsThatDidNotAskForIt() throws Exception {
        server.close();
        // A relay-only deployment whose TURN server is not announced here: only the policy is under test.
        server = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0).relayOnly(true).build());
        EventLog first = new EventLog("first");
        EventLog second = new EventLog("second");
        join(first, Role.AUTO);
        first.await(CallEvent.Joined.class, WAIT);
        join(second, Role.AUTO);

        assertEquals("relay-unavailable", second.await(CallEvent.Error.class, WAIT).code());
        assertEquals("relay-unavailable", first.await(CallEvent.Error.class, WAIT).code());
        second.awaitCount(CallEvent.Stats.class, 3, WAIT);
        assertTrue(first.all().stream().noneMatch(CallEvent.Connected.class::isInstance), first.all().toString());
        assertTrue(second.all().stream().noneMatch(CallEvent.Connected.class::isInstance), second.all().toString());
    }

    @Test
    void hangingUpTellsThePeerAtOnceAndTheRoomTakesSomeoneNew() throws Exception {
        EventLog stays = new EventLog("stays");
        EventLog leaves = new EventLog("leaves");
        join(stays, Role.AUTO);
        stays.await(CallEvent.Joined.class, WAIT);
        CallController leaving = join(leaves, Role.AUTO);
        stays.await(CallEvent.FirstRemoteVideo.class, WAIT);

        leaving.hangUp();
        leaves.await(CallEvent.Ended.class, WAIT);
        // Well under an ICE timeout (~10 s or more): the bye travelled through the server.
        stays.await(CallEvent.PeerLeft.class, Duration.ofSeconds(3));

        EventLog newcomer = new EventLog("newcomer");
        join(newcomer, Role.AUTO);
        assertEquals(1, newcomer.await(CallEvent.Joined.class, WAIT).peers());
        newcomer.await(CallEvent.FirstRemoteVideo.class, WAIT);
        stays.awaitCount(CallEvent.FirstRemoteVideo.class, 2, WAIT);
    }

    @Test
    void aPersonBeyondTheRoomsSizeIsToldTheRoomIsFull() throws Exception {
        server.close();
        server = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0).roomSize(2).build());
        EventLog one = new EventLog("one");
        EventLog two = new EventLog("two");
        EventLog three = new EventLog("three");
        join(one, Role.AUTO);
        one.await(CallEvent.Joined.class, WAIT);
        join(two, Role.AUTO);
        two.await(CallEvent.Joined.class, WAIT);

        join(three, Role.AUTO);
        CallEvent.RoomFull full = three.await(CallEvent.RoomFull.class, WAIT);
        assertEquals(room, full.room());
        three.await(CallEvent.Ended.class, WAIT);
        assertEquals(0, one.count(CallEvent.PeerLeft.class), "the two inside are not disturbed");
    }

    @Test
    void chatAndTheMicrophoneStateTravelOverTheDataChannelBothWays() throws Exception {
        EventLog first = new EventLog("first");
        EventLog second = new EventLog("second");
        CallController firstCall = join(first, Role.AUTO);
        first.await(CallEvent.Joined.class, WAIT);
        CallController secondCall = join(second, Role.AUTO);
        first.awaitChat(true, WAIT);
        second.awaitChat(true, WAIT);
        // On open each side says whether its microphone and camera are on.
        second.awaitPeerMessage(m -> m.equals(new PeerMessage.MediaState(true, true)), WAIT);

        assertEquals(Optional.of(new PeerMessage.Chat("hi there", false)), firstCall.sendChat("  hi there "));
        assertTrue(secondCall.sendChat("hello back 你好").isPresent());
        second.awaitPeerMessage(m -> m.equals(new PeerMessage.Chat("hi there", false)), WAIT);
        first.awaitPeerMessage(m -> m.equals(new PeerMessage.Chat("hello back 你好", false)), WAIT);

        firstCall.setMicrophoneEnabled(false);
        try {
            second.awaitPeerMessage(m -> m instanceof PeerMessage.MediaState s && !s.microphone(), WAIT);
        } finally {
            firstCall.setMicrophoneEnabled(true); // both calls share this JVM's one engine and microphone
        }
        assertEquals(Optional.empty(), firstCall.sendChat(" \n "), "nothing to send");
    }

    @Test
    void noChatIsSentWithNobodyInTheRoom() throws Exception {
        EventLog alone = new EventLog("alone");
        CallController call = join(alone, Role.AUTO);
        alone.await(CallEvent.Joined.class, WAIT);
        assertEquals(Optional.empty(), call.sendChat("anyone?"));
    }

    @Test
    void anUnreachableServerIsReportedWhileTheClientKeepsTrying() throws Exception {
        EventLog log = new EventLog("unreachable");
        URI gone = server.uri();
        server.close();
        CallController call = join(log, Role.AUTO, gone);
        CallEvent.SignalingLost lost = log.await(CallEvent.SignalingLost.class, WAIT);
        assertTrue(!lost.reason().isBlank(), "the reason is given in words");

        call.hangUp();
        log.await(CallEvent.Ended.class, WAIT);
    }
}
