package dev.roomcall.signaling;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.java_websocket.WebSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's log (slf4j-simple at info, as the app runs it) tells what happened to the connection but not
 * the room code, which is the only key to the room, nor what was said: SDP names the participants' addresses.
 * slf4j-simple writes to whatever {@code System.err} is at the time, which is how this test reads the log.
 */
class ClientLoggingTest {

    private static final String ROOM = "k3v9-x2mq-7hzt4";
    private static final String SECRET = "SECRET-SDP-LINE";

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private TestRelay relay;
    private SignalingClient client;

    @BeforeEach
    void captureLog() {
        originalErr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() throws InterruptedException {
        if (client != null) {
            client.close();
        }
        if (relay != null) {
            relay.shutdown();
        }
        System.setErr(originalErr);
    }

    @Test
    void aWholeSessionIsLoggedWithoutTheRoomCodeOrWhatWasSaid() throws Exception {
        relay = TestRelay.roomcall(0);
        RecordingListener listener = new RecordingListener();
        client = SignalingClient.builder(SignalingUrl.of("ws://127.0.0.1:" + relay.getPort(), ROOM), listener)
                .connectTimeout(Duration.ofSeconds(5))
                .backoff(new Backoff(Duration.ofMillis(50), Duration.ofMillis(100), 0))
                .build();
        client.connect();
        listener.awaitState(SignalingState.OPEN);
        WebSocket server = relay.awaitConnection();

        client.send(new SignalMessage.Offer(new SessionDescription("offer", "v=0\r\n" + SECRET + "\r\n")));
        relay.awaitFrame();
        server.send("{\"event\":\"_answer\",\"data\":{\"sdp\":{\"type\":\"answer\",\"sdp\":\"" + SECRET + "\"}}}");
        listener.awaitMessage();
        server.send("{\"event\":\"_offer\",\"data\":{\"sdp\":{\"type\":\"answer\",\"sdp\":\"" + SECRET + "\"}}}");
        assertInstanceOf(SignalMessage.Invalid.class, listener.awaitMessage());
        server.send("{\"sdp\":\"" + SECRET + "\"");
        assertInstanceOf(SignalMessage.Invalid.class, listener.awaitMessage());
        server.close(1011, "hiccup");
        listener.awaitState(SignalingState.RECONNECTING);
        listener.awaitState(SignalingState.OPEN);
        client.close();
        listener.awaitState(SignalingState.CLOSED);

        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("signaling connecting: connecting to ws://127.0.0.1:" + relay.getPort() + "/k3v9…"), log);
        assertTrue(log.contains("signaling reconnecting"), log);
        assertTrue(log.contains("could not be understood"), log);
        assertFalse(log.contains(ROOM), "full room code in the log:\n" + log);
        assertFalse(log.contains(SECRET), "message content in the log:\n" + log);
    }
}
