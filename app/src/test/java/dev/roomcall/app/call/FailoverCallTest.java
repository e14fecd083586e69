package dev.roomcall.app.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.roomcall.media.render.FrameSource;
import dev.roomcall.server.ServerConfig;
import dev.roomcall.server.SignalingServer;
import dev.roomcall.signaling.RoomCode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two calls in a room whose signaling node goes away, drained or dead, while a second node takes over behind the same
 * address: both rejoin there under the ids they had (their member tokens), and the call goes on in the very same peer
 * sessions: nobody is said to have left or joined, nothing connects a second time, the same pictures keep coming.
 */
class FailoverCallTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private final String room = RoomCode.newRoomName();
    private final List<CallController> calls = new ArrayList<>();
    private SignalingServer first;
    private SignalingServer second;
    private NodeSwitch balancer;

    @BeforeEach
    void startNodes() throws Exception {
        first = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0).build());
        second = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0).build());
        balancer = new NodeSwitch(first.uri());
    }

    @AfterEach
    void stopAll() {
        calls.forEach(CallController::close);
        balancer.close();
        first.close();
        second.close();
    }

    @Test
    void aDrainedNodesCallGoesOnInTheSameSessionsOnTheNextNode() throws Exception {
        Call ann = new Call("ann");
        Call bea = new Call("bea");
        inCall(ann, bea);

        balancer.sendTo(second.uri());
        Thread drain = new Thread(() -> first.drain(Duration.ZERO, Duration.ofSeconds(10)), "drain");
        drain.start();
        keptThroughFailover(ann, bea);
        drain.join(15_000);
    }

    @Test
    void aDeadNodesCallGoesOnInTheSameSessionsOnTheNextNode() throws Exception {
        Call ann = new Call("ann");
        Call bea = new Call("bea");
        inCall(ann, bea);

        balancer.killCurrent(second.uri());
        keptThroughFailover(ann, bea);
    }

    @Test
    void someoneWhoNeverComesBackAfterTheNodeDiedIsSaidToHaveLeftOnceTheirConnectionDrops() throws Exception {
        Call ann = new Call("ann");
        Call bea = new Call("bea");
        inCall(ann, bea);

        balancer.killCurrent(second.uri());
        bea.controller.close(); // gone while between nodes: no bye reaches anyone, only its media stops
        ann.log.awaitCount(CallEvent.Joined.class, 2, WAIT);
        CallEvent.PeerLeft left = ann.log.await(CallEvent.PeerLeft.class, Duration.ofSeconds(60));
        assertEquals(ann.peer, left.peer());
        assertEquals(List.of(), ann.controller.peers(), "the session kept for her has ended");
    }

    private void inCall(Call ann, Call bea) throws InterruptedException {
        ann.join();
        ann.log.await(CallEvent.Joined.class, WAIT);
        bea.join();
        for (Call call : List.of(ann, bea)) {
            call.log.await(CallEvent.Connected.class, WAIT);
            call.log.await(CallEvent.FirstRemoteVideo.class, WAIT);
        }
        ann.peer = ann.log.await(CallEvent.PeerJoined.class, WAIT).peer();
        bea.peer = bea.log.await(CallEvent.Joined.class, WAIT).members().get(0).id();
        for (Call call : List.of(ann, bea)) {
            call.picture = call.controller.remoteVideo(call.peer).orElseThrow();
        }
    }

    private void keptThroughFailover(Call ann, Call bea) throws InterruptedException {
        for (Call call : List.of(ann, bea)) {
            call.log.await(CallEvent.SignalingLost.class, WAIT);
            call.log.awaitCount(CallEvent.Joined.class, 2, WAIT);
        }
        // Each is back with the other in the room on the new node: the one there second sees the other listed.
        awaitBothInRoomOnTheNewNode(ann, bea);
        for (Call call : List.of(ann, bea)) {
            long decoded = call.log.await(CallEvent.Stats.class, WAIT).stats().framesDecoded();
            call.log.await(CallEvent.Stats.class, s -> s.stats().framesDecoded() > decoded + 30, WAIT);
            String said = call.name + ": " + call.log.all();
            assertEquals(1, call.log.count(CallEvent.Connected.class), "connected once, never again: " + said);
            assertEquals(0, call.log.count(CallEvent.PeerLeft.class), "nobody left: " + said);
            assertEquals(call == ann ? 1 : 0, call.log.count(CallEvent.PeerJoined.class), "nobody new came: " + said);
            assertEquals(0, call.log.count(CallEvent.Error.class), "no error: " + said);
            assertSame(call.picture, call.controller.remoteVideo(call.peer).orElseThrow(),
                    "the same session's picture: " + said);
            assertEquals(List.of(call.peer), call.controller.peers().stream().map(RemotePeer::id).toList());
        }
    }

    /** Whoever came back second found the other listed in its welcome: one more such welcome than before. */
    private static void awaitBothInRoomOnTheNewNode(Call ann, Call bea) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (welcomesWithSomeone(ann) + welcomesWithSomeone(bea) < 2) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not together again: " + ann.log.all() + "\n" + bea.log.all());
            }
            Thread.sleep(50);
        }
    }

    private static long welcomesWithSomeone(Call call) {
        return call.log.all().stream()
                .filter(e -> e instanceof CallEvent.Joined j && !j.members().isEmpty()).count();
    }

    private final class Call {
        final String name;
        final EventLog log;
        CallController controller;
        PeerId peer;
        FrameSource picture;

        Call(String name) {
            this.name = name;
            this.log = new EventLog(name);
        }

        void join() {
            controller = CallController.start(new CallOptions(balancer.uri(), room, Role.AUTO, List.of(), false, null),
                    TestEngine.get(), log);
            calls.add(controller);
        }
    }
}
