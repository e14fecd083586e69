package dev.roomcall.app.e2e;

import dev.roomcall.testkit.NodeRelay;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Proves the end-to-end harness itself: the Node relay and the demo fixture pages carry a real browser-to-browser
 * call, so when a later test that puts Roomcall on one end fails, the fault is Roomcall's, not the harness's.
 */
class BrowserHarnessIT {

    private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
    private static final long FRAMES = 30;

    @Test
    void twoDemo004PagesCallEachOtherThroughTheRelayEvenWhenTheCallerIsFirst() throws Exception {
        try (NodeRelay relay = DemoRelay.start();
                BrowserPeer caller = BrowserPeer.open("harness-004-caller", relay.url("/#true"))) {
            // The caller offers and sends all its candidates before the callee exists: the relay must hold them.
            caller.awaitTrue("return pc.iceGatheringState === 'complete' && socket.readyState === 1 && socket.bufferedAmount === 0;",
                    CALL_TIMEOUT);
            try (BrowserPeer callee = BrowserPeer.open("harness-004-callee", relay.url("/"))) {
                caller.awaitFramesDecoded(FRAMES, CALL_TIMEOUT);
                BrowserStats callee0 = callee.awaitFramesDecoded(FRAMES, CALL_TIMEOUT);

                assertTrue(callee0.width() > 0 && callee0.height() > 0, "decoded frames have a size: " + callee0);
                assertEquals(List.of(), errors(caller), "the caller page ran without errors");
                assertEquals(List.of(), errors(callee), "the callee page ran without errors");
                assertEquals("_offer", received(callee).get(0), "the first thing the callee heard was the queued offer");
            }
        }
    }

    @Test
    void twoDemo000PagesInOneHashRoomCallEachOtherThroughTheRelay() throws Exception {
        try (NodeRelay relay = DemoRelay.start();
                BrowserPeer first = BrowserPeer.open("harness-000-first", relay.url("/page000.html#c0ffee"));
                BrowserPeer second = BrowserPeer.open("harness-000-second", relay.url("/page000.html?offer#c0ffee"))) {
            first.awaitFramesDecoded(FRAMES, CALL_TIMEOUT);
            second.awaitFramesDecoded(FRAMES, CALL_TIMEOUT);

            assertEquals(List.of(), errors(first));
            assertEquals(List.of(), errors(second));
            assertEquals("sdp:offer", received(first).get(0), "the page without ?offer answered the one with it");
            assertEquals("c0ffee", first.execute("return window.roomcall.room();"));
        }
    }

    @Test
    void theDemo004PagesAlsoCopeWithARelayThatForwardsEverythingAsBinaryLikeTheOriginal() throws Exception {
        try (NodeRelay relay = DemoRelay.start(NodeRelay.Frames.BINARY);
                BrowserPeer callee = BrowserPeer.open("harness-004-binary-callee", relay.url("/"));
                BrowserPeer caller = BrowserPeer.open("harness-004-binary-caller", relay.url("/#true"))) {
            caller.awaitFramesDecoded(FRAMES, CALL_TIMEOUT);
            callee.awaitFramesDecoded(FRAMES, CALL_TIMEOUT);
            assertEquals(List.of(), errors(caller));
            assertEquals(List.of(), errors(callee));
            long binary = (Long) callee.execute("return window.roomcall.binaryFrames();");
            int handled = received(callee).size();
            assertTrue(binary > 0 && binary >= handled, "messages reached the page as binary frames (Blobs): "
                    + binary + " binary of " + handled + " handled");
        }
    }

    @Test
    void theRelayTurnsAwayAThirdSocket() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        try (NodeRelay relay = DemoRelay.start()) {
            URI uri = URI.create(relay.webSocketUrl());
            WebSocket one = http.newWebSocketBuilder().buildAsync(uri, new ClosedListener()).get(10, TimeUnit.SECONDS);
            WebSocket two = http.newWebSocketBuilder().buildAsync(uri, new ClosedListener()).get(10, TimeUnit.SECONDS);
            ClosedListener third = new ClosedListener();
            http.newWebSocketBuilder().buildAsync(uri, third).get(10, TimeUnit.SECONDS);

            assertEquals(4001, third.code.get(10, TimeUnit.SECONDS), "a relay for two closes the third with 4001");
            one.abort();
            two.abort();
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> errors(BrowserPeer peer) {
        return (List<String>) peer.execute("return window.roomcall.errors();");
    }

    @SuppressWarnings("unchecked")
    private static List<String> received(BrowserPeer peer) {
        return (List<String>) peer.execute("return window.roomcall.received();");
    }

    /** Remembers the close code the relay sends. */
    private static final class ClosedListener implements WebSocket.Listener {
        final CompletableFuture<Integer> code = new CompletableFuture<>();

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            code.complete(statusCode);
            return null;
        }
    }
}
