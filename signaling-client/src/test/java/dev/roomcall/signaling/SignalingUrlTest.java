package dev.roomcall.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SignalingUrlTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "ws://127.0.0.1:8080, ws://127.0.0.1:8080/abcd-efgh-jkmnp?room=abcd-efgh-jkmnp",
        "ws://127.0.0.1:8080/, ws://127.0.0.1:8080/abcd-efgh-jkmnp?room=abcd-efgh-jkmnp",
        "http://127.0.0.1:8080, ws://127.0.0.1:8080/abcd-efgh-jkmnp?room=abcd-efgh-jkmnp",
        "HTTPS://call.example, wss://call.example/abcd-efgh-jkmnp?room=abcd-efgh-jkmnp",
        "wss://call.example:8443/, wss://call.example:8443/abcd-efgh-jkmnp?room=abcd-efgh-jkmnp",
        "127.0.0.1:8080, ws://127.0.0.1:8080/abcd-efgh-jkmnp?room=abcd-efgh-jkmnp",
        "wss://call.example/signal, wss://call.example/signal/abcd-efgh-jkmnp?room=abcd-efgh-jkmnp",
        "wss://call.example/signal/, wss://call.example/signal/abcd-efgh-jkmnp?room=abcd-efgh-jkmnp",
        "http://127.0.0.1:8080/index.html#old-room, ws://127.0.0.1:8080/abcd-efgh-jkmnp?room=abcd-efgh-jkmnp",
        "https://call.example/app/index.html, wss://call.example/app/abcd-efgh-jkmnp?room=abcd-efgh-jkmnp",
        "ws://h:1/?token=t&room=old, ws://h:1/abcd-efgh-jkmnp?token=t&room=abcd-efgh-jkmnp",
        "ws://[::1]:8080, ws://[::1]:8080/abcd-efgh-jkmnp?room=abcd-efgh-jkmnp",
    })
    void putsTheRoomInPathAndQuery(String server, String expected) {
        assertEquals(URI.create(expected), SignalingUrl.of(server, "abcd-efgh-jkmnp"));
    }

    @Test
    void aClientThatHoldsOneCallAtATimeSaysSoInTheQuery() {
        assertEquals(URI.create("wss://h:1/abcd-efgh-jkmnp?token=t&room=abcd-efgh-jkmnp&peers=1"),
                SignalingUrl.forOnePeer(URI.create("wss://h:1/?token=t"), "abcd-efgh-jkmnp"));
    }

    @Test
    void acceptsAParsedUri() {
        assertEquals(URI.create("ws://localhost:9000/a1b2c3?room=a1b2c3"), SignalingUrl.of(URI.create("http://localhost:9000"), "a1b2c3"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ftp://host|must start with ws://, wss://, http:// or https://",
        "''|no server address",
        "ws://|not a valid server address",
        "ws:///path|has no host",
        "ws://host|'my room' is not a valid room name",
    })
    void explainsUnusableInput(String server, String message) {
        String room = server.equals("ws://host") ? "my room" : "abc";
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SignalingUrl.of(server, room));
        assertTrue(e.getMessage().contains(message), () -> "'" + e.getMessage() + "' should contain '" + message + "'");
    }

    @Test
    void refusesAMissingRoom() {
        assertThrows(IllegalArgumentException.class, () -> SignalingUrl.of("ws://host", null));
    }
}
