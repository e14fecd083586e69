package dev.roomcall.server;

import dev.roomcall.signaling.MemberToken;
import dev.roomcall.signaling.Protocol;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Frame;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.StatusCode;
import org.eclipse.jetty.websocket.api.exceptions.MessageTooLargeException;
import org.eclipse.jetty.websocket.common.WebSocketSession;
import org.eclipse.jetty.websocket.core.OpCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection: admits it (room name, connections per address), polices what it sends
 * (rate, validity) and hands the rest to {@link Rooms}. Jetty delivers one message at a time per
 * connection, so the per-connection counters need no locking.
 *
 * <p>Text messages are taken as frames and kept as bytes: they are classified from those bytes
 * ({@link RelayClassifier}) and relayed as the very same bytes, never decoded to a String and encoded
 * again. Binary messages come whole from Jetty. What is relayed is always the original payload.
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
    /** Jetty's words for it, which clients have always seen. */
    static final String REASON_INVALID_UTF8 = "Invalid UTF-8";

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final int id;
    private final RoomName room;
    private final boolean extensions;
    private final boolean groups;
    /** The client sent a member token that is not one: refused on open. The token itself is never kept or logged. */
    private final boolean invalidToken;
    /** The id the client's member token hashes to; null without one, or without roomcall.v1 (no ids there). */
    private final String claimedId;
    private final InetAddress address;
    private final Rooms rooms;
    private final AddressLimiter limiter;
    private final JoinLimiter joins;
    private final Heartbeat heartbeat;
    private final TokenBucket rate;
    private final TextMessageAssembler textMessage;
    private final AtomicBoolean holdsAddressSlot = new AtomicBoolean();

    private volatile Session session;
    private volatile boolean closing;
    private volatile long lastHeardNanos = System.nanoTime();
    private int invalidMessages;

    /**
     * @param room null if the requested name was invalid; the connection is then closed on open with the reason
     * @param memberToken the {@code member} query parameter, or null; an invalid one is closed on open with 1008
     * @param maxMessageBytes a text message larger than this closes the connection with 1009
     */
    SignalingEndpoint(int id, RoomName room, boolean extensions, boolean groups, String memberToken,
                      InetAddress address, Rooms rooms,
                      AddressLimiter limiter, JoinLimiter joins, Heartbeat heartbeat, TokenBucket rate,
                      int maxMessageBytes) {
        this.id = id;
        this.room = room;
        this.extensions = extensions;
        this.groups = extensions && groups;
        this.invalidToken = memberToken != null && !MemberToken.isValid(memberToken);
        this.claimedId = extensions && !invalidToken && memberToken != null ? MemberToken.of(memberToken).memberId() : null;
        this.address = address;
        this.rooms = rooms;
        this.limiter = limiter;
        this.joins = joins;
        this.heartbeat = heartbeat;
        this.rate = rate;
        this.textMessage = new TextMessageAssembler(maxMessageBytes);
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
        if (invalidToken) {
            LOG.info("event=refuse member={} reason=invalid-member-token", id);
            closeSelf(StatusCode.POLICY_VIOLATION, MemberToken.RULE);
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

    /**
     * Sees every frame; takes only those of text messages (this class has no onWebSocketText, so Jetty builds no
     * String). Control frames and binary messages carry on through Jetty's own handling.
     */
    @Override
    public void onWebSocketFrame(Frame frame, Callback callback) {
        byte opCode = frame.getOpCode();
        boolean first = opCode == OpCode.TEXT;
        if (!first && !(opCode == OpCode.CONTINUATION && textMessage.inProgress())) {
            callback.succeed();
            return;
        }
        lastHeardNanos = System.nanoTime();
        byte[] message;
        try {
            message = textMessage.add(frame.getPayload(), first, frame.isFin());
        } catch (MessageTooLargeException e) {
            callback.succeed();
            onWebSocketError(e);
            close(StatusCode.MESSAGE_TOO_LARGE, e.getMessage());
            return;
        }
        callback.succeed();
        if (message != null) {
            acceptText(message);
        }
    }

    @Override
    public void onWebSocketBinary(ByteBuffer buffer, Callback callback) {
        lastHeardNanos = System.nanoTime();
        Payload.Binary payload = new Payload.Binary(buffer);
        callback.succeed();
        if (!closing) {
            accept(payload, payload.classify());
        }
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

    private void acceptText(byte[] utf8) {
        if (closing) {
            return;
        }
        Payload.Text payload = Payload.Text.ofUtf8(utf8);
        MessageKind kind = payload.classify();
        if (kind == RelayClassifier.NOT_UTF8) {
            // A text frame must be UTF-8 (RFC 6455): a protocol error, closed as Jetty closes it, not an invalid message.
            LOG.debug("event=error member={} error=invalid-utf8", id);
            close(StatusCode.BAD_PAYLOAD, REASON_INVALID_UTF8);
            return;
        }
        accept(payload, kind);
    }

    private void accept(Payload payload, MessageKind kind) {
        if (closing) {
            return;
        }
        if (!rate.tryTake()) {
            LOG.warn("event=limit kind=rate member={} room={}", id, room);
            closeSelf(Protocol.CLOSE_LIMIT, REASON_RATE_LIMIT);
            return;
        }
        if (kind instanceof MessageKind.Relayable route) {
            String refused = rooms.relay(this, route, payload);
            if (refused != null) {
                reject(refused);
            }
        } else if (kind instanceof MessageKind.Hello hello && extensions) {
            rooms.rename(this, hello.name());
        } else if (kind instanceof MessageKind.Invalid) {
            MessageKind.Invalid invalid = (MessageKind.Invalid) kind;
            reject(invalid.problem() + ": " + invalid.detail());
        } else if (kind == MessageKind.BYE) {
            closeSelf(StatusCode.NORMAL, "bye");
        } else {
            // Only the server speaks joined/peer-left/...; a client sending them is confused or spoofing.
            reject("clients may not send " + (kind instanceof MessageKind.Extension e ? e.name() : "Hello"));
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
    public boolean joinsGroups() {
        return groups;
    }

    @Override
    public String claimedId() {
        return claimedId;
    }

    @Override
    public void send(Payload payload) {
        Session s = session;
        if (s == null || !s.isOpen()) {
            return;
        }
        if (payload instanceof Payload.Text && s instanceof WebSocketSession) {
            // The API only sends text from a String; the core session takes the bytes as they are.
            ((WebSocketSession) s).getCoreSession().sendFrame(
                    new org.eclipse.jetty.websocket.core.Frame(OpCode.TEXT, payload.buffer()),
                    org.eclipse.jetty.util.Callback.from(() -> { }, this::sendFailed), false);
        } else if (payload instanceof Payload.Text) {
            s.sendText(((Payload.Text) payload).text(), Callback.from(() -> { }, this::sendFailed));
        } else {
            s.sendBinary(payload.buffer(), Callback.from(() -> { }, this::sendFailed));
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
