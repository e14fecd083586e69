package dev.roomcall.server;

import dev.roomcall.signaling.Protocol;
import dev.roomcall.signaling.SignalMessage;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.api.exceptions.MessageTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection: admits it (room name, connections per address), polices what it sends
 * (rate, validity) and hands the rest to {@link Rooms}. Jetty delivers one message at a time per
 * connection, so the per-connection counters need no locking.
 *
 * <p>Messages are decoded only to classify them; what is relayed is always the original payload.
 *
 * <p>Public only because Jetty calls listener methods through a public lookup; it cannot be
 * constructed outside this package and is not part of the API.
 */
public final class SignalingEndpoint implements Session.Listener.AutoDemanding, Member, Heartbeat.Watched {

    private static final Logger LOG = LoggerFactory.getLogger(SignalingEndpoint.class);

    /** Invalid messages tolerated from one connection; the one reaching this count closes it with 1008. */
    static final int MAX_INVALID_MESSAGES = 20;

    static final String REASON_RATE_LIMIT = "rate limit";
    static final String REASON_TOO_MANY_CONNECTIONS = "too many connections from your address";
    static final String REASON_TOO_MANY_INVALID = "too many invalid messages";
    static final String REASON_TOO_MANY_JOINS = "too many joins, slow down";

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final int id;
    private final RoomName room;
    private final boolean extensions;
    private final InetAddress address;
    private final Rooms rooms;
    private final AddressLimiter limiter;
    private final JoinLimiter joins;
    private final Heartbeat heartbeat;
    private final TokenBucket rate;
    private final AtomicBoolean holdsAddressSlot = new AtomicBoolean();

    private volatile Session session;
    private volatile boolean closing;
    private volatile long lastHeardNanos = System.nanoTime();
    private int invalidMessages;

    /**
     * @param room null if the requested name was invalid; the connection is then closed on open with the reason
     */
    SignalingEndpoint(int id, RoomName room, boolean extensions, InetAddress address,
                      Rooms rooms, AddressLimiter limiter, JoinLimiter joins, Heartbeat heartbeat, TokenBucket rate) {
        this.id = id;
        this.room = room;
        this.extensions = extensions;
        this.address = address;
        this.rooms = rooms;
        this.limiter = limiter;
        this.joins = joins;
        this.heartbeat = heartbeat;
        this.rate = rate;
    }

    // ---------------------------------------------------------------- Jetty events

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        lastHeardNanos = System.nanoTime();
        LOG.debug("event=connect member={} remote={} subprotocol={}", id, address.getHostAddress(), subprotocol());
        // Counted first, whatever the room: every attempt is a guess, including ones with names the server refuses.
        if (!joins.tryJoin(address)) {
            LOG.warn("event=refuse member={} reason=joins-per-address remote={}", id, address.getHostAddress());
            closeSelf(Protocol.CLOSE_LIMIT, REASON_TOO_MANY_JOINS);
            return;
        }
        if (room == null) {
            LOG.info("event=refuse member={} reason=invalid-room", id);
            closeSelf(StatusCode.POLICY_VIOLATION, RoomName.RULE);
            return;
        }
        if (!limiter.tryAcquire(address)) {
            LOG.warn("event=refuse member={} reason=connections-per-address remote={}", id, address.getHostAddress());
            closeSelf(Protocol.CLOSE_LIMIT, REASON_TOO_MANY_CONNECTIONS);
            return;
        }
        holdsAddressSlot.set(true);
        heartbeat.watch(this);
        rooms.join(this, room);
    }

    @Override
    public void onWebSocketText(String text) {
        lastHeardNanos = System.nanoTime();
        accept(new Payload.Text(text));
    }

    @Override
    public void onWebSocketBinary(ByteBuffer buffer, Callback callback) {
        lastHeardNanos = System.nanoTime();
        Payload.Binary payload = new Payload.Binary(buffer);
        callback.succeed();
        accept(payload);
    }

    @Override
    public void onWebSocketPong(ByteBuffer payload) {
        lastHeardNanos = System.nanoTime();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        // Jetty follows with onWebSocketClose (1009 for size). Anything else is mostly peers vanishing mid-write.
        if (cause instanceof MessageTooLargeException) {
            LOG.warn("event=limit kind=size member={} room={} detail=\"{}\"", id, room, cause.getMessage());
        } else {
            LOG.debug("event=error member={} error={}", id, cause.toString());
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        closing = true;
        heartbeat.forget(this);
        if (holdsAddressSlot.compareAndSet(true, false)) {
            limiter.release(address);
        }
        rooms.leave(this, "close-" + statusCode);
        LOG.debug("event=close member={} code={} reason={}", id, statusCode, reason);
    }

    // ---------------------------------------------------------------- policing and routing

    private void accept(Payload payload) {
        if (closing) {
            return;
        }
        if (!rate.tryTake()) {
            LOG.warn("event=limit kind=rate member={} room={}", id, room);
            closeSelf(Protocol.CLOSE_LIMIT, REASON_RATE_LIMIT);
            return;
        }
        SignalMessage message = payload.decode();
        if (message instanceof SignalMessage.Invalid) {
            SignalMessage.Invalid invalid = (SignalMessage.Invalid) message;
            reject(invalid.problem() + ": " + invalid.detail());
        } else if (message instanceof SignalMessage.Bye) {
            closeSelf(StatusCode.NORMAL, "bye");
        } else if (message instanceof SignalMessage.Extension) {
            // Only the server speaks joined/peer-left/...; a client sending them is confused or spoofing.
            reject("clients may not send " + message.getClass().getSimpleName());
        } else {
            rooms.relay(this, payload);
        }
    }

    private void reject(String why) {
        invalidMessages++;
        // The first one is worth a warning; a stream of them is one story, told again when the connection is closed.
        if (invalidMessages == 1) {
            LOG.warn("event=invalid member={} room={} count={} problem=\"{}\"", id, room, invalidMessages, why);
        } else {
            LOG.debug("event=invalid member={} room={} count={} problem=\"{}\"", id, room, invalidMessages, why);
        }
        if (invalidMessages >= MAX_INVALID_MESSAGES) {
            LOG.warn("event=limit kind=invalid-messages member={} room={} count={}", id, room, invalidMessages);
            closeSelf(StatusCode.POLICY_VIOLATION, REASON_TOO_MANY_INVALID);
        }
    }

    /** A close the server decides: the peer hears peer-left now, not after the close handshake. */
    private void closeSelf(int code, String reason) {
        rooms.leave(this, reason.replace(' ', '-'));
        close(code, reason);
    }

    // ---------------------------------------------------------------- Member

    @Override
    public int id() {
        return id;
    }

    @Override
    public boolean speaksExtensions() {
        return extensions;
    }

    @Override
    public void send(Payload payload) {
        Session s = session;
        if (s == null || !s.isOpen()) {
            return;
        }
        Callback callback = Callback.from(() -> { }, this::sendFailed);
        if (payload instanceof Payload.Text) {
            s.sendText(((Payload.Text) payload).text(), callback);
        } else {
            s.sendBinary(((Payload.Binary) payload).buffer(), callback);
        }
    }

    private void sendFailed(Throwable cause) {
        Session s = session;
        if (s != null && s.isOpen()) {
            // Usually a peer that stopped reading and overflowed its outgoing queue: it cannot keep up, let it go.
            LOG.warn("event=send-failed member={} error={}", id, cause.toString());
            s.disconnect();
        }
    }

    @Override
    public void close(int code, String reason) {
        closing = true;
        Session s = session;
        if (s != null && s.isOpen()) {
            s.close(code, reason, Callback.NOOP);
        }
    }

    // ---------------------------------------------------------------- Heartbeat

    @Override
    public void beat(long nowNanos, long timeoutNanos) {
        Session s = session;
        if (s == null || !s.isOpen()) {
            return;
        }
        if (nowNanos - lastHeardNanos > timeoutNanos) {
            LOG.info("event=timeout member={} room={}", id, room);
            rooms.leave(this, "timeout");
            s.disconnect();
            return;
        }
        s.sendPing(EMPTY.duplicate(), Callback.NOOP);
    }

    private String subprotocol() {
        return extensions ? Protocol.SUBPROTOCOL : "none";
    }
}
