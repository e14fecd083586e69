package dev.roomcall.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.signaling.SignalMessage.Candidate;
import dev.roomcall.signaling.SignalMessage.Offer;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A server node behind a load balancer drains: it closes its members with 1012 and the balancer sends their next
 * connection to another node. The client goes at once, and what it sends while between nodes is not lost.
 */
class MoveToAnotherNodeTest {

    /** So long that a test waiting for it would time out: whatever reconnects in time did not wait for it. */
    private static final Backoff SLOW = new Backoff(Duration.ofSeconds(60), Duration.ofSeconds(60), 0);
    private static final String ROOM = "abcd-efgh-jkmnp";
    private static final Offer OFFER = new Offer(new SessionDescription("offer", "v=0\r\no=- 7 2 IN IP4 127.0.0.1\r\n"));
    private static final Candidate CANDIDATE = new Candidate(
            new IceCandidate("candidate:1 1 udp 2122194687 192.0.2.2 55173 typ host", "0", 0, null));

    private final RecordingListener listener = new RecordingListener();
    private final List<TestRelay> relays = new ArrayList<>();
    private SignalingClient client;

    @AfterEach
    void tearDown() throws InterruptedException {
        if (client != null) {
            client.close();
        }
        for (TestRelay relay : relays) {
            relay.shutdown();
        }
    }

    private TestRelay relay(TestRelay relay) {
        relays.add(relay);
        return relay;
    }

    private SignalingClient connect(TestRelay relay, Backoff backoff) throws InterruptedException {
        URI uri = SignalingUrl.of("ws://127.0.0.1:" + relay.getPort(), ROOM);
        client = SignalingClient.builder(uri, listener).backoff(backoff).connectTimeout(Duration.ofSeconds(5)).build();
        client.connect();
        listener.awaitState(SignalingState.OPEN);
        return client;
    }

    @Test
    void aServiceRestartCloseIsFollowedByAnImmediateReconnect() throws Exception {
        TestRelay relay = relay(TestRelay.roomcall(0));
        connect(relay, SLOW);
        relay.awaitConnection().close(Protocol.CLOSE_SERVICE_RESTART, "node draining, reconnect");

        String reason = listener.awaitState(SignalingState.RECONNECTING);
        assertTrue(reason.contains("1012") && reason.contains("retrying in 0"), reason);
        listener.awaitState(SignalingState.OPEN);
        relay.awaitConnection();
        assertEquals(2, relay.opened.get());
    }

    @Test
    void everyConnectionJoinsWithTheSameMemberTokenSoTheNextNodeGivesTheSameId() throws Exception {
        TestRelay relay = relay(TestRelay.roomcall(0));
        MemberToken token = MemberToken.random();
        URI uri = SignalingUrl.of("ws://127.0.0.1:" + relay.getPort(), ROOM);
        client = SignalingClient.builder(uri, listener).memberToken(token).backoff(SLOW)
                .connectTimeout(Duration.ofSeconds(5)).build();
        client.connect();
        listener.awaitState(SignalingState.OPEN);
        relay.awaitConnection().close(Protocol.CLOSE_SERVICE_RESTART, "node draining, reconnect");
        listener.awaitState(SignalingState.RECONNECTING);
        listener.awaitState(SignalingState.OPEN);

        String expected = "/" + ROOM + "?room=" + ROOM + "&" + Protocol.MEMBER_PARAM + "=" + token.value();
        assertEquals(expected, relay.handshakes.take().getResourceDescriptor());
        assertEquals(expected, relay.handshakes.take().getResourceDescriptor(), "the reconnect carries it too");
    }

    @Test
    void aDrainingNodeRefusingTheJoinMeansBackingOff() throws Exception {
        TestRelay relay = relay(TestRelay.roomcall(0));
        connect(relay, new Backoff(Duration.ofMillis(700), Duration.ofSeconds(1), 0));
        relay.awaitConnection().close(Protocol.CLOSE_TRY_AGAIN_LATER, "node draining, try again");

        String reason = listener.awaitState(SignalingState.RECONNECTING);
        assertTrue(reason.contains("1013") && reason.contains("retrying in 700"), reason);
    }

    @Test
    void whatIsSentBetweenNodesReachesTheNextNodeInOrder() throws Exception {
        TestRelay draining = TestRelay.roomcall(0);
        int port = draining.getPort();
        connect(draining, new Backoff(Duration.ofMillis(50), Duration.ofMillis(200), 0.25));
        draining.awaitConnection().close(Protocol.CLOSE_SERVICE_RESTART, "node draining, reconnect");
        draining.shutdown(); // the immediate attempt finds nobody: the client is between nodes for a while
        listener.awaitState(SignalingState.RECONNECTING);

        assertTrue(client.send(OFFER), "a pending offer made between nodes is kept");
        assertTrue(client.send(CANDIDATE), "and so is a candidate");

        TestRelay next = relay(TestRelay.roomcall(port));
        listener.awaitState(SignalingState.OPEN);
        assertEquals(SignalCodec.encode(OFFER), next.awaitFrame().text());
        assertEquals(SignalCodec.encode(CANDIDATE), next.awaitFrame().text());
    }
}
