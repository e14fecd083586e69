package dev.roomcall.app;

import dev.roomcall.app.call.CallOptions;
import dev.roomcall.app.call.Role;
import dev.roomcall.app.cli.CommandLine;
import dev.roomcall.media.MediaEngine;
import dev.roomcall.media.MediaOptions;
import dev.roomcall.signaling.RoomCode;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What lives as long as the app: the media engine (one per process, as webrtc-java requires), the
 * embedded server when no --server was given, and the room to start in.
 */
public final class CallRuntime implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallRuntime.class);
    static final int DEFAULT_PORT = 3000;

    private final EmbeddedServer server;
    private final MediaEngine engine;
    private final URI signalingServer;
    private final Role role;
    private final String room;

    private CallRuntime(EmbeddedServer server, MediaEngine engine, URI signalingServer, Role role, String room) {
        this.server = server;
        this.engine = engine;
        this.signalingServer = signalingServer;
        this.role = role;
        this.room = room;
    }

    /** Starts what the options ask for; slow (device queries, server start): never call on a UI thread. */
    public static CallRuntime start(CommandLine options) throws StartException {
        String room;
        try {
            room = options.room() == null ? RoomCode.newRoomName() : RoomCode.normalize(options.room());
        } catch (IllegalArgumentException e) {
            throw new StartException("bad-room", e.getMessage());
        }
        EmbeddedServer server = null;
        URI signaling = options.server();
        if (signaling == null || options.hostPort() != null) {
            int port = options.hostPort() == null ? DEFAULT_PORT : options.hostPort();
            server = EmbeddedServer.start(port, options.hostPort() == null);
            if (signaling == null) {
                signaling = server.webSocketUri();
            }
        }
        MediaEngine engine;
        try {
            engine = MediaEngine.start(MediaOptions.defaults().withFakeMedia(options.fakeMedia()));
        } catch (RuntimeException e) {
            if (server != null) {
                server.close();
            }
            throw new StartException("media-failed", "Could not start audio/video: " + e.getMessage());
        }
        return new CallRuntime(server, engine, signaling, options.role(), room);
    }

    public MediaEngine engine() {
        return engine;
    }

    /** The embedded server's page address, when this process runs one. */
    public Optional<URI> server() {
        return Optional.ofNullable(server).map(EmbeddedServer::httpUri);
    }

    public String room() {
        return room;
    }

    public CallOptions callOptions() {
        return new CallOptions(signalingServer, room, role, List.of());
    }

    /** Options for joining another room: a bare code stays on this server, a link names its own. */
    public CallOptions callOptionsFor(String input) {
        String next = RoomCode.normalize(input);
        URI target = signalingServer;
        String trimmed = input.trim();
        if (trimmed.contains("://")) {
            URI link = URI.create(trimmed);
            String scheme = "https".equalsIgnoreCase(link.getScheme()) || "wss".equalsIgnoreCase(link.getScheme()) ? "wss" : "ws";
            int port = link.getPort();
            target = URI.create(scheme + "://" + link.getHost() + (port > 0 ? ":" + port : "") + "/");
        }
        return new CallOptions(target, next, role, List.of());
    }

    public URI browserLink() {
        return browserLinkFor(callOptions());
    }

    /**
     * The page a browser opens to join: Roomcall's server serves it on the same port as signaling.
     * For the embedded server the host is this machine's LAN address, which is what the other
     * person's browser can reach; loopback when there is none.
     */
    public URI browserLinkFor(CallOptions call) {
        URI ws = call.server();
        String scheme = "wss".equalsIgnoreCase(ws.getScheme()) ? "https" : "http";
        String host = ws.getHost();
        if (server != null && ws.equals(server.webSocketUri())) {
            host = lanAddress().orElse(host);
        }
        int port = ws.getPort();
        return URI.create(scheme + "://" + host + (port > 0 ? ":" + port : "") + "/#" + call.room());
    }

    private static Optional<String> lanAddress() {
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback() || nic.isVirtual()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address && address.isSiteLocalAddress()) {
                        return Optional.of(address.getHostAddress());
                    }
                }
            }
        } catch (SocketException e) {
            log.debug("event=lan-address-unavailable", e);
        }
        return Optional.empty();
    }

    @Override
    public void close() {
        try {
            engine.close();
        } finally {
            if (server != null) {
                server.close();
            }
        }
    }

    /** Start-up failed in a way the person must be told about; {@link #code()} is stable for scripts. */
    public static final class StartException extends Exception {
        private final String code;

        public StartException(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
