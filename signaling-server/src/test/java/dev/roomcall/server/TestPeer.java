package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.roomcall.signaling.Protocol;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.java_websocket.WebSocket;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.framing.Framedata;
import org.java_websocket.handshake.ServerHandshake;

/**
 * A WebSocket client as the tests need one: records every message and the close, and waits for
 * them with a bounded timeout. Either a Roomcall client (offers {@code roomcall.v1}) or a plain demo
 * page (offers nothing).
 */
final class TestPeer extends WebSocketClient {

    static final long TIMEOUT_SECONDS = 5;

    /** A received text message, or a binary one. */
    record Received(String text, byte[] binary) {
        boolean isText() {
            return text != null;
        }
    }

    record Closed(int code, String reason) {}

    private final BlockingQueue<Received> inbox = new LinkedBlockingQueue<>();
    private final CompletableFuture<Closed> closed = new CompletableFuture<>();
    /** Completes with the accepted subprotocol ("" for none) on open, or exceptionally if the handshake failed. */
    private final CompletableFuture<String> opened = new CompletableFuture<>();
    private volatile boolean answerPings = true;
    private volatile ServerHandshake handshake;

    private TestPeer(URI uri, boolean roomcall) {
        super(uri, roomcall
                ? new Draft_6455(List.of(), List.of(new org.java_websocket.protocols.Protocol(Protocol.SUBPROTOCOL)))
                : new Draft_6455());
        // The library's own keep-alive pings would hide what the server's heartbeat does.
        setConnectionLostTimeout(0);
    }

    /** A client that negotiates roomcall.v1, connected to {@code base + path}. */
    static TestPeer roomcall(URI base, String path) {
        return open(new TestPeer(base.resolve(path), true));
    }

    /** A client like the plain demo page: no subprotocol. */
    static TestPeer plain(URI base, String path) {
        return open(new TestPeer(base.resolve(path), false));
    }

    /** Waits for the handshake only: the server may close right after it (refusals are close frames). */
    private static TestPeer open(TestPeer peer) {
        peer.connect();
        try {
            peer.opened.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new AssertionError("WebSocket handshake with " + peer.getURI() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while connecting", e);
        }
        return peer;
    }

    /** Makes this client behave like a vanished host: pings go unanswered. */
    void stopAnsweringPings() {
        answerPings = false;
    }

    @Override
    public void onWebsocketPing(WebSocket conn, Framedata f) {
        if (answerPings) {
            super.onWebsocketPing(conn, f);
        }
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
        this.handshake = handshake;
        String protocol = handshake.getFieldValue("Sec-WebSocket-Protocol");
        opened.complete(protocol == null ? "" : protocol);
    }

    @Override
    public void onMessage(String message) {
        inbox.add(new Received(message, null));
    }

    @Override
    public void onMessage(ByteBuffer bytes) {
        byte[] copy = new byte[bytes.remaining()];
        bytes.get(copy);
        inbox.add(new Received(null, copy));
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        opened.completeExceptionally(new IllegalStateException("closed before open: " + code + " " + reason));
        closed.complete(new Closed(code, reason));
    }

    @Override
    public void onError(Exception ex) {
        opened.completeExceptionally(ex);
    }

    /** The next message, which must arrive within the timeout. */
    Received next() {
        try {
            Received message = inbox.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            assertNotNull(message, "no message within " + TIMEOUT_SECONDS + " s");
            return message;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The next message, which must be text. */
    String nextText() {
        Received message = next();
        assertTrue(message.isText(), "expected a text message, got binary " + Arrays.toString(message.binary()));
        return message.text();
    }

    /** Waits for the connection to close and returns how. */
    Closed awaitClose() {
        try {
            return closed.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new AssertionError("not closed within " + TIMEOUT_SECONDS + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } catch (ExecutionException e) {
            throw new AssertionError(e.getCause());
        }
    }

    void assertClosedWith(int code) {
        assertEquals(code, awaitClose().code(), "close code");
    }

    /** Nothing received so far (meaningful only after an ordering barrier such as a close or a later message). */
    void assertInboxEmpty() {
        Received message = inbox.peek();
        if (message != null) {
            fail("unexpected message: " + (message.isText() ? message.text() : Arrays.toString(message.binary())));
        }
    }

    /** A header of the server's 101 answer, "" if absent. */
    String handshakeHeader(String name) {
        opened.join();
        return handshake.getFieldValue(name);
    }

    /** The subprotocol the server accepted, "" for none. */
    String acceptedSubprotocol() {
        return opened.join();
    }

    void closeQuietly() {
        if (!isClosed()) {
            close();
        }
    }
}
