package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.signaling.Protocol;
import dev.roomcall.testkit.ListeningProcess;
import dev.roomcall.testkit.NetworkLab;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The app's built-in server: one port that speaks TLS to everyone and, to this machine only, plain http too
 * ({@link SignalingServer.PlainHttp#LOOPBACK_ONLY}); plain requests from other addresses are sent to https.
 */
class PlainLoopbackTest {

    @TempDir
    Path configDir;

    private SignalingServer server;
    private SelfSignedCertificate certificate;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private void startUnified(String host) throws IOException {
        certificate = SelfSignedCertificate.loadOrCreate(configDir, List.of());
        server = SignalingServer.start(ServerTestSupport.testConfig().host(host).tls(certificate.keystore()).build(),
                SignalingServer.PlainHttp.LOOPBACK_ONLY);
    }

    @Test
    void theSamePortServesHttpsToAnyoneAndPlainHttpToThisMachine() throws Exception {
        startUnified("127.0.0.1");
        URI plain = URI.create("http://127.0.0.1:" + server.port() + "/");

        HttpResponse<String> secure = TlsTest.trustingOnly(certificate.certificate()).send(
                HttpRequest.newBuilder(server.httpUri()).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> local = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(plain).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals("https", server.httpUri().getScheme());
        assertEquals(200, secure.statusCode());
        assertEquals(200, local.statusCode());
        assertTrue(local.body().contains("roomcall-test-page"), local.body());
    }

    @Test
    void aPlainWebSocketFromThisMachineJoinsARoom() throws Exception {
        startUnified("127.0.0.1");
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .subprotocols(Protocol.SUBPROTOCOL)
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/plain-room"), new WebSocket.Listener() {})
                .get(10, TimeUnit.SECONDS);

        assertEquals(Protocol.SUBPROTOCOL, socket.getSubprotocol());
        socket.abort();
    }

    /**
     * "Another address" without the real network: the server runs on the lab's internet host, and the request comes
     * from home B, through its router, so the server sees a source address that is not loopback.
     */
    @Test
    void plainHttpFromAnotherAddressIsRedirectedToHttps() throws Exception {
        NetworkLab lab = NetworkLab.shared();
        Path logs = Files.createDirectories(Path.of("target", "test-logs"));
        try (ListeningProcess unified = ListeningProcess.start("unified-server", lab.in(NetworkLab.INTERNET,
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), UnifiedServerMain.class.getName(), configDir.toString()),
                configDir, logs.resolve("unified-server.log"), Duration.ofSeconds(60))) {
            String address = NetworkLab.INTERNET_ADDRESS + ":" + unified.port();

            String answer = lab.exec(NetworkLab.HOME_B, "curl", "--silent", "--show-error", "--include",
                    "--max-time", "10", "http://" + address + "/room?x=1");

            assertTrue(answer.startsWith("HTTP/1.1 308"), "the page is not served in plain text off this machine:\n" + answer);
            assertTrue(answer.lines().anyMatch(line -> line.equalsIgnoreCase("Location: https://" + address + "/room?x=1")),
                    answer);
            assertTrue(!answer.contains("roomcall-test-page"), answer);
            assertTrue(answer.lines().anyMatch(line -> line.equalsIgnoreCase("Content-Security-Policy: "
                    + SecurityHeaders.forRequest(false, address).get("Content-Security-Policy"))),
                    "the redirect has the security headers too:\n" + answer);
            assertTrue(answer.lines().anyMatch(line -> line.equalsIgnoreCase("X-Content-Type-Options: nosniff")), answer);
        }
    }
}
