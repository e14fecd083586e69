package dev.roomcall.app;

import dev.roomcall.server.ServerConfig;
import dev.roomcall.server.SignalingServer;
import dev.roomcall.signaling.IceServer;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The zero-setup server: the same {@link SignalingServer} as the standalone jar, started inside the
 * app. It listens on every interface so a browser on the LAN can reach it; the app itself talks to it
 * over loopback. It announces the person's STUN/TURN servers in {@code joined}, so the browser on the
 * other end uses the same ones.
 */
final class EmbeddedServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedServer.class);

    private final SignalingServer server;

    private EmbeddedServer(SignalingServer server) {
        this.server = server;
    }

    /**
     * @param fallBackToFreePort when the port is taken (another Roomcall running, say), take any free
     *                           one instead of failing; a port the person asked for is never swapped
     * @param iceServers         announced to roomcall.v1 clients; empty lets each side use its own defaults
     */
    static EmbeddedServer start(int port, boolean fallBackToFreePort, List<IceServer> iceServers)
            throws CallRuntime.StartException {
        ServerConfig config = ServerConfig.defaults().withPort(port).withIceServers(iceServers);
        try {
            return new EmbeddedServer(SignalingServer.start(config));
        } catch (IOException e) {
            if (!fallBackToFreePort) {
                throw new CallRuntime.StartException("server-failed",
                        "Could not start the built-in server on port " + port + ": " + e.getMessage());
            }
            log.warn("event=port-taken port={} action=use-free-port", port);
            try {
                return new EmbeddedServer(SignalingServer.start(config.withPort(0)));
            } catch (IOException again) {
                throw new CallRuntime.StartException("server-failed", "Could not start the built-in server: " + again.getMessage());
            }
        }
    }

    static EmbeddedServer start(int port, boolean fallBackToFreePort) throws CallRuntime.StartException {
        return start(port, fallBackToFreePort, List.of());
    }

    /**
     * The same server announcing other ICE servers: stopped and started again, on the same port when it is still
     * free so links already shared keep working. Only between calls: it drops whoever is connected.
     */
    EmbeddedServer restartWith(List<IceServer> iceServers) throws CallRuntime.StartException {
        int port = server.port();
        server.close();
        log.info("event=server-restart port={} ice-servers={}", port, iceServers.size());
        return start(port, true, iceServers);
    }

    List<IceServer> iceServers() {
        return server.config().iceServers();
    }

    URI webSocketUri() {
        return URI.create("ws://127.0.0.1:" + server.port() + "/");
    }

    URI httpUri() {
        return URI.create("http://127.0.0.1:" + server.port() + "/");
    }

    @Override
    public void close() {
        server.close();
    }
}
