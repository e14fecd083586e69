package dev.roomcall.signaling;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.security.cert.CertificateException;
import java.util.List;
import java.util.Map;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.WebsocketNotConnectedException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ServerHandshake;
import org.java_websocket.protocols.IProtocol;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection attempt (Java-WebSocket clients cannot be reused). It only translates the library's
 * callbacks into decoded messages and close records; {@link SignalingClient} decides what they mean.
 */
final class Connection extends WebSocketClient {

    /** What a connection reports. Called on the connection's own reader thread (or whoever closed it). */
    interface Events {
        void opened(Connection connection);

        void received(Connection connection, SignalMessage message);

        void closed(Connection connection, SignalingClosed closed);
    }

    /**
     * Frames up to this size are read and then rejected by {@link SignalCodec} as too large, which keeps the
     * session up; only a frame beyond it makes the library drop the connection.
     */
    static final int MAX_FRAME_BYTES = 16 * SignalCodec.MAX_MESSAGE_BYTES;

    private static final Logger log = LoggerFactory.getLogger(Connection.class);

    private final Events events;
    private final CertificateTrust trust;
    private volatile Exception firstError;

    /**
     * @param trust how to check the server's certificate on {@code wss://}; unused on {@code ws://}
     */
    Connection(URI uri, Map<String, String> headers, int connectTimeoutMillis, int heartbeatSeconds, CertificateTrust trust,
               Events events) {
        super(uri, offeringSubprotocol(), headers, connectTimeoutMillis);
        this.events = events;
        this.trust = trust;
        if ("wss".equalsIgnoreCase(uri.getScheme())) {
            setSocketFactory(trust.socketFactory());
        }
        // The library's threads must not keep an application alive that has otherwise finished.
        setDaemon(true);
        setTcpNoDelay(true);
        setConnectionLostTimeout(heartbeatSeconds);
    }

    /**
     * Offers {@code roomcall.v1} but also accepts a server that answers no subprotocol (the "" entry), which is what
     * the browser demos' plain relays do.
     */
    private static Draft_6455 offeringSubprotocol() {
        List<IProtocol> protocols = List.of(
                new org.java_websocket.protocols.Protocol(Protocol.SUBPROTOCOL), new org.java_websocket.protocols.Protocol(""));
        return new Draft_6455(List.of(), protocols, MAX_FRAME_BYTES);
    }

    /** The subprotocol the server accepted, or "" for none. */
    String subprotocol() {
        IProtocol protocol = getProtocol();
        return protocol == null ? "" : protocol.getProvidedProtocol();
    }

    /** Sends if the socket is open; false if it is not (any more). */
    boolean trySend(String text) {
        try {
            send(text);
            return true;
        } catch (WebsocketNotConnectedException e) {
            return false;
        }
    }

    /** Ends the connection: a normal close handshake if it is open, otherwise it is dropped on the spot. */
    void hangUp(String reason) {
        if (isOpen()) {
            close(CloseFrame.NORMAL, reason);
        } else {
            abort(reason);
        }
    }

    /** Drops the connection without a close handshake, also while it is still connecting or waiting for the handshake. */
    void abort(String reason) {
        closeConnection(CloseFrame.NEVER_CONNECTED, reason);
        // closeConnection alone does not unblock a reader waiting for a handshake answer; closing the socket does.
        Socket socket = getSocket();
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException e) {
                log.debug("closing the socket of an abandoned connection failed", e);
            }
        }
    }

    @Override
    public void onOpen(ServerHandshake handshake) {
        events.opened(this);
    }

    @Override
    public void onMessage(String text) {
        events.received(this, SignalCodec.decode(text));
    }

    @Override
    public void onMessage(ByteBuffer bytes) {
        events.received(this, SignalCodec.decode(bytes));
    }

    @Override
    public void onClose(int code, String reason, boolean remote) {
        Exception error = firstError;
        CertificateException refused = trust.refusal(getSocket());
        if (refused == null) {
            refused = certificateProblem(error);
        }
        if (refused != null) {
            // The library reports a refused certificate as "never connected"; it is a verdict, not a network hiccup.
            events.closed(this, new SignalingClosed(Protocol.CLOSE_TLS, refused.getMessage(), false));
            return;
        }
        String why = reason;
        if ((why == null || why.isEmpty()) && error != null) {
            why = error.getMessage() != null ? error.getMessage() : error.getClass().getSimpleName();
        }
        events.closed(this, new SignalingClosed(code, why, remote));
    }

    /** The certificate check that failed the TLS handshake, if that is what ended the connection. */
    private static CertificateException certificateProblem(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof CertificateException certificate) {
                return certificate;
            }
        }
        return null;
    }

    @Override
    public void onError(Exception error) {
        if (firstError == null) {
            firstError = error;
        }
        log.debug("signaling connection to {} failed", getURI(), error);
    }
}
