package dev.roomcall.server;

import dev.roomcall.server.cli.IceServerOptions;
import dev.roomcall.server.cli.SfuOptions;
import dev.roomcall.signaling.IceServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** Runs the signaling server on its own: {@code java -jar roomcall-server.jar --port 3000}. Stops on SIGTERM/Ctrl-C. */
@Command(name = "roomcall-server", mixinStandardHelpOptions = true, version = "Roomcall signaling server",
        description = "Serves the Roomcall browser page and relays WebRTC signaling between the two members of each room.",
        sortOptions = false)
public final class ServerMain implements Callable<Integer> {

    private static final Pattern JOIN_LIMIT = Pattern.compile("(\\d{1,9})/(\\d{1,9})");

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + ServerConfig.DEFAULT_PORT,
            description = "TCP port for the page and WebSockets; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "H", defaultValue = ServerConfig.DEFAULT_HOST,
            description = "Interface to listen on; 127.0.0.1 keeps it local (default: ${DEFAULT-VALUE}, all interfaces).")
    String host;

    /** Announced to every client, before the {@link #turn} relay's fresh credentials. */
    @Mixin
    IceServerOptions iceServers = new IceServerOptions();

    @Mixin
    SfuOptions sfu = new SfuOptions();

    @ArgGroup(exclusive = false, multiplicity = "0..1",
            heading = "%nA TURN relay sharing a secret with this server (coturn's use-auth-secret):%n")
    Turn turn;

    @Option(names = "--relay-only",
            description = "Ask every client to use relayed (TURN) connections only, so neither person learns the other's "
                    + "addresses. Needs a TURN server (--turn-url or a turn: --ice-server).")
    boolean relayOnly;

    @Option(names = "--room-size", paramLabel = "N", defaultValue = "" + ServerConfig.DEFAULT_ROOM_SIZE,
            description = "People per room, 2-8 (default: ${DEFAULT-VALUE}). Each sends its video to every other, so "
                    + "more people need more upload bandwidth. A room with a demo page in it holds two.")
    int roomSize;

    /** Short-lived credentials for one relay, computed per join from the secret coturn also knows. */
    static final class Turn {
        @Option(names = "--turn-url", paramLabel = "URL", required = true,
                description = "turn: or turns: URL of the relay, e.g. turn:turn.example.org:3478?transport=udp; repeatable "
                        + "(all URLs of one coturn).")
        List<String> urls = new ArrayList<>();

        @Option(names = "--turn-secret-file", paramLabel = "FILE", required = true,
                description = "File holding coturn's static-auth-secret: its first line, or its static-auth-secret= line, "
                        + "so coturn's own turnserver.conf will do.")
        Path secretFile;

        @Option(names = "--turn-ttl", paramLabel = "DURATION", defaultValue = "12h", converter = DurationConverter.class,
                description = "How long each credential is valid, e.g. 30m, 12h, 1d (default: ${DEFAULT-VALUE}). A call "
                        + "longer than this loses the relay when it next refreshes.")
        Duration ttl;
    }

    @ArgGroup(exclusive = true, multiplicity = "0..1")
    Tls tls;

    /** Either a keystore someone made (a real certificate) or a self-signed one this server makes and keeps. */
    static final class Tls {
        @ArgGroup(exclusive = false, multiplicity = "1")
        Keystore keystore;

        @Option(names = "--self-signed", paramLabel = "DIR", required = true,
                description = "Serve https/wss with a self-signed certificate kept in DIR (made on first start, "
                        + "reused after; browsers warn once, compare the printed fingerprint).")
        Path selfSignedDirectory;
    }

    static final class Keystore {
        @Option(names = "--tls-keystore", paramLabel = "PATH", required = true,
                description = "Serve https/wss with the certificate and key in this PKCS12 file.")
        Path path;

        @Option(names = "--tls-password-file", paramLabel = "FILE", required = true,
                description = "File whose first line is the keystore password (kept off the command line, "
                        + "where other users could read it).")
        Path passwordFile;
    }

    @Option(names = "--allow-origin", paramLabel = "ORIGIN",
            description = "A web origin, e.g. https://call.example.org, whose pages may connect besides this server's "
                    + "own; '*' allows any page; repeatable.")
    List<String> allowedOrigins = new ArrayList<>();

    @Option(names = "--trusted-proxy", paramLabel = "ADDRESS/CIDR",
            description = "A reverse proxy (address or CIDR block) whose X-Forwarded-For header names the client for the "
                    + "per-address limits; anyone else's is ignored; repeatable (default: none).")
    List<String> trustedProxies = new ArrayList<>();

    @Option(names = "--join-limit", paramLabel = "JOINS/SECONDS", defaultValue = "10/10",
            description = "Room joins one IP address may make per period, so room codes cannot be guessed "
                    + "(default: ${DEFAULT-VALUE}).")
    String joinLimit;

    @Option(names = "--connections-per-address", paramLabel = "N", defaultValue = "16",
            description = "WebSocket connections one IP address may hold at once (default: ${DEFAULT-VALUE}).")
    int connectionsPerAddress;

    @Option(names = "--node-name", paramLabel = "NAME",
            description = "This node's name among several behind a load balancer, sent in the Roomcall-Node header of "
                    + "every response (default: no header).")
    String nodeName;

    @Option(names = "--drain-notice", paramLabel = "DURATION", defaultValue = "2s", converter = DurationConverter.class,
            description = "On SIGTERM, how long /healthz answers 503 and joins are refused before members are asked to "
                    + "reconnect elsewhere (1012); longer than the load balancer needs to see it (default: ${DEFAULT-VALUE}).")
    Duration drainNotice;

    @Option(names = "--drain-timeout", paramLabel = "DURATION", defaultValue = "30s", converter = DurationConverter.class,
            description = "On SIGTERM, stop at the latest this long after the signal, even if members are left "
                    + "(default: ${DEFAULT-VALUE}).")
    Duration drainTimeout;

    @Option(names = "--print-turn-credentials",
            description = "Print one set of TURN credentials, as a joining client would get them, and exit without "
                    + "serving: for checking the relay with turnutils_uclient (see docs/deploy.md).")
    boolean printTurnCredentials;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        configureSimpleLogger();
        int exitCode = new CommandLine(new ServerMain()).execute(args);
        // On success the server ran until a signal; the JVM is already shutting down then.
        if (exitCode != 0) {
            System.exit(exitCode);
        }
    }

    @Override
    public Integer call() throws InterruptedException {
        if (printTurnCredentials) {
            return printTurnCredentials();
        }
        SignalingServer server = start();
        if (server == null) {
            return 1;
        }
        // SIGTERM (systemctl stop, a rolling upgrade) and Ctrl-C drain the node: its members move to the others.
        Duration notice = drainNotice;
        Duration timeout = drainTimeout;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> server.drain(notice, timeout), "roomcall-server-drain"));
        server.join();
        return 0;
    }

    /** What a joining client would get for the TURN relay: one short-lived username and credential, not the secret. */
    private int printTurnCredentials() {
        ServerConfig config = config();
        if (config.turn() == null) {
            throw new ParameterException(spec.commandLine(), "--print-turn-credentials needs --turn-url and --turn-secret-file");
        }
        Instant now = Instant.now();
        IceServer issued = config.turn().issue(now);
        PrintWriter out = spec.commandLine().getOut();
        out.println("urls: " + String.join(" ", issued.urls()));
        out.println("username: " + issued.username());
        out.println("credential: " + issued.credential());
        out.println("valid until: " + now.plus(config.turn().ttl()).truncatedTo(ChronoUnit.SECONDS));
        out.flush();
        return 0;
    }

    private TrustedProxies trustedProxies() {
        try {
            return TrustedProxies.of(trustedProxies);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--trusted-proxy: " + e.getMessage());
        }
    }

    /** Starts the server as the options say and prints where to reach it; null, after saying why, if it cannot. */
    SignalingServer start() {
        ServerConfig config = config();
        String fingerprint = null;
        if (tls != null && tls.selfSignedDirectory != null) {
            try {
                SelfSignedCertificate certificate = SelfSignedCertificate.loadOrCreate(tls.selfSignedDirectory,
                        config.host().equals(ServerConfig.DEFAULT_HOST) ? networkAddresses() : List.of(config.host()));
                config = config.toBuilder().tls(certificate.keystore()).build();
                fingerprint = certificate.sha256Fingerprint();
            } catch (IOException | RuntimeException e) {
                spec.commandLine().getErr().println("roomcall-server: cannot make or read the self-signed certificate in "
                        + tls.selfSignedDirectory + ": " + e.getMessage());
                return null;
            }
        }
        SignalingServer server;
        try {
            server = SignalingServer.start(config, SignalingServer.PlainHttp.REFUSED, trustedProxies());
        } catch (IOException e) {
            spec.commandLine().getErr().println("roomcall-server: cannot listen on " + config.host() + ":" + config.port()
                    + ": " + e.getMessage());
            return null;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("Roomcall server listening on " + config.host() + ":" + server.port());
        out.println("  page:      " + server.httpUri());
        if (config.host().equals(ServerConfig.DEFAULT_HOST)) {
            // What to send to someone on another machine; the loopback URL only works here.
            for (String address : networkAddresses()) {
                out.println("             " + server.httpUri().getScheme() + "://" + address + ":" + server.port() + "/");
            }
        }
        out.println("  signaling: " + server.uri() + "ROOM");
        for (IceServer ice : config.iceServers()) {
            out.println("  ICE server: " + String.join(" ", ice.urls()) + (ice.username() != null ? " (with credentials)" : ""));
        }
        if (config.turn() != null) {
            out.println("  TURN relay: " + String.join(" ", config.turn().urls()) + " (credentials per join, valid "
                    + config.turn().ttl().toString().substring(2).toLowerCase(java.util.Locale.ROOT) + ")");
        }
        if (config.sfu() != null) {
            out.println("  large rooms: more than " + config.sfu().sfuFrom() + " people go to Janus at " + config.sfu().janus()
                    + " (members reach it at " + config.sfu().publicUrl() + "), up to " + config.sfu().roomSize() + " per room");
        }
        if (config.relayOnly()) {
            out.println("  ICE policy: relay only (clients use TURN relays, never direct connections)");
        }
        if (fingerprint != null) {
            out.println("  certificate (self-signed) SHA-256: " + fingerprint);
            out.println("             browsers warn about it once; compare this fingerprint with what they show");
        }
        out.flush();
        return server;
    }

    /** IPv4 addresses of this machine's active non-loopback interfaces, e.g. its LAN address. */
    private static List<String> networkAddresses() {
        List<String> addresses = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (!nic.isUp() || nic.isLoopback()) {
                    continue;
                }
                for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                    if (address instanceof Inet4Address) {
                        addresses.add(address.getHostAddress());
                    }
                }
            }
        } catch (SocketException e) {
            // Only a convenience for the startup message; the server runs regardless.
        }
        return addresses;
    }

    /** The options as a server configuration; a value the server would refuse is a usage error. */
    ServerConfig config() {
        try {
            ServerConfig.Builder builder = ServerConfig.builder().host(host).port(port).iceServers(iceServers.servers())
                    .allowedOrigins(allowedOrigins).relayOnly(relayOnly).nodeName(nodeName).roomSize(roomSize)
                    .maxConnectionsPerAddress(connectionsPerAddress).sfu(sfu.settings(roomSize));
            if (drainNotice.compareTo(drainTimeout) > 0) {
                throw new IllegalArgumentException("--drain-notice " + drainNotice + " is longer than --drain-timeout "
                        + drainTimeout);
            }
            if (turn != null) {
                builder.turn(new TurnCredentials(turn.urls, secret(turn.secretFile), turn.ttl));
            }
            java.util.regex.Matcher limit = JOIN_LIMIT.matcher(joinLimit);
            if (!limit.matches()) {
                throw new IllegalArgumentException("--join-limit is JOINS/SECONDS, e.g. 10/10, was '" + joinLimit + "'");
            }
            builder.joinLimit(Integer.parseInt(limit.group(1)), Duration.ofSeconds(Long.parseLong(limit.group(2))));
            if (tls != null && tls.keystore != null) {
                builder.tls(TlsKeystore.withPasswordFile(tls.keystore.path, tls.keystore.passwordFile));
            }
            ServerConfig config = builder.build();
            if (relayOnly && !config.offersTurn()) {
                throw new IllegalArgumentException("--relay-only needs a TURN server: --turn-url with --turn-secret-file, "
                        + "or a turn: --ice-server with --ice-username and a credential");
            }
            return config;
        } catch (IOException e) {
            throw new ParameterException(spec.commandLine(), "cannot read --tls-password-file: " + e.getMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private static String secret(Path file) {
        try {
            return TurnCredentials.readSecret(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read --turn-secret-file: " + e.getMessage(), e);
        }
    }

    /** {@code 90s}, {@code 30m}, {@code 12h}, {@code 1d}, or ISO-8601 such as {@code PT12H}. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        private static final Pattern SHORT = Pattern.compile("(\\d{1,9})([smhd])");

        @Override
        public Duration convert(String value) {
            java.util.regex.Matcher shortForm = SHORT.matcher(value.trim());
            if (shortForm.matches()) {
                long amount = Long.parseLong(shortForm.group(1));
                switch (shortForm.group(2)) {
                    case "s":
                        return Duration.ofSeconds(amount);
                    case "m":
                        return Duration.ofMinutes(amount);
                    case "h":
                        return Duration.ofHours(amount);
                    default:
                        return Duration.ofDays(amount);
                }
            }
            try {
                return Duration.parse(value.trim());
            } catch (DateTimeParseException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a duration; use e.g. 30m, 12h or 1d");
            }
        }
    }

    /**
     * Defaults for the slf4j-simple binding bundled in the standalone jar: timestamps, short logger
     * names, Jetty's startup chatter silenced. Any -D given on the command line wins.
     */
    private static void configureSimpleLogger() {
        setIfAbsent("org.slf4j.simpleLogger.showDateTime", "true");
        setIfAbsent("org.slf4j.simpleLogger.dateTimeFormat", "yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
        setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
        setIfAbsent("org.slf4j.simpleLogger.showShortLogName", "true");
        setIfAbsent("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
