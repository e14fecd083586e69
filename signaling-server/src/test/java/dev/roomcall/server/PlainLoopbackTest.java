package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.signaling.Protocol;
import java.io.IOException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
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

    @Test
    void plainHttpFromAnotherAddressIsRedirectedToHttps() throws Exception {
        startUnified("0.0.0.0");
        String address = nonLoopbackAddress();
        URI plain = URI.create("http://" + address + ":" + server.port() + "/room?x=1");

        HttpResponse<String> answer = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build().send(
                HttpRequest.newBuilder(plain).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(308, answer.statusCode(), "the page is not served in plain text off this machine");
        assertEquals("https://" + address + ":" + server.port() + "/room?x=1",
                answer.headers().firstValue("Location").orElse(""));
        assertTrue(!answer.body().contains("roomcall-test-page"), answer.body());
        assertEquals(SecurityHeaders.forRequest(false, address + ":" + server.port()).get("Content-Security-Policy"),
                answer.headers().firstValue("Content-Security-Policy").orElse(""), "the redirect has the headers too");
        assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(""));
    }

    /** An address of this machine that is not loopback: a connection to it comes from a non-loopback address. */
    private static String nonLoopbackAddress() throws IOException {
        for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            if (!nic.isUp() || nic.isLoopback()) {
                continue;
            }
            for (InetAddress address : Collections.list(nic.getInetAddresses())) {
                if (address instanceof Inet4Address) {
                    return address.getHostAddress();
                }
            }
        }
        throw new AssertionError("this test needs a network interface besides loopback (an IPv4 address)");
    }
}
