package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.signaling.Protocol;
import dev.roomcall.signaling.SignalMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With a keystore the one port speaks TLS only: the page over https://, signaling over wss://, and a
 * client that trusts exactly this certificate (pinning it as its only trust anchor) gets both.
 */
class TlsTest extends ServerTestSupport {

    @TempDir
    Path configDir;

    private SelfSignedCertificate certificate;

    private SignalingServer startWithTls() throws IOException {
        certificate = SelfSignedCertificate.loadOrCreate(configDir, List.of());
        return start(c -> c.tls(certificate.keystore()));
    }

    @Test
    void thePageIsServedOverHttpsToAClientThatTrustsOnlyThisCertificate() throws Exception {
        startWithTls();
        assertEquals("https", server.httpUri().getScheme());

        HttpResponse<String> page = trustingOnly(certificate.certificate()).send(
                HttpRequest.newBuilder(server.httpUri()).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("roomcall-test-page"), page.body());
        assertEquals(SecurityHeaders.HSTS, page.headers().firstValue("Strict-Transport-Security").orElse(""),
                "HSTS on https answers (browsers ignore it for IP addresses and untrusted certificates)");
    }

    @Test
    void aWssUpgradeJoinsARoomForAClientThatTrustsOnlyThisCertificate() throws Exception {
        startWithTls();
        assertEquals("wss", server.uri().getScheme());
        Inbox inbox = new Inbox();

        WebSocket socket = trustingOnly(certificate.certificate()).newWebSocketBuilder()
                .subprotocols(Protocol.SUBPROTOCOL)
                .buildAsync(server.uri().resolve("tls-room"), inbox)
                .get(10, TimeUnit.SECONDS);

        assertEquals(Protocol.SUBPROTOCOL, socket.getSubprotocol());
        assertEquals(new SignalMessage.Joined("tls-room", 0, List.of()), Signals.decode(inbox.first.get(10, TimeUnit.SECONDS)));
        socket.abort();
    }

    @Test
    void aClientThatTrustsOnlyTheUsualAuthoritiesRefusesTheSelfSignedCertificate() throws Exception {
        startWithTls();

        HttpClient usual = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        ExecutionException refused = assertThrows(ExecutionException.class, () -> usual.sendAsync(
                HttpRequest.newBuilder(server.httpUri()).build(), HttpResponse.BodyHandlers.ofString()).get(10, TimeUnit.SECONDS));

        assertInstanceOf(SSLHandshakeException.class, refused.getCause());
    }

    @Test
    void plainHttpIsNotServedWhenTlsIsConfigured() throws Exception {
        startWithTls();
        URI plain = URI.create("http://127.0.0.1:" + server.port() + "/");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        int status;
        try {
            status = http.send(HttpRequest.newBuilder(plain).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (IOException e) {
            status = -1; // the TLS connector just drops what is not a TLS handshake
        }

        assertTrue(status == -1 || status == 400, "plain HTTP must not get the page, got status " + status);
    }

    @Test
    void aMissingKeystoreIsAStartupErrorThatNamesTheFile() {
        Path missing = configDir.resolve("nope.p12");
        IOException e = assertThrows(IOException.class,
                () -> SignalingServer.start(testConfig().tls(new TlsKeystore(missing, "x")).build()));
        assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
    }

    @Test
    void aWrongKeystorePasswordIsAStartupError() throws Exception {
        SelfSignedCertificate made = SelfSignedCertificate.loadOrCreate(configDir, List.of());
        TlsKeystore wrong = new TlsKeystore(made.keystore().path(), "wrong password");

        assertThrows(IOException.class, () -> SignalingServer.start(testConfig().tls(wrong).build()));
    }

    /** An HTTP client whose only trust anchor is {@code certificate}: what pinning looks like to a JDK client. */
    static HttpClient trustingOnly(X509Certificate certificate) throws Exception {
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("server", certificate);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(anchors);
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, trust.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(5)).build();
    }

    /** Keeps the first text message. */
    private static final class Inbox implements WebSocket.Listener {
        final CompletableFuture<String> first = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                first.complete(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }
    }
}
