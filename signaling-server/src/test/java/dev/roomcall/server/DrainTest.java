package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.signaling.Protocol;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** A node behind a load balancer: /healthz, its name in every response, and draining (what SIGTERM does). */
class DrainTest extends ServerTestSupport {

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(server.httpUri().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthzAnswers200WhileTheNodeAcceptsJoins() throws Exception {
        start();
        HttpResponse<String> health = get("/healthz");
        assertEquals(200, health.statusCode());
        assertEquals("accepting\n", health.body());
        assertEquals("no-store", health.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void theNodeNameIsInEveryResponseWhenConfigured() throws Exception {
        start(config -> config.nodeName("node-b"));
        assertEquals("node-b", get("/healthz").headers().firstValue(ServerConfig.NODE_HEADER).orElse(""));
        assertEquals("node-b", get("/").headers().firstValue(ServerConfig.NODE_HEADER).orElse(""));
        TestPeer peer = joinedRoomcall("/room-with-name");
        assertEquals("node-b", peer.handshakeHeader(ServerConfig.NODE_HEADER));
    }

    @Test
    void withoutANodeNameThereIsNoNodeHeader() throws Exception {
        start();
        assertTrue(get("/healthz").headers().firstValue(ServerConfig.NODE_HEADER).isEmpty());
    }

    @Test
    void aWebSocketToHealthzIsTheRoomHealthz() {
        start();
        joinedRoomcall("/healthz");
        assertEquals(1, server.activeMembers());
    }

    @Test
    void drainingRefusesJoinsAtOnceThenMovesMembersWith1012AndStopsWhenEmpty() throws Exception {
        start();
        TestPeer first = joinedRoomcall("/drained-room");
        TestPeer second = joinedRoomcall("/drained-room");
        first.nextText(); // peer-joined

        CompletableFuture<Void> drained = CompletableFuture.runAsync(
                () -> server.drain(Duration.ofMillis(800), Duration.ofSeconds(10)));
        awaitHealth(503);
        assertEquals("draining\n", get("/healthz").body());
        TestPeer late = roomcall("/another-room");
        TestPeer.Closed refused = late.awaitClose();
        assertEquals(Protocol.CLOSE_TRY_AGAIN_LATER, refused.code());
        assertEquals(Rooms.REASON_DRAINING, refused.reason());
        assertTrue(first.isOpen() && second.isOpen(), "members stay during the notice period");
        assertEquals(1, server.activeRooms(), "a refused join makes no room");

        TestPeer.Closed moved = first.awaitClose();
        assertEquals(Protocol.CLOSE_SERVICE_RESTART, moved.code());
        assertEquals(Rooms.REASON_MOVE, moved.reason());
        assertEquals(Protocol.CLOSE_SERVICE_RESTART, second.awaitClose().code());
        second.assertInboxEmpty(); // no peer-left: both are moving, they meet again elsewhere
        drained.get(5, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Test
    void drainingStopsAtTheTimeoutEvenWhenTheNoticeWouldLastLonger() throws Exception {
        start();
        TestPeer member = joinedRoomcall("/short-drain");
        long started = System.nanoTime();
        server.drain(Duration.ofSeconds(30), Duration.ofMillis(700));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(tookMillis >= 650 && tookMillis < 5000, "drain took " + tookMillis + " ms");
        assertEquals(Protocol.CLOSE_SERVICE_RESTART, member.awaitClose().code(), "still told to move");
    }

    @Test
    void aNodeWithoutMembersStopsWithoutWaitingForTheNotice() {
        start();
        long started = System.nanoTime();
        server.drain(Duration.ofSeconds(30), Duration.ofSeconds(60));
        long tookMillis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(tookMillis < 10_000, "drain took " + tookMillis + " ms");
    }

    private void awaitHealth(int status) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (get("/healthz").statusCode() != status) {
            assertTrue(System.nanoTime() < deadline, "/healthz never answered " + status);
            Thread.sleep(10);
        }
    }
}
