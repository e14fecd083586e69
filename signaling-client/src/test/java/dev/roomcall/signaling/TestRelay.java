package dev.roomcall.signaling;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.protocols.IProtocol;
import org.java_websocket.server.WebSocketServer;

/**
 * A minimal WebSocket server for client tests, on 127.0.0.1: records handshakes, received frames and closes,
 * and lets a test send frames or close connections. It either speaks {@code roomcall.v1} (like Roomcall's server)
 * or no subprotocol at all (like the browser demos' plain relays).
 */
final class TestRelay extends WebSocketServer {

    /** A frame the server received; binary frames are recorded as their UTF-8 text with {@code binary} set. */
    record Frame(String text, boolean binary) {}

    /** A close the server saw. */
    record Close(int code, String reason, boolean byClient) {}

    final BlockingQueue<ClientHandshake> handshakes = new LinkedBlockingQueue<>();
    final BlockingQueue<WebSocket> connections = new LinkedBlockingQueue<>();
    final BlockingQueue<Frame> received = new LinkedBlockingQueue<>();
    final BlockingQueue<Close> closes = new LinkedBlockingQueue<>();
    final AtomicInteger opened = new AtomicInteger();

    private final CountDownLatch started = new CountDownLatch(1);
    private volatile Exception startError;

    private TestRelay(int port, boolean roomcall) {
        super(new InetSocketAddress("127.0.0.1", port), List.of(draft(roomcall)));
        setReuseAddr(true);
        setDaemon(true);
    }

    private static Draft_6455 draft(boolean roomcall) {
        List<IProtocol> protocols = roomcall
                ? List.of(new org.java_websocket.protocols.Protocol(Protocol.SUBPROTOCOL), new org.java_websocket.protocols.Protocol(""))
                : List.of(new org.java_websocket.protocols.Protocol(""));
        return new Draft_6455(List.of(), protocols);
    }

    /** Roomcall's flavour: negotiates {@code roomcall.v1} when offered. On an ephemeral port if {@code port} is 0. */
    static TestRelay roomcall(int port) throws Exception {
        return start(new TestRelay(port, true));
    }

    /** A plain relay that answers no subprotocol. */
    static TestRelay plain(int port) throws Exception {
        return start(new TestRelay(port, false));
    }

    private static TestRelay start(TestRelay relay) throws Exception {
        relay.start();
        if (!relay.started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("test relay did not start");
        }
        if (relay.startError != null) {
            throw relay.startError;
        }
        return relay;
    }

    WebSocket awaitConnection() throws InterruptedException {
        WebSocket connection = connections.poll(10, TimeUnit.SECONDS);
        if (connection == null) {
            throw new AssertionError("no client connected within 10 s");
        }
        return connection;
    }

    Frame awaitFrame() throws InterruptedException {
        Frame frame = received.poll(10, TimeUnit.SECONDS);
        if (frame == null) {
            throw new AssertionError("no frame arrived within 10 s");
        }
        return frame;
    }

    Close awaitClose() throws InterruptedException {
        Close close = closes.poll(10, TimeUnit.SECONDS);
        if (close == null) {
            throw new AssertionError("no connection closed within 10 s");
        }
        return close;
    }

    void shutdown() throws InterruptedException {
        stop(2000);
    }

    @Override
    public void onOpen(WebSocket connection, ClientHandshake handshake) {
        opened.incrementAndGet();
        handshakes.add(handshake);
        connections.add(connection);
    }

    @Override
    public void onMessage(WebSocket connection, String message) {
        received.add(new Frame(message, false));
    }

    @Override
    public void onMessage(WebSocket connection, ByteBuffer message) {
        received.add(new Frame(StandardCharsets.UTF_8.decode(message).toString(), true));
    }

    @Override
    public void onClose(WebSocket connection, int code, String reason, boolean remote) {
        closes.add(new Close(code, reason, remote));
    }

    @Override
    public void onError(WebSocket connection, Exception error) {
        if (connection == null && started.getCount() > 0) {
            startError = error; // e.g. the port is still taken
            started.countDown();
        }
    }

    @Override
    public void onStart() {
        started.countDown();
    }
}
