package dev.roomcall.server;

import dev.roomcall.signaling.Protocol;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the endpoint for each WebSocket upgrade. Refusals of a connection (bad room name, too many
 * connections or joins) happen after the upgrade, as close frames: a browser sees a close code and
 * reason, whereas a refused handshake only shows up as an anonymous 1006. The one exception is a page
 * from a foreign origin: it gets no WebSocket at all (HTTP 403), because the point is that its script
 * must not hold one even for a moment.
 */
final class EndpointFactory implements WebSocketCreator {

    private static final Logger LOG = LoggerFactory.getLogger(EndpointFactory.class);

    static final String REASON_ORIGIN = "origin not allowed";

    private final ServerConfig config;
    private final Rooms rooms;
    private final AddressLimiter limiter;
    private final JoinLimiter joins;
    private final OriginPolicy origins;
    private final Heartbeat heartbeat;
    private final TrustedProxies proxies;
    private final AtomicInteger ids = new AtomicInteger();

    EndpointFactory(ServerConfig config, Rooms rooms, AddressLimiter limiter, JoinLimiter joins, Heartbeat heartbeat,
                    TrustedProxies proxies) {
        this.config = config;
        this.proxies = proxies;
        this.rooms = rooms;
        this.limiter = limiter;
        this.joins = joins;
        this.origins = new OriginPolicy(config.allowedOrigins());
        this.heartbeat = heartbeat;
    }

    @Override
    public Object createWebSocket(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (!origins.allows(origin, request.getHeaders().get(HttpHeader.HOST), request.isSecure())) {
            LOG.warn("event=refuse reason=origin origin=\"{}\" remote={}",
                    LogText.sanitize(origin), clientAddress(request).getHostAddress());
            Response.writeError(request, response, callback, HttpStatus.FORBIDDEN_403,
                    REASON_ORIGIN + ": allow it with --allow-origin on the server");
            return null;
        }
        boolean extensions = request.hasSubProtocol(Protocol.SUBPROTOCOL);
        if (extensions) {
            response.setAcceptedSubProtocol(Protocol.SUBPROTOCOL);
        }
        return new SignalingEndpoint(ids.incrementAndGet(), requestedRoom(request), extensions, joinsGroups(request),
                Request.extractQueryParameters(request).getValue(Protocol.MEMBER_PARAM),
                clientAddress(request), rooms, limiter, joins, heartbeat,
                new TokenBucket(config.messagesPerSecond(), config.messageBurst()), config.maxMessageBytes());
    }

    /** False for a client that said {@code peers=1}: it holds one call at a time, so its room stays at two. */
    private static boolean joinsGroups(ServerUpgradeRequest request) {
        return !Protocol.ONE_PEER.equals(Request.extractQueryParameters(request).getValue(Protocol.PEERS_PARAM));
    }


    /** @return the room, or null if the name is invalid (the endpoint then closes with the rule as reason) */
    private static RoomName requestedRoom(ServerUpgradeRequest request) {
        try {
            String query = Request.extractQueryParameters(request).getValue(Protocol.ROOM_PARAM);
            return RoomName.fromRequest(request.getHttpURI().getDecodedPath(), query);
        } catch (RoomName.InvalidRoomException e) {
            return null;
        }
    }

    /** Whom the per-address limits count: the peer, or behind a trusted proxy the client it forwards for. */
    private InetAddress clientAddress(ServerUpgradeRequest request) {
        return proxies.clientAddress(peerAddress(request),
                request.getHeaders().getValuesList(TrustedProxies.X_FORWARDED_FOR));
    }

    private static InetAddress peerAddress(ServerUpgradeRequest request) {
        SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
        if (remote instanceof InetSocketAddress) {
            return ((InetSocketAddress) remote).getAddress();
        }
        // Unix-domain or otherwise address-less connectors: all share the loopback quota.
        return InetAddress.getLoopbackAddress();
    }
}
