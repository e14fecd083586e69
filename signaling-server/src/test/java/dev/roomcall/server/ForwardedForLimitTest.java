package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.signaling.Protocol;
import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * A real server behind a (pretend) reverse proxy: the join limit counts the client named in X-Forwarded-For only
 * when the connection comes from a configured trusted proxy; a header from anyone else is ignored.
 */
class ForwardedForLimitTest {

    private SignalingServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void start(List<String> trusted) throws Exception {
        server = SignalingServer.start(ServerTestSupport.testConfig().joinLimit(1, Duration.ofMinutes(10)).build(),
                SignalingServer.PlainHttp.REFUSED, TrustedProxies.of(trusted));
    }

    @Test
    void behindATrustedProxyEachForwardedClientHasItsOwnAllowance() throws Exception {
        start(List.of("127.0.0.0/8"));

        assertEquals("joined", join("/room-a", "192.0.2.1"));
        assertEquals("joined", join("/room-b", "192.0.2.2"));
        assertEquals("closed " + Protocol.CLOSE_LIMIT, join("/room-c", "192.0.2.1"), "192.0.2.1 used its one join");
        assertEquals("closed " + Protocol.CLOSE_LIMIT, join("/room-d", "198.51.100.7, 192.0.2.2"),
                "what the client wrote left of the proxy's entry is not believed");
    }

    @Test
    void aForgedHeaderFromAnUntrustedPeerIsIgnored() throws Exception {
        start(List.of());

        assertEquals("joined", join("/room-a", "192.0.2.1"));
        assertEquals("closed " + Protocol.CLOSE_LIMIT, join("/room-b", "192.0.2.2"),
                "both came from 127.0.0.1, whatever they claim");
    }

    @Test
    void aHeaderFromAPeerOutsideTheTrustedBlocksIsIgnored() throws Exception {
        start(List.of("10.0.0.0/8", "fd00::/8"));

        assertEquals("joined", join("/room-a", "192.0.2.1"));
        assertEquals("closed " + Protocol.CLOSE_LIMIT, join("/room-b", "192.0.2.2"));
    }

    @Test
    void theStandaloneServerTakesTrustedProxiesFromItsCommandLine() throws Exception {
        ServerMain main = new ServerMain();
        CommandLine command = new CommandLine(main);
        command.setOut(new PrintWriter(new ByteArrayOutputStream(), true));
        command.parseArgs("--host", "127.0.0.1", "--port", "0", "--join-limit", "1/600",
                "--trusted-proxy", "127.0.0.1", "--trusted-proxy", "10.0.0.0/8");
        server = main.start();

        assertEquals("joined", join("/room-a", "192.0.2.1"));
        assertEquals("joined", join("/room-b", "192.0.2.2"));
    }

    @Test
    void aTrustedProxyThatIsNoAddressIsAUsageErrorNamingIt() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        CommandLine command = new CommandLine(new ServerMain());
        command.setErr(new PrintWriter(err, true));

        int exit = command.execute("--host", "127.0.0.1", "--port", "0", "--trusted-proxy", "proxy.example.org");

        assertEquals(CommandLine.ExitCode.USAGE, exit);
        assertTrue(err.toString().contains("--trusted-proxy") && err.toString().contains("proxy.example.org"),
                err.toString());
    }

    /** "joined" if the server let this connection into its room, "closed CODE" if it closed it first. */
    private String join(String path, String forwardedFor) throws Exception {
        CompletableFuture<String> outcome = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols(Protocol.SUBPROTOCOL)
                .header(TrustedProxies.X_FORWARDED_FOR, forwardedFor)
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + path), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        if (data.toString().contains("\"joined\"")) {
                            outcome.complete("joined");
                        }
                        webSocket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        outcome.complete("closed " + statusCode);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        String result = outcome.get(10, TimeUnit.SECONDS);
        socket.abort();
        return result;
    }
}
