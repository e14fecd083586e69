package dev.roomcall.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.signaling.SignalMessage.Bye;
import dev.roomcall.signaling.SignalMessage.Candidate;
import dev.roomcall.signaling.SignalMessage.Invalid;
import dev.roomcall.signaling.SignalMessage.Joined;
import dev.roomcall.signaling.SignalMessage.Offer;
import dev.roomcall.signaling.SignalMessage.Problem;
import dev.roomcall.signaling.SignalMessage.RoomFull;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.java_websocket.WebSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SignalingClientTest {

    /** Short delays so reconnect tests do not idle; nothing here asserts how fast anything is. */
    private static final Backoff QUICK = new Backoff(Duration.ofMillis(50), Duration.ofMillis(200), 0.25);
    private static final String ROOM = "abcd-efgh-jkmnp";
    private static final Offer OFFER = new Offer(new SessionDescription("offer", "v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\n"));

    private final RecordingListener listener = new RecordingListener();
    private final List<SignalingClient> clients = new ArrayList<>();
    private final List<TestRelay> relays = new ArrayList<>();

    @AfterEach
    void tearDown() throws InterruptedException {
        clients.forEach(SignalingClient::close);
        for (TestRelay relay : relays) {
            relay.shutdown();
        }
    }

    private TestRelay relay(TestRelay relay) {
        relays.add(relay);
        return relay;
    }

    private static URI roomOn(int port) {
        return SignalingUrl.of("ws://127.0.0.1:" + port, ROOM);
    }

    private SignalingClientBuilder builder(URI uri, SignalingListener l) {
        return SignalingClient.builder(uri, l).backoff(QUICK).connectTimeout(Duration.ofSeconds(5));
    }

    private SignalingClient track(SignalingClient client) {
        clients.add(client);
        return client;
    }

    private SignalingClient connectedTo(TestRelay relay) throws InterruptedException {
        SignalingClient client = track(builder(roomOn(relay.getPort()), listener).build());
        client.connect();
        listener.awaitState(SignalingState.OPEN);
        return client;
    }

    private static int portNobodyListensOn() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    // ------------------------------------------------------------------ handshake

    @Test
    void putsTheRoomInThePathAndTheQuery() throws Exception {
        TestRelay relay = relay(TestRelay.roomcall(0));
        connectedTo(relay);
        assertEquals("/" + ROOM + "?room=" + ROOM, relay.handshakes.poll(10, TimeUnit.SECONDS).getResourceDescriptor());
    }

    @Test
    void negotiatesTheRoomcallSubprotocol() throws Exception {
        TestRelay relay = relay(TestRelay.roomcall(0));
        SignalingClient client = track(builder(roomOn(relay.getPort()), listener).build());
        client.connect();
        String reason = listener.awaitState(SignalingState.OPEN);

        assertEquals(Protocol.SUBPROTOCOL, relay.handshakes.poll(10, TimeUnit.SECONDS).getFieldValue("Sec-WebSocket-Protocol"));
        assertEquals(Protocol.SUBPROTOCOL, relay.awaitConnection().getProtocol().getProvidedProtocol());
        assertEquals(Protocol.SUBPROTOCOL, client.subprotocol());
        assertTrue(reason.contains(Protocol.SUBPROTOCOL), reason);
    }

    @Test
    void acceptsARelayThatAnswersNoSubprotocol() throws Exception {
        SignalingClient client = connectedTo(relay(TestRelay.plain(0)));
        assertEquals("", client.subprotocol());
        assertEquals(SignalingState.OPEN, client.state());
    }

    @Test
    void awaitOpenReturnsOnceConnected() throws Exception {
        TestRelay relay = relay(TestRelay.plain(0));
        SignalingClient client = track(builder(roomOn(relay.getPort()), listener).build());
        client.connect();
        assertTrue(client.awaitOpen(Duration.ofSeconds(10)));
        assertEquals(SignalingState.OPEN, client.state());
    }

    // ------------------------------------------------------------------ receiving

    @Test
    void decodesTextAndBinaryFramesAndLivesThroughGarbage() throws Exception {
        TestRelay relay = relay(TestRelay.plain(0));
        SignalingClient client = connectedTo(relay);
        WebSocket server = relay.awaitConnection();
        Candidate candidate = new Candidate(new IceCandidate("candidate:1 1 udp 1 127.0.0.1 5000 typ host", "0", 0));

        server.send(SignalCodec.encode(OFFER));
        server.send(ByteBuffer.wrap(SignalCodec.encode(candidate, Dialect.BARE).getBytes(StandardCharsets.UTF_8)));
        server.send("this is not JSON");
        server.send(ByteBuffer.wrap(new byte[] {'{', (byte) 0xFF, '}'}));
        server.send("{\"event\":\"_whatever\"}");
        server.send(SignalCodec.encode(OFFER, Dialect.BARE));

        assertEquals(OFFER, listener.awaitMessage());
        assertEquals(candidate, listener.awaitMessage());
        assertEquals(Problem.MALFORMED, assertInstanceOf(Invalid.class, listener.awaitMessage()).problem());
        assertEquals(new Invalid(Problem.MALFORMED, "binary frame is not UTF-8 text"), listener.awaitMessage());
        assertEquals(Problem.UNKNOWN, assertInstanceOf(Invalid.class, listener.awaitMessage()).problem());
        assertEquals(OFFER, listener.awaitMessage());
        assertEquals(SignalingState.OPEN, client.state());
    }

    @Test
    void callsTheListenerOnOneDedicatedThreadInOrder() throws Exception {
        TestRelay relay = relay(TestRelay.plain(0));
        connectedTo(relay);
        WebSocket server = relay.awaitConnection();
        for (int i = 0; i < 50; i++) {
            server.send(SignalCodec.encode(new Candidate(new IceCandidate("candidate:" + i, null, i))));
        }
        for (int i = 0; i < 50; i++) {
            Candidate received = assertInstanceOf(Candidate.class, listener.awaitMessage());
            assertEquals(i, received.candidate().sdpMLineIndex());
        }
        Set<String> threads = listener.history.stream().map(RecordingListener.Event::thread).collect(Collectors.toSet());
        assertEquals(1, threads.size(), threads.toString());
        assertTrue(threads.iterator().next().startsWith("roomcall-signaling-events"), threads.toString());
    }

    @Test
    void callsTheListenerOnTheCallersExecutorWhenGivenOneWithoutAThreadOfItsOwn() throws Exception {
        TestRelay relay = relay(TestRelay.plain(0));
        ExecutorService callers = Executors.newSingleThreadExecutor(r -> new Thread(r, "the-callers-thread"));
        try {
            SignalingClient client = track(builder(roomOn(relay.getPort()), listener).executor(callers).build());
            client.connect();
            listener.awaitState(SignalingState.OPEN);
            WebSocket server = relay.awaitConnection();
            for (int i = 0; i < 20; i++) {
                server.send(SignalCodec.encode(new Candidate(new IceCandidate("candidate:" + i, null, i))));
            }
            for (int i = 0; i < 20; i++) {
                Candidate received = assertInstanceOf(Candidate.class, listener.awaitMessage());
                assertEquals(i, received.candidate().sdpMLineIndex(), "in order");
            }
            Set<String> threads = listener.history.stream().map(RecordingListener.Event::thread)
                    .collect(Collectors.toSet());
            assertEquals(Set.of("the-callers-thread"), threads);
            client.close();
            listener.awaitState(SignalingState.CLOSED);
            assertFalse(callers.isShutdown(), "the caller's executor is the caller's to shut down");
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void newsTheCallersExecutorNoLongerTakesIsDroppedAndTheClientStillCloses() throws Exception {
        TestRelay relay = relay(TestRelay.plain(0));
        ExecutorService callers = Executors.newSingleThreadExecutor();
        SignalingClient client = track(builder(roomOn(relay.getPort()), listener).executor(callers).build());
        client.connect();
        listener.awaitState(SignalingState.OPEN);
        callers.shutdown();
        client.close();
        assertEquals(SignalingState.CLOSED, client.state());
    }

    @Test
    void aListenerThatThrowsDoesNotEndTheSession() throws Exception {
        TestRelay relay = relay(TestRelay.plain(0));
        AtomicBoolean thrown = new AtomicBoolean();
        SignalingListener clumsy = new SignalingListener() {
            @Override
            public void onStateChanged(SignalingState state, String reason) {
                listener.onStateChanged(state, reason);
            }

            @Override
            public void onMessage(SignalMessage message) {
                if (thrown.compareAndSet(false, true)) {
                    throw new IllegalStateException("listener bug");
                }
                listener.onMessage(message);
            }
        };
        SignalingClient client = track(builder(roomOn(relay.getPort()), clumsy).build());
        client.connect();
        listener.awaitState(SignalingState.OPEN);
        WebSocket server = relay.awaitConnection();
        server.send(SignalCodec.encode(OFFER));
        server.send(SignalCodec.encode(new Bye()));

        assertEquals(new Bye(), listener.awaitMessage());
        assertTrue(thrown.get());
        assertEquals(SignalingState.OPEN, client.state());
    }

    // ------------------------------------------------------------------ sending

    @Test
    void sendsInTheChosenDialect() throws Exception {
        TestRelay relay = relay(TestRelay.plain(0));
        SignalingClient client = track(builder(roomOn(relay.getPort()), listener).dialect(Dialect.BARE).build());
        client.connect();
        listener.awaitState(SignalingState.OPEN);

        assertTrue(client.send(OFFER));
        TestRelay.Frame frame = relay.awaitFrame();
        assertEquals(SignalCodec.encode(OFFER, Dialect.BARE), frame.text());
        assertFalse(frame.binary());
    }

    @Test
    void holdsExtensionsBackUntilJoinedArrives() throws Exception {
        TestRelay relay = relay(TestRelay.roomcall(0));
        SignalingClient client = connectedTo(relay);
        WebSocket server = relay.awaitConnection();

        assertFalse(client.extensionsActive());
        assertFalse(client.send(new Bye()), "a bye before joined is dropped");

        server.send(SignalCodec.encode(new Joined(ROOM, 0, List.of())));
        assertInstanceOf(Joined.class, listener.awaitMessage());
        assertTrue(client.extensionsActive());
        assertTrue(client.send(new Bye()));

        // Frames arrive in order, so the first one proves the early bye never left.
        assertEquals("{\"event\":\"bye\"}", relay.awaitFrame().text());
    }

    @Test
    void treatsTheServersCloseAfterAByeAsTheEnd() throws Exception {
        TestRelay relay = relay(TestRelay.roomcall(0));
        SignalingClient client = connectedTo(relay);
        WebSocket server = relay.awaitConnection();
        server.send(SignalCodec.encode(new Joined(ROOM, 1, List.of())));
        listener.awaitMessage();
        assertTrue(client.send(new Bye()));
        relay.awaitFrame();
        server.close(1000, "bye"); // what Roomcall's server does on a bye

        assertTrue(listener.awaitState(SignalingState.CLOSED).startsWith("hung up"));
        assertNull(relay.connections.poll(1, TimeUnit.SECONDS), "the client came back");
    }

    @Test
    void neverSendsExtensionsToARelayWithoutTheSubprotocolEvenAfterAJoined() throws Exception {
        TestRelay relay = relay(TestRelay.plain(0));
        SignalingClient client = connectedTo(relay);
        relay.awaitConnection().send(SignalCodec.encode(new Joined(ROOM, 1, List.of())));
        assertInstanceOf(Joined.class, listener.awaitMessage());

        assertFalse(client.extensionsActive());
        assertFalse(client.send(new Bye()));
        assertTrue(client.send(OFFER));
        assertEquals(SignalCodec.encode(OFFER), relay.awaitFrame().text());
    }

    @Test
    void extensionsStartOverOnEveryConnection() throws Exception {
        TestRelay relay = relay(TestRelay.roomcall(0));
        SignalingClient client = connectedTo(relay);
        WebSocket first = relay.awaitConnection();
        first.send(SignalCodec.encode(new Joined(ROOM, 0, List.of())));
        listener.awaitMessage();
        assertTrue(client.extensionsActive());

        first.close(1011, "server hiccup");
        listener.awaitState(SignalingState.OPEN);
        assertFalse(client.extensionsActive(), "a new connection has not been welcomed yet");
    }

    @Test
    void queuesMessagesSentBeforeTheConnectionIsOpen() throws Exception {
        TestRelay relay = relay(TestRelay.roomcall(0));
        SignalingClient client = track(builder(roomOn(relay.getPort()), listener).build());
        Candidate candidate = new Candidate(new IceCandidate("candidate:1", "0", 0));
        assertTrue(client.send(OFFER));
        assertTrue(client.send(candidate));
        assertEquals(2, client.queued());

        client.connect();
        assertEquals(SignalCodec.encode(OFFER), relay.awaitFrame().text());
        assertEquals(SignalCodec.encode(candidate), relay.awaitFrame().text());
        assertEquals(0, client.queued());
    }

    @Test
    void addressedMessagesAreNeverKeptForTheNextConnection() throws Exception {
        TestRelay relay = relay(TestRelay.roomcall(0));
        SignalingClient client = track(builder(roomOn(relay.getPort()), listener).build());
        Candidate stale = new Candidate(new IceCandidate("candidate:1", "0", 0), "p2", "p1");
        assertFalse(client.sendOnThisConnection(stale), "no connection: dropped, since its 'from' dies with it");
        assertEquals(0, client.queued());

        client.connect();
        listener.awaitState(SignalingState.OPEN);
        Candidate now = new Candidate(new IceCandidate("candidate:2", "0", 0), "p3", "p1");
        assertTrue(client.sendOnThisConnection(now));
        assertEquals(SignalCodec.encode(now), relay.awaitFrame().text());
        assertThrows(IllegalArgumentException.class, () -> client.sendOnThisConnection(new Bye()));
    }

    @Test
    void refusesMoreThanTheQueueHolds() {
        SignalingClient client = track(builder(URI.create("ws://127.0.0.1:9/x"), listener).queueCapacity(2).build());
        assertTrue(client.send(OFFER));
        assertTrue(client.send(OFFER));
        assertFalse(client.send(OFFER));
        assertEquals(2, client.queued());
    }

    @Test
    void refusesToSendAnInvalidMessage() {
        SignalingClient client = track(builder(URI.create("ws://127.0.0.1:9/x"), listener).build());
        assertThrows(IllegalArgumentException.class, () -> client.send(new Invalid(Problem.UNKNOWN, "x")));
    }

    // ------------------------------------------------------------------ reconnecting

    @Test
    void reconnectsWhenTheServerRestartsAndDeliversWhatWasSentMeanwhile() throws Exception {
        TestRelay relay = TestRelay.roomcall(0);
        int port = relay.getPort();
        SignalingClient client = connectedTo(relay);
        relay.awaitConnection();

        relay.shutdown();
        String reason = listener.awaitState(SignalingState.RECONNECTING);
        assertTrue(reason.contains("1001") && reason.contains("retrying in"), reason);
        assertTrue(client.send(OFFER), "an offer made while reconnecting is queued");

        TestRelay restarted = relay(TestRelay.roomcall(port));
        listener.awaitState(SignalingState.OPEN);
        assertEquals(SignalCodec.encode(OFFER), restarted.awaitFrame().text());
        assertEquals(SignalingState.OPEN, client.state());

        List<SignalingState> states = listener.states();
        assertEquals(List.of(SignalingState.CONNECTING, SignalingState.OPEN), states.subList(0, 2));
        assertEquals(SignalingState.OPEN, states.get(states.size() - 1));
        assertTrue(states.subList(2, states.size() - 1).stream().allMatch(s -> s == SignalingState.RECONNECTING), states.toString());
    }

    @Test
    void reconnectsAfterAnOrdinaryCloseByTheServer() throws Exception {
        TestRelay relay = relay(TestRelay.roomcall(0));
        connectedTo(relay);
        relay.awaitConnection().close(1011, "internal error");

        assertTrue(listener.awaitState(SignalingState.RECONNECTING).contains("1011"));
        listener.awaitState(SignalingState.OPEN);
        relay.awaitConnection();
        assertEquals(2, relay.opened.get());
    }

    @ParameterizedTest(name = "close code {0}")
    @ValueSource(ints = {Protocol.CLOSE_ROOM_FULL, Protocol.CLOSE_LIMIT, Protocol.CLOSE_POLICY, Protocol.CLOSE_TOO_BIG})
    void staysClosedWhenTheServerRefusesForGood(int code) throws Exception {
        TestRelay relay = relay(TestRelay.roomcall(0));
        SignalingClient client = connectedTo(relay);
        relay.awaitConnection().close(code, "refused");

        String reason = listener.awaitState(SignalingState.CLOSED);
        assertTrue(reason.contains(String.valueOf(code)), reason);
        assertEquals(new SignalingClosed(code, "refused", true), client.lastClose().orElseThrow());
        assertEquals(SignalingState.CLOSED, client.state());
        // QUICK would have retried within 200 ms; a whole second without a new connection means it never will.
        assertNull(relay.connections.poll(1, TimeUnit.SECONDS), "the client came back");
        assertFalse(client.send(OFFER));
    }

    @Test
    void tellsTheListenerTheRoomIsFullThenClosed() throws Exception {
        TestRelay relay = relay(TestRelay.roomcall(0));
        connectedTo(relay);
        WebSocket server = relay.awaitConnection();
        server.send(SignalCodec.encode(new RoomFull(ROOM)));
        server.close(Protocol.CLOSE_ROOM_FULL, "room full");

        assertEquals(new RoomFull(ROOM), listener.awaitMessage());
        assertEquals("the room is full (4001 room full)", listener.awaitState(SignalingState.CLOSED));
    }

    @Test
    void reportsARefusedConnectionAndGivesUpAfterTheAllowedRetries() throws Exception {
        SignalingClient client = track(builder(roomOn(portNobodyListensOn()), listener).maxRetries(2).build());
        client.connect();

        String retrying = listener.awaitState(SignalingState.RECONNECTING);
        assertTrue(retrying.startsWith("could not connect") && retrying.contains("retrying in"), retrying);
        String closed = listener.awaitState(SignalingState.CLOSED);
        assertTrue(closed.contains("gave up after 3 attempts"), closed);
        assertEquals(List.of(SignalingState.CONNECTING, SignalingState.RECONNECTING, SignalingState.RECONNECTING, SignalingState.CLOSED),
                listener.states());
        assertEquals(-1, client.lastClose().orElseThrow().code());
    }

    @Test
    void givesUpOnAServerThatAcceptsButNeverAnswers() throws Exception {
        // The kernel completes the TCP handshake for a listening socket nobody accepts from: only our timeout helps.
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            SignalingClient client = track(builder(roomOn(silent.getLocalPort()), listener)
                    .connectTimeout(Duration.ofMillis(300)).maxRetries(1).build());
            client.connect();

            String retrying = listener.awaitState(SignalingState.RECONNECTING);
            assertTrue(retrying.contains("no answer within 300 ms"), retrying);
            String closed = listener.awaitState(SignalingState.CLOSED);
            assertTrue(closed.contains("no answer within 300 ms") && closed.contains("gave up"), closed);
            assertEquals(SignalingState.CLOSED, client.state());
        }
    }

    // ------------------------------------------------------------------ closing

    @Test
    void closeSendsANormalCloseAndStopsReconnecting() throws Exception {
        TestRelay relay = relay(TestRelay.roomcall(0));
        SignalingClient client = connectedTo(relay);
        relay.awaitConnection();

        client.close();
        assertEquals(SignalingState.CLOSED, client.state());
        assertEquals("closed by client", listener.awaitState(SignalingState.CLOSED));
        TestRelay.Close close = relay.awaitClose();
        assertEquals(1000, close.code());
        assertTrue(close.byClient());
        assertNull(relay.connections.poll(1, TimeUnit.SECONDS), "the client came back");

        assertFalse(client.send(OFFER));
        assertThrows(IllegalStateException.class, client::connect);
        client.close(); // again: nothing happens
    }

    @Test
    void closeWhileRetryingEndsTheRetries() throws Exception {
        SignalingClient client = track(builder(roomOn(portNobodyListensOn()), listener).build());
        client.connect();
        listener.awaitState(SignalingState.RECONNECTING);

        client.close();
        assertEquals("closed by client", listener.awaitState(SignalingState.CLOSED));
        assertFalse(client.awaitOpen(Duration.ofMillis(500)));
        List<SignalingState> states = listener.states();
        assertEquals(SignalingState.CLOSED, states.get(states.size() - 1));
    }

    @Test
    void connectsOnlyOnce() throws Exception {
        SignalingClient client = connectedTo(relay(TestRelay.plain(0)));
        assertThrows(IllegalStateException.class, client::connect);
    }

    @Test
    void refusesAddressesThatAreNotWebSockets() {
        assertThrows(IllegalArgumentException.class, () -> SignalingClient.builder(URI.create("http://127.0.0.1:1/x"), listener));
    }
}
