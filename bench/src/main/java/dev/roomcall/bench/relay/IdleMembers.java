package dev.roomcall.bench.relay;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.client.ClientUpgradeRequest;
import org.eclipse.jetty.websocket.client.WebSocketClient;

/**
 * Idle members held open on a relay, two per room ({@code /<prefix>-<n>}), opened in batches. They come from several
 * loopback source addresses (127.0.0.2, .3, …) so no single address runs out of ephemeral ports. Jetty's client
 * answers the server's pings by itself, so a member stays as alive as a waiting call's connection.
 */
final class IdleMembers implements AutoCloseable {

    private static final int BATCH = 500;

    private final URI base;
    private final String roomPrefix;
    private final String subprotocol;
    private final List<WebSocketClient> clients = new ArrayList<>();
    private final List<Session> sessions = new ArrayList<>();
    private final AtomicInteger closedByServer = new AtomicInteger();

    /** @param subprotocol asked for at the upgrade ({@code roomcall.v1}), or null for the demo's plain WebSocket */
    IdleMembers(URI base, String roomPrefix, String subprotocol, int sourceAddresses, int capacity) throws Exception {
        this.base = base;
        this.roomPrefix = roomPrefix;
        this.subprotocol = subprotocol;
        try {
            for (int i = 0; i < sourceAddresses; i++) {
                WebSocketClient client = new WebSocketClient();
                client.setBindAddress(new InetSocketAddress("127.0.0." + (2 + i), 0));
                client.setIdleTimeout(Duration.ofMinutes(30));
                client.setConnectTimeout(30_000);
                client.getHttpClient().setMaxConnectionsPerDestination(Math.max(64, capacity));
                client.start();
                clients.add(client);
            }
        } catch (Exception e) {
            close();
            throw e;
        }
    }

    /**
     * Opens members until {@code target} are open, or the first failure.
     *
     * @return null if all opened; otherwise why it stopped
     */
    String openUpTo(int target) throws Exception {
        while (sessions.size() < target) {
            int batch = Math.min(BATCH, target - sessions.size());
            List<CompletableFuture<Session>> connecting = new ArrayList<>(batch);
            for (int i = 0; i < batch; i++) {
                int index = sessions.size() + i;
                WebSocketClient client = clients.get(index % clients.size());
                ClientUpgradeRequest request = new ClientUpgradeRequest();
                if (subprotocol != null) {
                    request.setSubProtocols(subprotocol);
                }
                connecting.add(client.connect(new IdleConnection(closedByServer), base.resolve("/" + roomPrefix + "-" + (index / 2)), request));
            }
            String failure = null;
            for (CompletableFuture<Session> f : connecting) {
                try {
                    sessions.add(f.get(60, TimeUnit.SECONDS));
                } catch (InterruptedException e) {
                    throw e;
                } catch (Exception e) {
                    if (failure == null) {
                        failure = "connection " + (sessions.size() + 1) + " failed: " + rootCause(e);
                    }
                }
            }
            if (failure != null) {
                return failure;
            }
            if (closedByServer.get() > 0) {
                return "the server closed " + closedByServer.get() + " connection(s)";
            }
        }
        return null;
    }

    int opened() {
        return sessions.size();
    }

    int stillOpen() {
        return (int) sessions.stream().filter(Session::isOpen).count();
    }

    int closedByServer() {
        return closedByServer.get();
    }

    @Override
    public void close() {
        for (WebSocketClient client : clients) {
            try {
                client.stop();
            } catch (Exception e) {
                System.err.println("stopping a load client failed: " + e);
            }
        }
    }

    static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
