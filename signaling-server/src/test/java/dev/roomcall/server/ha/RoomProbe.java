package dev.roomcall.server.ha;

import dev.roomcall.server.ServerConfig;
import dev.roomcall.signaling.Protocol;
import dev.roomcall.signaling.SignalingUrl;
import java.net.URI;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.handshake.ServerHandshake;

/**
 * Asks the load balancer where a room lives, without disturbing it: a third would-be member is sent where the room
 * is routed, and a node holding both members refuses it with 4001 "room full". The node's name is in the answer's
 * {@code Roomcall-Node} header. Anything but 4001 means the two members are not together there.
 */
final class RoomProbe {

    /** Where the room's two members are, as far as one probe can tell. */
    record Answer(String node, int closeCode) {
        boolean bothMembersThere() {
            return closeCode == Protocol.CLOSE_ROOM_FULL;
        }
    }

    private RoomProbe() {}

    static Answer probe(URI proxy, KeyStore trust, String room) throws Exception {
        CompletableFuture<String> node = new CompletableFuture<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocketClient client = new WebSocketClient(SignalingUrl.of(proxy.toString(), room),
                new Draft_6455(List.of(), List.of(new org.java_websocket.protocols.Protocol(Protocol.SUBPROTOCOL)))) {
            @Override
            public void onOpen(ServerHandshake handshake) {
                node.complete(handshake.getFieldValue(ServerConfig.NODE_HEADER));
            }

            @Override
            public void onMessage(String message) {
            }

            @Override
            public void onClose(int code, String reason, boolean remote) {
                node.complete("");
                closed.complete(code);
            }

            @Override
            public void onError(Exception ex) {
            }
        };
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trustManagers.getTrustManagers(), null);
        client.setSocketFactory(tls.getSocketFactory());
        client.connect();
        try {
            String name = node.get(10, TimeUnit.SECONDS);
            int code;
            try {
                code = closed.get(2, TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                code = -1; // admitted: the room was not full there
            }
            return new Answer(name, code);
        } finally {
            client.closeBlocking();
        }
    }
}
