package dev.roomcall.server;

import dev.roomcall.signaling.IceServer;
import dev.roomcall.signaling.SignalCodec;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything a {@link SignalingServer} needs to know. Start from {@link #defaults()} and change
 * what differs with the {@code with…} methods; the canonical constructor rejects nonsense early
 * so a bad flag fails at startup rather than on the first call.
 *
 * @param host                     interface to bind; {@code 0.0.0.0} for all (standalone), {@code 127.0.0.1} for local only
 * @param port                     TCP port; 0 picks a free one (see {@link SignalingServer#port()})
 * @param webRoot                  classpath directory holding {@code index.html} and its files
 * @param maxMessageBytes          larger messages close the sender with 1009; at most {@link SignalCodec#MAX_MESSAGE_BYTES}
 *                                 because a relay must never pass on what clients refuse to decode
 * @param maxQueuedMessages        messages a lone member may leave for the next joiner; later ones are dropped
 * @param maxConnectionsPerAddress WebSocket connections one remote IP address may hold at once
 * @param messagesPerSecond        sustained message rate allowed per connection
 * @param messageBurst             messages a connection may send at once before the rate applies (ICE trickle is bursty)
 * @param idleTimeout              a connection that answers nothing (not even a ping) this long is dropped, freeing its room slot
 * @param iceServers               STUN/TURN servers announced to roomcall.v1 clients in {@code joined}; empty means
 *                                 "use your own defaults"
 */
public record ServerConfig(
        String host,
        int port,
        String webRoot,
        int maxMessageBytes,
        int maxQueuedMessages,
        int maxConnectionsPerAddress,
        int messagesPerSecond,
        int messageBurst,
        Duration idleTimeout,
        List<IceServer> iceServers) {

    public static final String DEFAULT_HOST = "0.0.0.0";
    public static final int DEFAULT_PORT = 3000;
    /** Where the assets module puts the browser page on the classpath. */
    public static final String DEFAULT_WEB_ROOT = "roomcall-web";

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(webRoot, "webRoot");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        iceServers = List.copyOf(Objects.requireNonNull(iceServers, "iceServers"));
        if (host.isBlank()) {
            throw new IllegalArgumentException("host must not be blank");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, was " + port);
        }
        if (maxMessageBytes < 1 || maxMessageBytes > SignalCodec.MAX_MESSAGE_BYTES) {
            throw new IllegalArgumentException(
                    "maxMessageBytes must be 1.." + SignalCodec.MAX_MESSAGE_BYTES + ", was " + maxMessageBytes);
        }
        requirePositive("maxQueuedMessages", maxQueuedMessages);
        requirePositive("maxConnectionsPerAddress", maxConnectionsPerAddress);
        requirePositive("messagesPerSecond", messagesPerSecond);
        requirePositive("messageBurst", messageBurst);
        if (idleTimeout.isNegative() || idleTimeout.toMillis() < 100) {
            throw new IllegalArgumentException("idleTimeout must be at least 100 ms, was " + idleTimeout);
        }
    }

    /** The standalone server's settings: all interfaces, port 3000, the packaged page, no ICE servers. */
    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_WEB_ROOT, SignalCodec.MAX_MESSAGE_BYTES,
                64, 16, 50, 100, Duration.ofSeconds(60), List.of());
    }

    public ServerConfig withHost(String host) {
        return new ServerConfig(host, port, webRoot, maxMessageBytes, maxQueuedMessages, maxConnectionsPerAddress,
                messagesPerSecond, messageBurst, idleTimeout, iceServers);
    }

    public ServerConfig withPort(int port) {
        return new ServerConfig(host, port, webRoot, maxMessageBytes, maxQueuedMessages, maxConnectionsPerAddress,
                messagesPerSecond, messageBurst, idleTimeout, iceServers);
    }

    public ServerConfig withWebRoot(String webRoot) {
        return new ServerConfig(host, port, webRoot, maxMessageBytes, maxQueuedMessages, maxConnectionsPerAddress,
                messagesPerSecond, messageBurst, idleTimeout, iceServers);
    }

    public ServerConfig withMaxMessageBytes(int maxMessageBytes) {
        return new ServerConfig(host, port, webRoot, maxMessageBytes, maxQueuedMessages, maxConnectionsPerAddress,
                messagesPerSecond, messageBurst, idleTimeout, iceServers);
    }

    public ServerConfig withMaxQueuedMessages(int maxQueuedMessages) {
        return new ServerConfig(host, port, webRoot, maxMessageBytes, maxQueuedMessages, maxConnectionsPerAddress,
                messagesPerSecond, messageBurst, idleTimeout, iceServers);
    }

    public ServerConfig withMaxConnectionsPerAddress(int maxConnectionsPerAddress) {
        return new ServerConfig(host, port, webRoot, maxMessageBytes, maxQueuedMessages, maxConnectionsPerAddress,
                messagesPerSecond, messageBurst, idleTimeout, iceServers);
    }

    public ServerConfig withRateLimit(int messagesPerSecond, int messageBurst) {
        return new ServerConfig(host, port, webRoot, maxMessageBytes, maxQueuedMessages, maxConnectionsPerAddress,
                messagesPerSecond, messageBurst, idleTimeout, iceServers);
    }

    public ServerConfig withIdleTimeout(Duration idleTimeout) {
        return new ServerConfig(host, port, webRoot, maxMessageBytes, maxQueuedMessages, maxConnectionsPerAddress,
                messagesPerSecond, messageBurst, idleTimeout, iceServers);
    }

    public ServerConfig withIceServers(List<IceServer> iceServers) {
        return new ServerConfig(host, port, webRoot, maxMessageBytes, maxQueuedMessages, maxConnectionsPerAddress,
                messagesPerSecond, messageBurst, idleTimeout, iceServers);
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }
}
