package dev.roomcall.bench.relay;

import dev.roomcall.server.ServerConfig;
import dev.roomcall.server.SignalingServer;
import java.time.Duration;

/**
 * Roomcall's SignalingServer alone in a JVM, for the relay benchmark: loopback only, and with the per-connection
 * rate limit, the per-address connection limit and the per-address join limit lifted, since a load generator is one
 * address (or a few) opening and sending far more than any person would. Everything else is the standalone
 * server's default.
 *
 * <p>Usage: {@code java [the unit's JVM options] -cp … RoomcallRelayMain [port]}; prints {@code LISTENING <port>}.
 */
public final class RoomcallRelayMain {

    private RoomcallRelayMain() {}

    public static void main(String[] args) throws Exception {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 0;
        ServerConfig config = ServerConfig.builder()
                .host("127.0.0.1")
                .port(port)
                .maxConnectionsPerAddress(1_000_000)
                .rateLimit(1_000_000, 1_000_000)
                .joinLimit(1_000_000, Duration.ofSeconds(1))
                .build();
        SignalingServer server = SignalingServer.start(config);
        System.out.println("LISTENING " + server.port());
        System.out.flush();
        server.join();
    }
}
