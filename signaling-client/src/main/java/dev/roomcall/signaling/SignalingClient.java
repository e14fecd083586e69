package dev.roomcall.signaling;

import dev.roomcall.signaling.SignalMessage.Extension;
import dev.roomcall.signaling.SignalMessage.Invalid;
import dev.roomcall.signaling.SignalMessage.Joined;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.java_websocket.framing.CloseFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A signaling connection to one room that keeps itself up.
 *
 * <ul>
 *   <li><b>Reconnects</b> with {@link Backoff} after a failed attempt or a dropped connection, but never after
 *       {@link #close()}, never after the server refused us for good ({@link SignalingClosed#isFinal()}: room full
 *       4001, limit 4008, policy 1008, too big 1009), and never once a {@link SignalMessage.Bye} went out on the
 *       connection (Roomcall's server answers a bye by closing); those end in {@link SignalingState#CLOSED} with the
 *       reason. To hang up, send {@code Bye} (it is dropped where extensions are off) and then {@link #close()}.</li>
 *   <li><b>Queues</b> offers, answers and candidates sent while not connected (up to {@code queueCapacity}, 256 by
 *       default) and sends them, in order, as soon as a connection opens; {@link #send} returns false only when the
 *       queue is full or the client is closed. So an offer made during a reconnect window is not lost.</li>
 *   <li><b>Extensions</b> ({@link Extension}, e.g. {@link SignalMessage.Bye}) are sent only while
 *       {@link #extensionsActive()}: this connection negotiated {@link Protocol#SUBPROTOCOL} and received
 *       {@link Joined}. Otherwise they are dropped (logged at debug) because a plain demo page breaks on them. They are
 *       never queued: they describe the present connection.</li>
 *   <li><b>Receives</b> text and binary frames alike through {@link SignalCodec}; what cannot be decoded reaches the
 *       listener as {@link Invalid} and the session goes on.</li>
 *   <li><b>Calls the listener</b> in order, on one dedicated thread or on the caller's
 *       {@link SignalingClientBuilder#executor executor} ({@link ListenerDispatch}).</li>
 *   <li><b>Checks the server's certificate</b> on {@code wss://} like any HTTPS client (a trusted authority, the right
 *       host name), or, with {@link SignalingClientBuilder#pinnedCertificate}, accepts exactly the certificate with that fingerprint.
 *       A refused certificate ends the client ({@link SignalingState#CLOSED}, {@link Protocol#CLOSE_TLS}) with a reason
 *       that says why and which fingerprint was presented.</li>
 *   <li><b>Logs</b> without room codes (only their first characters) and without message contents.</li>
 * </ul>
 * All methods are thread-safe.
 */
public final class SignalingClient implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SignalingClient.class);
    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final ConnectionRecipe recipe;
    private final Dialect dialect;
    private final Retries retries;
    /** The address as logs show it: the room shortened, since the room code is the only key to the room. */
    private final String loggedUri;

    private final ListenerDispatch events;
    /** Runs reconnect delays and connect timeouts. */
    private final ScheduledThreadPoolExecutor timer;
    private final Connection.Events callbacks = new Callbacks();

    /*
     * Everything below is guarded by this lock. Rule: never call into a Connection's close/abort while holding it,
     * because the library calls back into us (and so into this lock) while holding its own monitor.
     */
    private final Object lock = new Object();
    private SignalingState state = SignalingState.CLOSED;
    private boolean started;
    private boolean finished;
    /** The attempt whose callbacks count; callbacks from any other (abandoned) attempt are ignored. */
    private Connection connection;
    private boolean connectionOpen;
    private String subprotocol = "";
    /** A bye went out on this connection: the server closes it next, and that close is the end, not a drop. */
    private boolean byeSent;
    private ScheduledFuture<?> timerTask;
    private final Outbox outbox;
    private SignalingClosed lastClose;
    private volatile boolean extensionsActive;

    SignalingClient(SignalingClientBuilder builder) {
        this.recipe = ConnectionRecipe.of(builder);
        this.dialect = builder.dialect;
        this.retries = new Retries(builder.backoff, builder.maxRetries);
        this.outbox = new Outbox(builder.queueCapacity);
        this.loggedUri = LogText.withoutRoom(recipe.uri());
        int id = INSTANCES.incrementAndGet();
        this.events = builder.executor != null ? new ListenerDispatch(builder.listener, builder.executor)
                : ListenerDispatch.ownThread(builder.listener, "roomcall-signaling-events-" + id);
        this.timer = ListenerDispatch.timer("roomcall-signaling-timer-" + id);
    }

    /**
     * @param uri      the room's WebSocket address, usually from {@link SignalingUrl#of}
     * @param listener receives state changes and messages on the client's event thread, or on
     *                 {@link SignalingClientBuilder#executor the caller's executor}
     */
    public static SignalingClientBuilder builder(URI uri, SignalingListener listener) {
        return new SignalingClientBuilder(uri, listener);
    }

    /**
     * Starts connecting and returns at once; the listener hears {@link SignalingState#CONNECTING}, then
     * {@link SignalingState#OPEN} or {@link SignalingState#RECONNECTING}. A client connects once: to start over after
     * {@link #close()}, build a new one.
     *
     * @throws IllegalStateException if called twice or after {@link #close()}
     */
    public void connect() {
        synchronized (lock) {
            if (finished) {
                throw new IllegalStateException("this signaling client is closed; build a new one to connect again");
            }
            if (started) {
                throw new IllegalStateException("connect() was already called");
            }
            started = true;
            changeState(SignalingState.CONNECTING, "connecting to " + recipe.uri());
            startAttempt();
        }
    }

    /**
     * Sends a message in this client's {@link Dialect}.
     *
     * @return true if it was sent or queued for the next connection; false if it was dropped: an extension while
     *     extensions are not active, a full queue, or a closed client
     * @throws IllegalArgumentException for an {@link Invalid} message, which is never sent
     */
    public boolean send(SignalMessage message) {
        Objects.requireNonNull(message, "message");
        if (message instanceof Invalid) {
            throw new IllegalArgumentException("an Invalid message cannot be sent: " + message);
        }
        String text = SignalCodec.encode(message, dialect);
        String kind = message.getClass().getSimpleName();
        synchronized (lock) {
            if (finished) {
                log.debug("not sending {}: the signaling client is closed", kind);
                return false;
            }
            if (message instanceof Extension) {
                if (!extensionsActive || !connectionOpen) {
                    log.debug("not sending {}: Roomcall extensions are not active on this connection", kind);
                    return false;
                }
                boolean sent = connection.trySend(text);
                byeSent |= sent && message instanceof SignalMessage.Bye;
                return sent;
            }
            // Only straight to the socket when nothing older is waiting, so the order of messages is kept.
            if (connectionOpen && outbox.isEmpty() && connection.trySend(text)) {
                return true;
            }
            return outbox.keep(text, kind);
        }
    }

    /**
     * Sends an offer, answer or candidate on the connection open now, or drops it: never kept for the next
     * connection. For messages addressed with this connection's member id ({@code from}), which the next connection
     * will not have (the server would refuse them as {@code not-addressed}).
     *
     * @return true if it went to the socket
     */
    public boolean sendOnThisConnection(SignalMessage message) {
        Objects.requireNonNull(message, "message");
        if (message instanceof Invalid || message instanceof Extension) {
            throw new IllegalArgumentException("only offers, answers and candidates go this way: " + message);
        }
        String text = SignalCodec.encode(message, dialect);
        synchronized (lock) {
            if (finished || !connectionOpen || !outbox.isEmpty()) {
                log.debug("not sending {}: no connection open for it", message.getClass().getSimpleName());
                return false;
            }
            return connection.trySend(text);
        }
    }

    /**
     * Closes with a normal close (1000), stops reconnecting and drops anything still queued. The listener hears
     * {@link SignalingState#CLOSED} last. Idempotent; does not wait for the server's answer.
     */
    @Override
    public void close() {
        Connection current;
        synchronized (lock) {
            if (finished) {
                return;
            }
            current = connection;
            forgetConnection();
            lastClose = new SignalingClosed(CloseFrame.NORMAL, "closed by client", false);
            finish("closed by client");
        }
        if (current != null) {
            current.hangUp("bye");
        }
    }

    /**
     * Waits until the client is {@link SignalingState#OPEN}.
     *
     * @return true if open; false if the time ran out or the client closed for good first
     */
    public boolean awaitOpen(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (state != SignalingState.OPEN && !finished) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(lock, left);
            }
            return state == SignalingState.OPEN;
        }
    }

    public SignalingState state() {
        synchronized (lock) {
            return state;
        }
    }

    /** Whether extension messages are sent: this connection negotiated {@code roomcall.v1} and received {@code joined}. */
    public boolean extensionsActive() {
        return extensionsActive;
    }

    /** The subprotocol of the open connection: {@link Protocol#SUBPROTOCOL}, or "" for none or when not open. */
    public String subprotocol() {
        synchronized (lock) {
            return subprotocol;
        }
    }

    /** How the most recent connection ended (including a failed attempt), if one has. */
    public Optional<SignalingClosed> lastClose() {
        synchronized (lock) {
            return Optional.ofNullable(lastClose);
        }
    }

    /** Messages waiting for a connection. */
    public int queued() {
        synchronized (lock) {
            return outbox.size();
        }
    }

    public URI uri() {
        return recipe.uri();
    }

    public Dialect dialect() {
        return dialect;
    }

    // ------------------------------------------------------------------ internals, all called with the lock held

    private void startAttempt() {
        Connection attempt = recipe.attempt(callbacks);
        connection = attempt;
        connectionOpen = false;
        timerTask = timer.schedule(() -> connectTimedOut(attempt), recipe.connectTimeout().toNanos(),
                TimeUnit.NANOSECONDS);
        attempt.connect();
    }

    private void retryLater(String reason) {
        Optional<Duration> next = retries.failed(lastClose);
        if (next.isEmpty()) {
            finish(reason + "; gave up after " + retries.given());
            return;
        }
        Duration delay = next.get();
        changeState(SignalingState.RECONNECTING, reason + "; retrying in " + LogText.duration(delay));
        timerTask = timer.schedule(this::retryNow, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private void retryNow() {
        synchronized (lock) {
            if (finished || connection != null) {
                return;
            }
            timerTask = null;
            startAttempt();
        }
    }

    private void connectTimedOut(Connection attempt) {
        String reason = "no answer within " + LogText.duration(recipe.connectTimeout());
        synchronized (lock) {
            if (attempt != connection || connectionOpen) {
                return;
            }
            timerTask = null;
            forgetConnection();
            lastClose = new SignalingClosed(CloseFrame.NEVER_CONNECTED, reason, false);
            retryLater("could not connect (" + reason + ")");
        }
        attempt.abort(reason);
    }

    private void forgetConnection() {
        connection = null;
        connectionOpen = false;
        byeSent = false;
        subprotocol = "";
        extensionsActive = false;
    }

    private void finish(String reason) {
        finished = true;
        cancelTimerTask();
        outbox.dropAll();
        changeState(SignalingState.CLOSED, reason);
        events.shutdown(); // after the CLOSED news above
        timer.shutdown();
    }

    private void cancelTimerTask() {
        if (timerTask != null) {
            timerTask.cancel(false);
            timerTask = null;
        }
    }

    private void changeState(SignalingState next, String reason) {
        state = next;
        lock.notifyAll();
        log.info("signaling {}: {}", next.name().toLowerCase(Locale.ROOT), reason.replace(recipe.uri().toString(), loggedUri));
        events.state(next, reason);
    }

    /** The connection's callbacks, kept off the public API. */
    private final class Callbacks implements Connection.Events {

        @Override
        public void opened(Connection attempt) {
            synchronized (lock) {
                if (attempt == connection) {
                    cancelTimerTask();
                    connectionOpen = true;
                    retries.opened();
                    subprotocol = attempt.subprotocol();
                    changeState(SignalingState.OPEN, subprotocol.isEmpty()
                            ? "connected (no subprotocol: extensions off)" : "connected (subprotocol " + subprotocol + ")");
                    outbox.sendTo(attempt);
                    return;
                }
            }
            attempt.abort("superseded"); // opened after it was given up on
        }

        @Override
        public void received(Connection attempt, SignalMessage message) {
            synchronized (lock) {
                if (attempt != connection) {
                    return;
                }
                if (message instanceof Joined) {
                    if (Protocol.SUBPROTOCOL.equals(subprotocol)) {
                        extensionsActive = true;
                    } else {
                        log.warn("received 'joined' on a connection without subprotocol {}: extensions stay off",
                                Protocol.SUBPROTOCOL);
                    }
                } else if (message instanceof Invalid invalid) {
                    log.warn("received a signaling message that could not be understood ({}): {}",
                            invalid.problem(), invalid.detail());
                }
                events.message(message);
            }
        }

        @Override
        public void closed(Connection attempt, SignalingClosed closed) {
            synchronized (lock) {
                if (attempt != connection) {
                    return;
                }
                boolean hungUp = byeSent;
                forgetConnection();
                cancelTimerTask();
                lastClose = closed;
                if (hungUp) {
                    finish("hung up (" + closed.describe() + ")");
                } else if (closed.isFinal()) {
                    finish(closed.describe());
                } else {
                    retryLater(closed.describe());
                }
            }
        }
    }
}
