package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A browser tells the server which page opens a WebSocket (the Origin header) but lets any page open one.
 * The server's own pages and native clients get in; a foreign page gets HTTP 403 unless it is on the list.
 */
class OriginCheckTest extends ServerTestSupport {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aNativeClientWithoutOriginIsAllowed() throws Exception {
        start();
        connect(null).abort();
    }

    @Test
    void theServersOwnPageIsAllowed() throws Exception {
        start();
        connect("http://127.0.0.1:" + server.port()).abort();
    }

    @Test
    void aPageFromAnotherOriginIsRefusedWith403() {
        start();
        assertRefused("http://evil.example");
        assertRefused("http://127.0.0.1:" + (server.port() == 65535 ? 1 : server.port() + 1)); // another port, another origin
        assertRefused("null"); // sandboxed frames and file:// pages
        assertRefused("https://127.0.0.1:" + server.port() + ".evil.example");
    }

    @Test
    void listedOriginsAreAllowedInAnySpellingAndOthersStillRefused() throws Exception {
        start(c -> c.allowedOrigins(List.of("https://call.example.org", "http://demo.example:8080")));
        connect("https://call.example.org").abort();
        connect("https://CALL.example.org:443").abort();
        connect("http://demo.example:8080").abort();
        assertRefused("http://demo.example");
        assertRefused("https://evil.example");
    }

    @Test
    void aStarAllowsEveryPage() throws Exception {
        start(c -> c.allowedOrigins(List.of("*")));
        connect("https://anywhere.example").abort();
        connect("null").abort();
    }

    @Test
    void aRefusalIsLoggedWithTheOriginMadeHarmless() throws Exception {
        start();
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertRefused("http://evil.example\" injected=\"1"); // a quote would end the logged value early
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("event=refuse reason=origin origin=\"http://evil.example? injected=?1\" remote=127.0.0.1"), log);
    }

    @Test
    void aRefusedPageNeverGetsIntoARoom() throws Exception {
        start();
        TestPeer member = joinedRoomcall("/guarded");
        assertRefused("http://evil.example", "/guarded");
        member.send(Signals.offer("still alone"));
        awaitQueuedMessages(1); // queued for a next joiner: nobody else is in the room
        assertEquals(1, server.activeMembers());
    }

    @Test
    void originEntriesThatAreNotOriginsFailAtStartup() {
        for (String bad : new String[] {"call.example.org", "https://call.example.org/path", "ftp://x", ""}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> ServerConfig.builder().allowedOrigins(List.of(bad)).build(), bad);
            assertTrue(e.getMessage().contains("allowed origin"), e.getMessage());
        }
    }

    private WebSocket connect(String origin) throws Exception {
        return connect(origin, "/origin-room");
    }

    private WebSocket connect(String origin, String path) throws Exception {
        WebSocket.Builder builder = http.newWebSocketBuilder();
        if (origin != null) {
            builder.header("Origin", origin);
        }
        return builder.buildAsync(server.uri().resolve(path), new WebSocket.Listener() {}).get(5, TimeUnit.SECONDS);
    }

    private void assertRefused(String origin) {
        assertRefused(origin, "/origin-room");
    }

    private void assertRefused(String origin, String path) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> connect(origin, path), origin);
        WebSocketHandshakeException refused = assertInstanceOf(WebSocketHandshakeException.class, e.getCause(), origin);
        assertEquals(403, refused.getResponse().statusCode(), origin);
    }
}
