package dev.roomcall.server;

import dev.roomcall.signaling.IceServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Runs the signaling server on its own: {@code java -jar roomcall-server.jar --port 3000}. Stops on SIGTERM/Ctrl-C. */
@Command(name = "roomcall-server", mixinStandardHelpOptions = true, version = "Roomcall signaling server",
        description = "Serves the Roomcall browser page and relays WebRTC signaling between the two members of each room.",
        sortOptions = false)
public final class ServerMain implements Callable<Integer> {

    private static final Pattern ICE_URL = Pattern.compile("(stun|stuns|turn|turns):\\S+");

    @Option(names = "--port", paramLabel = "N", defaultValue = "" + ServerConfig.DEFAULT_PORT,
            description = "TCP port for the page and WebSockets; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--host", paramLabel = "H", defaultValue = ServerConfig.DEFAULT_HOST,
            description = "Interface to listen on; 127.0.0.1 keeps it local (default: ${DEFAULT-VALUE}, all interfaces).")
    String host;

    @Option(names = "--ice-server", paramLabel = "URL",
            description = "STUN or TURN URL announced to Roomcall clients, e.g. stun:stun.example.org:3478; repeatable.")
    List<String> iceServers = new ArrayList<>();

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
        ServerConfig config = config();
        SignalingServer server;
        try {
            server = SignalingServer.start(config);
        } catch (IOException e) {
            spec.commandLine().getErr().println("roomcall-server: cannot listen on " + config.host() + ":" + config.port()
                    + ": " + e.getMessage());
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "roomcall-server-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("Roomcall server listening on " + config.host() + ":" + server.port());
        out.println("  page:      " + server.httpUri());
        if (config.host().equals(ServerConfig.DEFAULT_HOST)) {
            // What to send to someone on another machine; the loopback URL only works here.
            for (String address : networkAddresses()) {
                out.println("             http://" + address + ":" + server.port() + "/");
            }
        }
        out.println("  signaling: " + server.uri() + "ROOM");
        out.flush();
        server.join();
        return 0;
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
            List<IceServer> servers = new ArrayList<>();
            for (String url : iceServers) {
                // A browser rejects the whole RTCPeerConnection config over one bad URL; refuse it here instead.
                if (!ICE_URL.matcher(url).matches()) {
                    throw new IllegalArgumentException("--ice-server must be a stun:, stuns:, turn: or turns: URL, was '" + url + "'");
                }
                servers.add(new IceServer(List.of(url), null, null));
            }
            return ServerConfig.defaults().withHost(host).withPort(port).withIceServers(servers);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
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
