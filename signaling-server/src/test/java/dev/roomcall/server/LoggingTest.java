package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Log lines are key=value and keep the secrets out: the room code is the only thing protecting a
 * call, and SDP names the participants' addresses. (slf4j-simple, the test binding, writes to
 * whatever {@code System.err} is at the time, which is how this test reads the log.)
 */
class LoggingTest extends ServerTestSupport {

    private static final String ROOM_CODE = "k3v9-x2mq-7hzt4";
    private static final String SDP_MARKER = "SECRET-SDP-LINE";

    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private PrintStream originalErr;

    @BeforeEach
    void captureLog() {
        originalErr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreLog() {
        System.setErr(originalErr);
    }

    @Test
    void aWholeCallIsLoggedWithARoomPrefixAndWithoutCodesOrSdp() {
        start(c -> c.roomSize(2));
        TestPeer a = joinedRoomcall("/" + ROOM_CODE);
        TestPeer b = joinedRoomcall("/" + ROOM_CODE);
        TestPeer refused = roomcall("/" + ROOM_CODE);
        refused.awaitClose();
        a.send(Signals.offer(SDP_MARKER));
        b.nextText();
        a.send("{\"garbage\":\"" + SDP_MARKER + "\"}");
        a.send(Signals.bye());
        b.nextText(); // peer-left
        a.awaitClose();

        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("event=join room=k3v9… member="), log);
        assertTrue(log.contains("subprotocol=roomcall.v1"), log);
        assertTrue(log.contains("event=room-full room=k3v9…"), log);
        assertTrue(log.contains("event=invalid"), log);
        assertTrue(log.contains("event=leave room=k3v9…"), log);
        assertFalse(log.contains(ROOM_CODE), "full room code in the log:\n" + log);
        assertFalse(log.contains(SDP_MARKER), "message content in the log:\n" + log);
    }
}
