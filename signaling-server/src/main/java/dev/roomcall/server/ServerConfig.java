package dev.roomcall.server;

import dev.roomcall.server.sfu.SfuSettings;
import dev.roomcall.signaling.IceServer;
import dev.roomcall.signaling.IceServerRule;
import dev.roomcall.signaling.SignalCodec;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Everything a {@link SignalingServer} needs to know. Start from {@link #builder()} (the standalone
 * server's settings) and set what differs; the canonical constructor, which {@link Builder#build()}
 * calls, rejects nonsense early so a bad flag fails at startup rather than on the first call.
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
 * @param nodeName                 this node's name among several behind a load balancer, sent as the
 *                                 {@value #NODE_HEADER} header of every response so operators (and tests) see which
 *                                 node answered; null sends no such header
 * @param roomSize                 members a room holds ({@value #MIN_ROOM_SIZE}..{@value #MAX_ROOM_SIZE}); each connects
 *                                 to each other (a mesh), so every member sends its media roomSize - 1 times. A room
 *                                 with a demo page in it holds two whatever this says
 * @param sfu                      hands rooms that outgrow the mesh to Janus (they then hold its room size); null keeps
 *                                 every room a mesh of at most roomSize
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
        boolean relayOnly,
        String nodeName,
        int roomSize,
        SfuSettings sfu) {

    public static final String DEFAULT_HOST = "0.0.0.0";
    public static final int DEFAULT_PORT = 3000;
    /** Where the assets module puts the browser page on the classpath. */
    public static final String DEFAULT_WEB_ROOT = "roomcall-web";
    /** Joins an address may make per {@link #DEFAULT_JOIN_WINDOW}: plenty for people, hopeless for guessing codes. */
    public static final int DEFAULT_JOINS_PER_ADDRESS = 10;
    public static final Duration DEFAULT_JOIN_WINDOW = Duration.ofSeconds(10);
    /** The response header naming the node that answered (see {@link #nodeName()}). */
    public static final String NODE_HEADER = "Roomcall-Node";
    private static final java.util.regex.Pattern NODE_NAME = java.util.regex.Pattern.compile("[A-Za-z0-9._-]{1,64}");
    /** Four people in a mesh is what a laptop's uplink and encoder carry comfortably. */
    public static final int DEFAULT_ROOM_SIZE = 4;
    public static final int MIN_ROOM_SIZE = 2;
    public static final int MAX_ROOM_SIZE = 8;

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
        if (roomSize < MIN_ROOM_SIZE || roomSize > MAX_ROOM_SIZE) {
            throw new IllegalArgumentException(
                    "roomSize must be " + MIN_ROOM_SIZE + ".." + MAX_ROOM_SIZE + ", was " + roomSize);
        }
        if (joinWindow.isNegative() || joinWindow.toMillis() < 1) {
            throw new IllegalArgumentException("joinWindow must be at least 1 ms, was " + joinWindow);
        }
        if (nodeName != null && !NODE_NAME.matcher(nodeName).matches()) {
            throw new IllegalArgumentException("node name must be 1-64 characters from A-Z a-z 0-9 . _ -, was '"
                    + nodeName + "'");
        }
    }

    /** The standalone server's settings (see {@link Builder}); {@code builder().build()}. */
    public static ServerConfig defaults() {
        return builder().build();
    }

    /**
     * A builder holding the standalone server's settings: all interfaces, port 3000, the packaged page, no ICE
     * servers, plain HTTP, WebSockets only from its own pages and native clients, 10 joins per 10 s per address.
     */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration, to change a few settings of it. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.host = host;
        b.port = port;
        b.webRoot = webRoot;
        b.maxMessageBytes = maxMessageBytes;
        b.maxQueuedMessages = maxQueuedMessages;
        b.maxConnectionsPerAddress = maxConnectionsPerAddress;
        b.messagesPerSecond = messagesPerSecond;
        b.messageBurst = messageBurst;
        b.idleTimeout = idleTimeout;
        b.iceServers = iceServers;
        b.tls = tls;
        b.allowedOrigins = allowedOrigins;
        b.joinsPerAddress = joinsPerAddress;
        b.joinWindow = joinWindow;
        b.turn = turn;
        b.relayOnly = relayOnly;
        b.nodeName = nodeName;
        b.roomSize = roomSize;
        b.sfu = sfu;
        return b;
    }

    /** Whether the server speaks {@code https://} and {@code wss://}. */
    public boolean usesTls() {
        return tls != null;
    }

    /** Whether clients are given a TURN server: a {@link #turn()} relay or a {@code turn:}/{@code turns:} ICE server. */
    public boolean offersTurn() {
        return turn != null || iceServers.stream().flatMap(s -> s.urls().stream()).anyMatch(IceServerRule::isTurn);
    }

    private static void requirePositive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }

    /** Collects the settings of a {@link ServerConfig}; {@link #build()} checks them. Not thread-safe. */
    public static final class Builder {
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private String webRoot = DEFAULT_WEB_ROOT;
        private int maxMessageBytes = SignalCodec.MAX_MESSAGE_BYTES;
        private int maxQueuedMessages = 64;
        private int maxConnectionsPerAddress = 16;
        private int messagesPerSecond = 50;
        private int messageBurst = 100;
        private Duration idleTimeout = Duration.ofSeconds(60);
        private List<IceServer> iceServers = List.of();
        private TlsKeystore tls;
        private List<String> allowedOrigins = List.of();
        private int joinsPerAddress = DEFAULT_JOINS_PER_ADDRESS;
        private Duration joinWindow = DEFAULT_JOIN_WINDOW;
        private TurnCredentials turn;
        private boolean relayOnly;
        private String nodeName;
        private int roomSize = DEFAULT_ROOM_SIZE;
        private SfuSettings sfu;

        private Builder() {}

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder webRoot(String webRoot) {
            this.webRoot = webRoot;
            return this;
        }

        public Builder maxMessageBytes(int maxMessageBytes) {
            this.maxMessageBytes = maxMessageBytes;
            return this;
        }

        public Builder maxQueuedMessages(int maxQueuedMessages) {
            this.maxQueuedMessages = maxQueuedMessages;
            return this;
        }

        public Builder maxConnectionsPerAddress(int maxConnectionsPerAddress) {
            this.maxConnectionsPerAddress = maxConnectionsPerAddress;
            return this;
        }

        public Builder rateLimit(int messagesPerSecond, int messageBurst) {
            this.messagesPerSecond = messagesPerSecond;
            this.messageBurst = messageBurst;
            return this;
        }

        public Builder idleTimeout(Duration idleTimeout) {
            this.idleTimeout = idleTimeout;
            return this;
        }

        public Builder iceServers(List<IceServer> iceServers) {
            this.iceServers = iceServers;
            return this;
        }

        /** Serves {@code https://} and {@code wss://} from this keystore; null serves plain {@code http://}. */
        public Builder tls(TlsKeystore tls) {
            this.tls = tls;
            return this;
        }

        /**
         * Pages from these origins may open WebSockets too ({@code "*"}: any page, for a server whose pages are
         * hosted elsewhere). This server's own pages and clients that send no {@code Origin} are always allowed;
         * {@link #build()} refuses an entry that is neither {@code "*"} nor an {@code http(s)://host[:port]} origin.
         */
        public Builder allowedOrigins(List<String> allowedOrigins) {
            this.allowedOrigins = allowedOrigins;
            return this;
        }

        /** At most {@code joins} room joins per {@code window} from one IP address; more are closed with 4008. */
        public Builder joinLimit(int joins, Duration window) {
            this.joinsPerAddress = joins;
            this.joinWindow = window;
            return this;
        }

        /**
         * Hands every joining client fresh credentials for this TURN relay (see {@link TurnCredentials}); null for
         * none. Static {@code iceServers} are still announced, before it.
         */
        public Builder turn(TurnCredentials turn) {
            this.turn = turn;
            return this;
        }

        /** Asks every roomcall.v1 client to use relayed (TURN) candidates only, or, with false, any candidates. */
        public Builder relayOnly(boolean relayOnly) {
            this.relayOnly = relayOnly;
            return this;
        }

        /** Names this node in the {@value ServerConfig#NODE_HEADER} response header; null for no header. */
        public Builder nodeName(String nodeName) {
            this.nodeName = nodeName;
            return this;
        }

        /** At most this many members per room, {@value #MIN_ROOM_SIZE}..{@value #MAX_ROOM_SIZE}. */
        public Builder roomSize(int roomSize) {
            this.roomSize = roomSize;
            return this;
        }

        /** @throws IllegalArgumentException naming the first setting that makes no sense */
        /** Rooms that outgrow the mesh move to Janus; null (the default) keeps every room a mesh. */
        public Builder sfu(SfuSettings sfu) {
            this.sfu = sfu;
            return this;
        }

        public ServerConfig build() {
            return new ServerConfig(host, port, webRoot, maxMessageBytes, maxQueuedMessages, maxConnectionsPerAddress,
                    messagesPerSecond, messageBurst, idleTimeout, iceServers, tls, allowedOrigins, joinsPerAddress,
                    joinWindow, turn, relayOnly, nodeName, roomSize, sfu);
        }
    }
}
