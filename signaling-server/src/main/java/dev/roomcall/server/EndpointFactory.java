package dev.roomcall.server;

import dev.roomcall.signaling.Protocol;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketCreator;

/**
 * Accepts every WebSocket upgrade and creates its endpoint. Refusals (bad room name, too many
 * connections) happen after the upgrade, as close frames: a browser sees a close code and reason,
 * whereas a refused handshake only shows up as an anonymous 1006.
 */
final class EndpointFactory implements WebSocketCreator {

    private final ServerConfig config;
    private final Rooms rooms;
    private final AddressLimiter limiter;
    private final Heartbeat heartbeat;
    private final AtomicInteger ids = new AtomicInteger();

    EndpointFactory(ServerConfig config, Rooms rooms, AddressLimiter limiter, Heartbeat heartbeat) {
        this.config = config;
        this.rooms = rooms;
        this.limiter = limiter;
        this.heartbeat = heartbeat;
    }

    @Override
    public Object createWebSocket(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
        boolean extensions = request.hasSubProtocol(Protocol.SUBPROTOCOL);
        if (extensions) {
            response.setAcceptedSubProtocol(Protocol.SUBPROTOCOL);
        }
        return new SignalingEndpoint(ids.incrementAndGet(), requestedRoom(request), extensions, remoteAddress(request),
                rooms, limiter, heartbeat, new TokenBucket(config.messagesPerSecond(), config.messageBurst()));
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

    private static InetAddress remoteAddress(ServerUpgradeRequest request) {
        SocketAddress remote = request.getConnectionMetaData().getRemoteSocketAddress();
        if (remote instanceof InetSocketAddress) {
            return ((InetSocketAddress) remote).getAddress();
        }
        // Unix-domain or otherwise address-less connectors: all share the loopback quota.
        return InetAddress.getLoopbackAddress();
    }
}
