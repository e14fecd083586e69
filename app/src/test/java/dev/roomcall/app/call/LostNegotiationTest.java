package dev.roomcall.app.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.roomcall.server.ServerConfig;
import dev.roomcall.server.SignalingServer;
import dev.roomcall.signaling.RoomCode;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A signaling connection that dies with an offer in it (as when the node behind a load balancer is killed): the offer
 * never reached the other side, so after rejoining the call negotiates again instead of waiting forever for an
 * answer, and meanwhile it says "signaling lost", never that the call ended.
 */
class LostNegotiationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    private SignalingServer server;
    private final String room = RoomCode.newRoomName();
    private SwallowingProxy proxy;
    private CallController first;
    private CallController second;

    @BeforeEach
    void startServer() throws Exception {
        server = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0).build());
    }

    @AfterEach
    void stopAll() {
        for (CallController call : new CallController[] {first, second}) {
            if (call != null) {
                call.close();
            }
        }
        if (proxy != null) {
            proxy.close();
        }
        server.close();
    }

    @Test
    void anOfferLostWithItsConnectionIsMadeAgainAfterRejoining() throws Exception {
        EventLog waiting = new EventLog("first");
        first = CallController.start(new CallOptions(server.uri(), room, Role.AUTO, List.of(), false, null),
                TestEngine.get(), waiting);
        waiting.await(CallEvent.Joined.class, WAIT);

        proxy = new SwallowingProxy(server.uri());
        EventLog offering = new EventLog("second");
        second = CallController.start(new CallOptions(proxy.uri(), room, Role.AUTO, List.of(), false, null),
                TestEngine.get(), offering);
        assertEquals(1, offering.await(CallEvent.Joined.class, WAIT).peers(), "the second joiner is the one to offer");
        awaitSwallowed(1000); // an SDP offer, not just a ping, went into the dying connection
        proxy.cut();

        offering.await(CallEvent.SignalingLost.class, WAIT);
        offering.awaitCount(CallEvent.Joined.class, 2, WAIT);
        offering.await(CallEvent.Connected.class, WAIT);
        waiting.await(CallEvent.Connected.class, WAIT);
        waiting.await(CallEvent.FirstRemoteVideo.class, WAIT);
        assertEquals(0, offering.count(CallEvent.Ended.class), "losing signaling does not end the call: " + offering.all());
        assertEquals(0, offering.count(CallEvent.PeerLeft.class), "nobody left the offering side: " + offering.all());
        assertEquals(0, offering.count(CallEvent.Error.class), "nothing is called an error: " + offering.all());
    }

    private void awaitSwallowed(long bytes) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (proxy.swallowed() < bytes) {
            if (System.nanoTime() > deadline) {
                fail("the offering side sent only " + proxy.swallowed() + " bytes: no offer went out");
            }
            Thread.sleep(20);
        }
        assertTrue(proxy.swallowed() >= bytes);
    }
}
