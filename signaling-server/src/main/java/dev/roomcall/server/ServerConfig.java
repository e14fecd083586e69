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
 * @param tls                      the keystore to serve {@code https://} and {@code wss://} from; null serves plain
 *                                 {@code http://} and {@code ws://} (there is never both on one port)
 * @param allowedOrigins           web origins (e.g. {@code https://call.example.org}) whose pages may open WebSockets
 *                                 besides this server's own pages; {@code "*"} allows any page (see {@link OriginPolicy})
 * @param joinsPerAddress          room joins (WebSocket connections) one remote IP address may make per {@code joinWindow},
 *                                 so room codes cannot be guessed by trying them
 * @param joinWindow               the period {@code joinsPerAddress} refers to; the allowance refills evenly over it
 * @param turn                     a TURN relay sharing a secret with this server (coturn's {@code use-auth-secret}):
 *                                 every {@code joined} carries fresh credentials for it after {@code iceServers};
 *                                 null for none
 * @param relayOnly                ask every roomcall.v1 client for ICE transport policy {@code relay} (TURN only, so
 *                                 neither person learns the other's addresses); needs a TURN server to connect at all
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
        List<IceServer> iceServers,
        TlsKeystore tls,
        List<String> allowedOrigins,
        int joinsPerAddress,
        Duration joinWindow,
        TurnCredentials turn,
        boolean relayOnly) {

    public static final String DEFAULT_HOST = "0.0.0.0";
    public static final int DEFAULT_PORT = 3000;
    /** Where the assets module puts the browser page on the classpath. */
    public static final String DEFAULT_WEB_ROOT = "roomcall-web";
    /** Joins an address may make per {@link #DEFAULT_JOIN_WINDOW}: plenty for people, hopeless for guessing codes. */
    public static final int DEFAULT_JOINS_PER_ADDRESS = 10;
    public static final Duration DEFAULT_JOIN_WINDOW = Duration.ofSeconds(10);

    public ServerConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(webRoot, "webRoot");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(joinWindow, "joinWindow");
        iceServers = List.copyOf(Objects.requireNonNull(iceServers, "iceServers"));
        allowedOrigins = OriginPolicy.validate(Objects.requireNonNull(allowedOrigins, "allowedOrigins"));
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
        requirePositive("joinsPerAddress", joinsPerAddress);
        if (joinWindow.isNegative() || joinWindow.toMillis() < 1) {
            throw new IllegalArgumentException("joinWindow must be at least 1 ms, was " + joinWindow);
        }
    }

    /** The configuration as it was before TURN credentials and the relay-only policy existed. */
    public ServerConfig(String host, int port, String webRoot, int maxMessageBytes, int maxQueuedMessages,
                        int maxConnectionsPerAddress, int messagesPerSecond, int messageBurst, Duration idleTimeout,
                        List<IceServer> iceServers, TlsKeystore tls, List<String> allowedOrigins, int joinsPerAddress,
                        Duration joinWindow) {
        this(host, port, webRoot, maxMessageBytes, maxQueuedMessages, maxConnectionsPerAddress, messagesPerSecond,
                messageBurst, idleTimeout, iceServers, tls, allowedOrigins, joinsPerAddress, joinWindow, null, false);
    }

    /** The configuration as it was before TLS, origins and join limits existed: plain, same-origin only, default join limit. */
    public ServerConfig(String host, int port, String webRoot, int maxMessageBytes, int maxQueuedMessages,
                        int maxConnectionsPerAddress, int messagesPerSecond, int messageBurst, Duration idleTimeout,
                        List<IceServer> iceServers) {
        this(host, port, webRoot, maxMessageBytes, maxQueuedMessages, maxConnectionsPerAddress, messagesPerSecond,
                messageBurst, idleTimeout, iceServers, null, List.of(), DEFAULT_JOINS_PER_ADDRESS, DEFAULT_JOIN_WINDOW);
    }

    /**
     * The standalone server's settings: all interfaces, port 3000, the packaged page, no ICE servers, plain HTTP,
     * WebSockets only from its own pages and native clients, 10 joins per 10 s per address.
     */
    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_WEB_ROOT, SignalCodec.MAX_MESSAGE_BYTES,
                64, 16, 50, 100, Duration.ofSeconds(60), List.of());
    }

    /** Whether the server speaks {@code https://} and {@code wss://}. */
    public boolean usesTls() {
        return tls != null;
    }

    public ServerConfig withHost(String host) {
        return new ServerConfig(host, port, webRoot, maxMessageBytes, maxQueuedMessages, maxConnectionsPerAddress,
                messagesPerSecond, messageBurst, idleTimeout, iceServers, tls, allowedOrigins, joinsPerAddress, joinWindow,
                turn, relayOnly);
    }

    public ServerConfig withPort(int port) {
        return new ServerConfig(host, port, webRoot, maxMessageBytes, maxQueuedMessages, maxConnectionsPerAddress,
                messagesPerSecond, messageBurst, idleTimeout, iceServers, tls, allowedOrigins, joinsPerAddress, joinWindow,
                turn, relayOnly);
    }

    public ServerConfig withWebRoot(String webRoot) {
        return new ServerConfig(host, port, webRoot, maxMessageBytes, maxQueuedMessages, maxConnectionsPerAddress,
                messagesPerSecond, messageBurst, idleTimeout, iceServers, tls, allowedOrigins, joinsPerAddress, joinWindow,
                turn, relayOnly);
    }

    public ServerConfig withMaxMessageBytes(int maxMessageBytes) {
        return new ServerConfig(host, port, webRoot, maxMessageBytes, maxQueuedMessages, maxConnectionsPerAddress,
                messagesPerSecond, messageBurst, idleTimeout, iceServers, tls, allowedOrigins, joinsPerAddress, joinWindow,
                turn, relayOnly);
    }

    public ServerConfig withMaxQueuedMessages(int maxQueuedMessages) {
        return new ServerConfig(host, port, webRoot, maxMessageBytes, maxQueuedMessages, maxConnectionsPerAddress,
                messagesPerSecond, messageBurst, idleTimeout, iceServers, tls, allowedOrigins, joinsPerAddress, joinWindow,
                turn, relayOnly);
    }

    public ServerConfig withMaxConnectionsPerAddress(int maxConnectionsPerAddress) {
        return new ServerConfig(host, port, webRoot, maxMessageBytes, maxQueuedMessages, maxConnectionsPerAddress,
                messagesPerSecond, messageBurst, idleTimeout, iceServers, tls, allowedOrigins, joinsPerAddress, joinWindow,
                turn, relayOnly);
    }

    public ServerConfig withRateLimit(int messagesPerSecond, int messageBurst) {
        return new ServerConfig(host, port, webRoot, maxMessageBytes, maxQueuedMessages, maxConnectionsPerAddress,
                messagesPerSecond, messageBurst, idleTimeout, iceServers, tls, allowedOrigins, joinsPerAddress, joinWindow,
                turn, relayOnly);
    }

    public ServerConfig withIdleTimeout(Duration idleTimeout) {
        return new ServerConfig(host, port, webRoot, maxMessageBytes, maxQueuedMessages, maxConnectionsPerAddress,
                messagesPerSecond, messageBurst, idleTimeout, iceServers, tls, allowedOrigins, joinsPerAddress, joinWindow,
                turn, relayOnly);
    }

    public ServerConfig withIceServers(List<IceServer> iceServers) {
        return new ServerConfig(host, port, webRoot, maxMessageBytes, maxQueuedMessages, maxConnectionsPerAddress,
                messagesPerSecond, messageBurst, idleTimeout, iceServers, tls, allowedOrigins, joinsPerAddress, joinWindow,
                turn, relayOnly);
    }

    /** Serves {@code https://} and {@code wss://} from this keystore; null goes back to plain {@code http://}. */
    public ServerConfig withTls(TlsKeystore tls) {
        return new ServerConfig(host, port, webRoot, maxMessageBytes, maxQueuedMessages, maxConnectionsPerAddress,
                messagesPerSecond, messageBurst, idleTimeout, iceServers, tls, allowedOrigins, joinsPerAddress, joinWindow,
                turn, relayOnly);
    }

    /**
     * Pages from these origins may open WebSockets too ({@code "*"}: any page, for a server whose pages are hosted
     * elsewhere). This server's own pages and clients that send no {@code Origin} are always allowed.
     *
     * @throws IllegalArgumentException for an entry that is neither {@code "*"} nor an {@code http(s)://host[:port]} origin
     */
    public ServerConfig withAllowedOrigins(List<String> allowedOrigins) {
        return new ServerConfig(host, port, webRoot, maxMessageBytes, maxQueuedMessages, maxConnectionsPerAddress,
                messagesPerSecond, messageBurst, idleTimeout, iceServers, tls, allowedOrigins, joinsPerAddress, joinWindow,
                turn, relayOnly);
    }

    /** At most {@code joins} room joins per {@code window} from one IP address; more are closed with 4008. */
    public ServerConfig withJoinLimit(int joins, Duration window) {
        return new ServerConfig(host, port, webRoot, maxMessageBytes, maxQueuedMessages, maxConnectionsPerAddress,
                messagesPerSecond, messageBurst, idleTimeout, iceServers, tls, allowedOrigins, joins, window,
                turn, relayOnly);
    }

    /**
     * Hands every joining client fresh credentials for this TURN relay (see {@link TurnCredentials}); null for none.
     * Static {@code iceServers} are still announced, before it.
     */
    public ServerConfig withTurn(TurnCredentials turn) {
        return new ServerConfig(host, port, webRoot, maxMessageBytes, maxQueuedMessages, maxConnectionsPerAddress,
                messagesPerSecond, messageBurst, idleTimeout, iceServers, tls, allowedOrigins, joinsPerAddress, joinWindow,
                turn, relayOnly);
    }

    /** Asks every roomcall.v1 client to use relayed (TURN) candidates only, or, with false, any candidates. */
    public ServerConfig withRelayOnly(boolean relayOnly) {
        return new ServerConfig(host, port, webRoot, maxMessageBytes, maxQueuedMessages, maxConnectionsPerAddress,
                messagesPerSecond, messageBurst, idleTimeout, iceServers, tls, allowedOrigins, joinsPerAddress, joinWindow,
                turn, relayOnly);
    }

    /** Whether clients are given a TURN server: a {@link #turn()} relay or a {@code turn:}/{@code turns:} ICE server. */
    public boolean offersTurn() {
        return turn != null || iceServers.stream().flatMap(s -> s.urls().stream()).anyMatch(url -> url.startsWith("turn"));
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }
}
