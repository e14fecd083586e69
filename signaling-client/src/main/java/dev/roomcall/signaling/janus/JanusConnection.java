package dev.roomcall.signaling.janus;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.Protocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket to Janus's API (subprotocol {@code janus-protocol}). It matches answers to requests by
 * {@code transaction} and hands everything Janus sends on its own (plugin events, {@code webrtcup}, {@code hangup},
 * {@code timeout}) to the event consumer. A request whose answer is only an {@code ack} completes with the event
 * that carries the same transaction, as Janus's asynchronous plugin requests do.
 *
 * <p>Janus is a separate process that may restart: every pending request fails with
 * {@link JanusException#UNREACHABLE} when the socket closes, and whoever holds a connection makes a new one.
 */
public final class JanusConnection implements AutoCloseable {

    public static final String SUBPROTOCOL = "janus-protocol";
    /** Janus refuses bigger frames by default, and nothing Roomcall sends comes near it. */
    private static final int MAX_FRAME_BYTES = 1 << 20;

    private static final Logger log = LoggerFactory.getLogger(JanusConnection.class);

    private final Socket socket;
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
    private final AtomicLong transactions = new AtomicLong();
    private final Consumer<JsonObject> events;
    /** Unasked messages about one plugin handle (its {@code sender}), e.g. a VideoRoom's new publishers. */
    private final Map<Long, Consumer<JsonObject>> byHandle = new ConcurrentHashMap<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();
    private final Duration timeout;

    private JanusConnection(URI uri, Duration timeout, Consumer<JsonObject> events) {
        this.socket = new Socket(uri);
        this.timeout = timeout;
        this.events = events;
    }

    /**
     * Connects to Janus at {@code uri} ({@code ws://} or {@code wss://}); {@code events} receives what Janus sends
     * unasked, on the socket's reader thread.
     *
     * @throws JanusException if Janus does not accept the WebSocket within {@code timeout}
     */
    public static JanusConnection open(URI uri, Duration timeout, Consumer<JsonObject> events) throws JanusException {
        JanusConnection connection = new JanusConnection(uri, timeout, events);
        try {
            if (!connection.socket.connectBlocking(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                connection.close();
                throw new JanusException(JanusException.UNREACHABLE, "Janus at " + uri + " did not answer");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            connection.close();
            throw new JanusException(JanusException.UNREACHABLE, "interrupted while connecting to Janus");
        }
        return connection;
    }

    /**
     * Sends {@code request} with a fresh transaction and completes with Janus's answer: {@code success} or the event
     * that follows an {@code ack}; exceptionally with {@link JanusException} for {@code error} or no answer in time.
     */
    public CompletableFuture<JsonObject> request(JsonObject request) {
        String transaction = "t" + transactions.incrementAndGet();
        JsonObject copy = request.deepCopy();
        copy.addProperty("transaction", transaction);
        CompletableFuture<JsonObject> answer = new CompletableFuture<>();
        // A plugin message's ack only says Janus took it; its outcome follows as an event. Everything else (keepalive,
        // trickle) is answered by the ack itself.
        pending.put(transaction, new Pending(answer, !"message".equals(JanusJson.string(request, "janus"))));
        answer.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).whenComplete((ok, failure) -> pending.remove(transaction));
        if (!socket.isOpen()) {
            answer.completeExceptionally(new JanusException(JanusException.UNREACHABLE, "the connection to Janus is closed"));
            return answer;
        }
        socket.send(copy.toString());
        return answer.exceptionallyCompose(JanusConnection::explainTimeout);
    }

    /**
     * Sends what Janus says unasked about {@code handle} to {@code consumer} instead of the connection's event consumer,
     * on the socket's reader thread.
     */
    public void onEventsOf(long handle, Consumer<JsonObject> consumer) {
        byHandle.put(handle, consumer);
    }

    /** The handle is gone: its events go to the connection's event consumer again. */
    public void forget(long handle) {
        byHandle.remove(handle);
    }

    /** Completes when the socket closed, for whatever reason. */
    public CompletableFuture<Void> whenClosed() {
        return closed;
    }

    public boolean isOpen() {
        return socket.isOpen();
    }

    @Override
    public void close() {
        socket.close();
    }

    private static CompletableFuture<JsonObject> explainTimeout(Throwable failure) {
        Throwable cause = failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof java.util.concurrent.TimeoutException) {
            return CompletableFuture.failedFuture(new JanusException(JanusException.UNREACHABLE, "Janus did not answer in time"));
        }
        return CompletableFuture.failedFuture(cause);
    }

    private void received(String text) {
        JsonObject message;
        try {
            JsonElement parsed = JsonParser.parseString(text);
            if (!parsed.isJsonObject()) {
                log.warn("event=janus-unreadable reason=not-an-object");
                return;
            }
            message = parsed.getAsJsonObject();
        } catch (RuntimeException e) {
            log.warn("event=janus-unreadable reason={}", e.getMessage());
            return;
        }
        String kind = JanusJson.string(message, "janus");
        String transaction = JanusJson.string(message, "transaction");
        Pending request = transaction == null ? null : pending.get(transaction);
        if (request != null && "ack".equals(kind) && !request.ackAnswers()) {
            return;
        }
        if (request != null) {
            CompletableFuture<JsonObject> waiting = request.answer();
            if ("error".equals(kind)) {
                waiting.completeExceptionally(JanusJson.error(message));
            } else {
                JanusException pluginError = JanusJson.pluginError(message);
                if (pluginError != null) {
                    waiting.completeExceptionally(pluginError);
                } else {
                    waiting.complete(message);
                }
            }
            return;
        }
        try {
            byHandle.getOrDefault(JanusJson.number(message, "sender", -1), events).accept(message);
        } catch (RuntimeException e) {
            log.warn("event=janus-event-failed kind={}", kind, e);
        }
    }

    private void ended(String reason) {
        JanusException gone = new JanusException(JanusException.UNREACHABLE, "the connection to Janus closed: " + reason);
        List.copyOf(pending.values()).forEach(request -> request.answer().completeExceptionally(gone));
        closed.complete(null);
    }

    private record Pending(CompletableFuture<JsonObject> answer, boolean ackAnswers) {}

    private final class Socket extends WebSocketClient {
        Socket(URI uri) {
            super(uri, new Draft_6455(List.of(), List.of(new Protocol(SUBPROTOCOL)), MAX_FRAME_BYTES));
            setDaemon(true);
            setTcpNoDelay(true);
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            log.info("event=janus-open uri={}", getURI());
        }

        @Override
        public void onMessage(String message) {
            received(message);
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            log.info("event=janus-closed code={} reason={}", code, reason);
            ended(reason == null || reason.isBlank() ? "code " + code : reason);
        }

        @Override
        public void onError(Exception e) {
            log.warn("event=janus-socket-error reason={}", e.toString());
        }
    }
}
