package dev.roomcall.server;

import dev.roomcall.server.sfu.JanusRooms;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.time.Duration;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.server.DetectorConnectionFactory;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Roomcall server on one port: {@code GET /} serves the browser page, a WebSocket upgrade on
 * {@code /ROOM} (or {@code /?room=ROOM}, or {@code /} for the room "default") joins a room of two
 * and relays signaling between its members. The app embeds it; {@link ServerMain} runs it alone.
 * With {@link ServerConfig#tls()} the port speaks only TLS ({@code https://}, {@code wss://}), or TLS and, for
 * this machine only, plain http ({@link PlainHttp#LOOPBACK_ONLY}, the app's built-in server).
 *
 * <pre>{@code
 * try (SignalingServer server = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0).build())) {
 *     URI signaling = server.uri();   // ws://127.0.0.1:54321/
 *     ...
 * }
 * }</pre>
 */
public final class SignalingServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SignalingServer.class);

    /** Generous for two members per room; far below Jetty's default of 200 so an embedded server stays light. */
    private static final int MAX_THREADS = 32;
    /** A reader that stopped reading gets disconnected rather than buffering without bound. */
    private static final int MAX_OUTGOING_FRAMES = 1024;
    private static final Duration DRAIN_POLL = Duration.ofMillis(50);

    /**
     * What a TLS port does with a client that does not begin with a TLS handshake. Without TLS configured there is
     * only plain http, and this does not matter.
     */
    public enum PlainHttp {
        /** The port speaks TLS only (the standalone server). */
        REFUSED,
        /**
         * Plain {@code http://} and {@code ws://} are served to this machine (loopback addresses) on the same port,
         * where no network attacker can see them: the app's built-in server keeps working for a browser on the same
         * computer without a certificate warning. A plain request from anywhere else is redirected to
         * {@code https://} (308), so a typed {@code http://} LAN address still arrives at the secure page.
         */
        LOOPBACK_ONLY
    }

    private final ServerConfig config;
    private final Server jetty;
    private final int port;
    private final Heartbeat heartbeat;
    private final Rooms rooms;

    private SignalingServer(ServerConfig config, Server jetty, int port, Heartbeat heartbeat, Rooms rooms) {
        this.config = config;
        this.jetty = jetty;
        this.port = port;
        this.heartbeat = heartbeat;
        this.rooms = rooms;
    }

    /**
     * Binds and starts a server.
     *
     * @throws IOException if the address cannot be bound (port in use, unknown host)
     */
    public static SignalingServer start(ServerConfig config) throws IOException {
        return start(config, PlainHttp.REFUSED);
    }

    /**
     * Binds and starts a server; with TLS configured, {@code plainHttp} says whether loopback clients may also use
     * plain http on the same port.
     *
     * @throws IOException if the address cannot be bound (port in use, unknown host)
     */
    public static SignalingServer start(ServerConfig config, PlainHttp plainHttp) throws IOException {
        return start(config, plainHttp, TrustedProxies.NONE);
    }

    /**
     * Binds and starts a server whose per-address limits believe {@code X-Forwarded-For} from these proxies only.
     *
     * @throws IOException if the address cannot be bound (port in use, unknown host)
     */
    static SignalingServer start(ServerConfig config, PlainHttp plainHttp, TrustedProxies proxies) throws IOException {
        if (config.usesTls() && !Files.isReadable(config.tls().path())) {
            // Jetty would only say "no such file" deep inside its start-up; say which file and why it matters.
            throw new IOException("cannot read the TLS keystore " + config.tls().path());
        }
        return start(config, SignalingServer.class.getClassLoader(), plainHttp, proxies);
    }

    /** @param pageLoader where {@link ServerConfig#webRoot()} is looked up; tests pass their own jar */
    static SignalingServer start(ServerConfig config, ClassLoader pageLoader) throws IOException {
        return start(config, pageLoader, PlainHttp.REFUSED, TrustedProxies.NONE);
    }

    private static SignalingServer start(ServerConfig config, ClassLoader pageLoader, PlainHttp plainHttp,
                                         TrustedProxies proxies) throws IOException {
        boolean unified = config.usesTls() && plainHttp == PlainHttp.LOOPBACK_ONLY;
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 2);
        threads.setName("roomcall-server");
        Server jetty = new Server(threads);
        jetty.setErrorHandler(new SecureErrorHandler());
        ServerConnector connector = connector(jetty, config, unified);
        Rooms rooms = new Rooms(config.maxQueuedMessages(), config.roomSize(), config.iceServers(), config.turn(),
                config.relayOnly(), config.sfu() == null ? null : new JanusRooms(config.sfu()));
        Heartbeat heartbeat = new Heartbeat(config.idleTimeout());
        EndpointFactory endpoints = new EndpointFactory(config, rooms, new AddressLimiter(config.maxConnectionsPerAddress()),
                new JoinLimiter(config.joinsPerAddress(), config.joinWindow()), heartbeat, proxies);
        Handler handlers = new HealthHandler(handlers(jetty, config, endpoints, pageLoader), rooms::isAccepting,
                config.nodeName());
        jetty.setHandler(unified ? new PlainOnlyFromLoopback(handlers) : handlers);
        try {
            jetty.start();
        } catch (Exception e) {
            heartbeat.close();
            stopQuietly(jetty);
            rooms.closeSfu();
            if (e instanceof IOException) {
                throw (IOException) e;
            }
            throw new IOException("cannot start the signaling server on " + config.host() + ":" + config.port()
                    + ": " + e.getMessage(), e);
        }
        SignalingServer server = new SignalingServer(config, jetty, connector.getLocalPort(), heartbeat, rooms);
        LOG.info("event=start host={} port={} scheme={} trustedProxies=\"{}\"", config.host(), server.port(),
                unified ? "https+loopback-http" : config.usesTls() ? "https" : "http", proxies);
        return server;
    }

    private static ServerConnector connector(Server jetty, ServerConfig config, boolean unified) {
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        ServerConnector connector;
        if (config.usesTls()) {
            SecureRequestCustomizer secure = new SecureRequestCustomizer();
            // People reach a LAN server by whatever address works (IP, .local name); the certificate cannot name
            // them all, and the browser has judged the certificate already.
            secure.setSniHostCheck(false);
            // HSTS comes from SecurityHeaders, on https answers only.
            secure.setStsMaxAge(-1);
            http.addCustomizer(secure);
            SslConnectionFactory ssl = new SslConnectionFactory(ServerTls.contextFactory(config.tls()),
                    HttpVersion.HTTP_1_1.asString());
            // Port unification: the detector looks at the first bytes; a TLS handshake goes to TLS, anything else
            // straight to HTTP, where PlainOnlyFromLoopback decides who may stay.
            connector = unified
                    ? new ServerConnector(jetty, new DetectorConnectionFactory(ssl), new HttpConnectionFactory(http))
                    : new ServerConnector(jetty, ssl, new HttpConnectionFactory(http));
        } else {
            connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        }
        // After SecureRequestCustomizer, which tells it whether the request is https.
        http.addCustomizer(new SecurityHeadersCustomizer(
                config.sfu() == null ? null : SecurityHeaders.originOf(config.sfu().publicUrl())));
        connector.setHost(config.host());
        connector.setPort(config.port());
        jetty.addConnector(connector);
        return connector;
    }

    /** One context at "/": WebSocket upgrades go to the rooms, every other request to the page. */
    private static Handler handlers(Server jetty, ServerConfig config, EndpointFactory endpoints, ClassLoader pageLoader) {
        ContextHandler context = new ContextHandler("/");
        StaticPage.declareUtf8Text(context.getMimeTypes());
        WebSocketUpgradeHandler webSockets = WebSocketUpgradeHandler.from(jetty, context, container -> {
            container.setMaxTextMessageSize(config.maxMessageBytes());
            container.setMaxBinaryMessageSize(config.maxMessageBytes());
            container.setMaxFrameSize(config.maxMessageBytes());
            // Dead peers are found by the heartbeat; Jetty's timeout is only the backstop.
            container.setIdleTimeout(config.idleTimeout().multipliedBy(2));
            container.setMaxOutgoingFrames(MAX_OUTGOING_FRAMES);
            container.addMapping("/*", endpoints);
        });
        Handler page = StaticPage.handler(jetty, config.webRoot(), pageLoader);
        if (page != null) {
            webSockets.setHandler(page);
        }
        context.setHandler(webSockets);
        return context;
    }

    /** The bound port: the configured one, or the one the system picked for port 0. */
    public int port() {
        return port;
    }

    /** Base WebSocket URI, e.g. {@code ws://127.0.0.1:3000/} ({@code wss://} with TLS); append a room name to join it. */
    public URI uri() {
        return URI.create((config.usesTls() ? "wss" : "ws") + "://" + hostForUri() + ":" + port() + "/");
    }

    /** Where a browser loads the page, e.g. {@code http://127.0.0.1:3000/} ({@code https://} with TLS). */
    public URI httpUri() {
        return URI.create((config.usesTls() ? "https" : "http") + "://" + hostForUri() + ":" + port() + "/");
    }

    public ServerConfig config() {
        return config;
    }

    /** Blocks until the server has stopped (see {@link #close()}). */
    public void join() throws InterruptedException {
        jetty.join();
    }

    /** Stops the server; open WebSockets are closed with 1001. Safe to call more than once. */
    @Override
    public void close() {
        heartbeat.close();
        if (jetty.isStopped()) {
            return;
        }
        // Stopping closes every socket one by one; the people in a call are still talking to each
        // other (media is peer to peer), so nobody may be told the other one left.
        rooms.shutDown();
        stopQuietly(jetty);
        // After the members left: their rooms on the media server are destroyed on the way out.
        rooms.closeSfu();
        LOG.info("event=stop port={}", port);
    }

    /**
     * Drains this node and then stops it (what SIGTERM does to the standalone server): joins are refused at once
     * (1013, and {@code /healthz} answers 503); after {@code notice}, long enough for the load balancer's health
     * check to see that, every member is asked to reconnect (1012), so it lands on a live node; the server stops when
     * the last one has gone or {@code timeout} after the start, whichever comes first. A node without members stops
     * at once. Blocks until stopped.
     */
    public void drain(Duration notice, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        rooms.stopAccepting();
        LOG.info("event=drain phase=refusing-joins members={} notice={}", rooms.memberCount(), notice);
        try {
            long noticeEnd = Math.min(deadline, System.nanoTime() + notice.toNanos());
            // Nobody to tell: nothing is gained by waiting (a join reaching a stopped node is retried elsewhere).
            while (rooms.memberCount() > 0 && System.nanoTime() < noticeEnd) {
                sleepUntil(Math.min(noticeEnd, System.nanoTime() + DRAIN_POLL.toNanos()));
            }
            int asked = rooms.moveEveryone();
            LOG.info("event=drain phase=moving-members members={}", asked);
            while (rooms.memberCount() > 0 && System.nanoTime() < deadline) {
                sleepUntil(Math.min(deadline, System.nanoTime() + DRAIN_POLL.toNanos()));
                rooms.moveEveryone(); // a join that raced the refusal is asked too
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        LOG.info("event=drain phase=stopping members-left={}", rooms.memberCount());
        close();
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long wait = nanoTime - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }

    /** Rooms with at least one member; lets tests wait until a departure has been processed. */
    int activeRooms() {
        return rooms.roomCount();
    }

    /** Messages queued for next joiners; lets tests wait until the server has taken them in. */
    int queuedMessages() {
        return rooms.queuedCount();
    }

    /** Connections that are members of a room. */
    int activeMembers() {
        return rooms.memberCount();
    }

    /** A wildcard bind is reachable on loopback; anything else is used as given. */
    private String hostForUri() {
        String host = config.host();
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("0:0:0:0:0:0:0:0")) {
            return "127.0.0.1";
        }
        return host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host;
    }

    /** On a unified port: plain requests from loopback pass, plain ones from elsewhere are sent to https. */
    private static final class PlainOnlyFromLoopback extends Handler.Wrapper {
        PlainOnlyFromLoopback(Handler handler) {
            super(handler);
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            if (request.isSecure() || isLoopback(request.getConnectionMetaData().getRemoteSocketAddress())) {
                return super.handle(request, response, callback);
            }
            String secure = HttpURI.build(request.getHttpURI()).scheme("https").asString();
            Response.sendRedirect(request, response, callback, HttpStatus.PERMANENT_REDIRECT_308, secure, false);
            return true;
        }

        private static boolean isLoopback(SocketAddress remote) {
            return remote instanceof InetSocketAddress address && address.getAddress() != null
                    && address.getAddress().isLoopbackAddress();
        }
    }

    private static void stopQuietly(Server jetty) {
        try {
            jetty.stop();
        } catch (Exception e) {
            LOG.warn("event=stop-failed error={}", e.toString());
        }
    }
}
