package dev.roomcall.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.server.SelfSignedCertificate;
import dev.roomcall.signaling.SignalMessage;
import dev.roomcall.signaling.SignalingClient;
import dev.roomcall.signaling.SignalingListener;
import dev.roomcall.signaling.SignalingState;
import dev.roomcall.signaling.SignalingUrl;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built-in server serves https and wss with a self-signed certificate kept in the configuration directory: made
 * once, reused later, trusted by the app through its fingerprint, and plain http still works on this machine.
 */
class EmbeddedServerTest {

    private static final String WRONG_PIN = "00:".repeat(31) + "00";

    @TempDir
    Path configDir;

    private EmbeddedServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void theCertificateIsMadeOnTheFirstRunAndReusedAfterwards() throws Exception {
        server = EmbeddedServer.start(0, false, List.of(), configDir);
        String first = server.fingerprint().orElseThrow();
        assertTrue(Files.isRegularFile(configDir.resolve(SelfSignedCertificate.KEYSTORE_FILE)), "stored in the config dir");
        server.close();

        server = EmbeddedServer.start(0, false, List.of(), configDir);

        assertEquals(first, server.fingerprint().orElseThrow(), "the same certificate on the next run");
        assertTrue(first.matches("[0-9A-F]{2}(:[0-9A-F]{2}){31}"), first);
    }

    @Test
    void restartingForOtherIceServersKeepsTheCertificate() throws Exception {
        server = EmbeddedServer.start(0, false, List.of(), configDir);
        String fingerprint = server.fingerprint().orElseThrow();

        server = server.restartWith(List.of());

        assertEquals(fingerprint, server.fingerprint().orElseThrow());
        assertEquals("wss", server.webSocketUri().getScheme());
    }

    @Test
    void thePageIsServedOverHttpsToAClientPinningTheFingerprintAndRefusedWithAWrongPin() throws Exception {
        server = EmbeddedServer.start(0, false, List.of(), configDir);
        URI page = URI.create("https://127.0.0.1:" + server.port() + "/");

        HttpResponse<String> pinned = PinningTls.httpClient(server.fingerprint().orElseThrow()).send(
                HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, pinned.statusCode());
        assertTrue(pinned.body().contains("app.js"), "Roomcall's page");

        IOException refused = assertThrows(IOException.class, () -> PinningTls.httpClient(WRONG_PIN).send(
                HttpRequest.newBuilder(page).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString()));
        assertInstanceOf(SSLHandshakeException.class, refused);
    }

    @Test
    void thisMachineStillGetsThePageOverPlainHttp() throws Exception {
        server = EmbeddedServer.start(0, false, List.of(), configDir);

        HttpResponse<String> plain = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(server.httpUri()).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals("http", server.httpUri().getScheme());
        assertEquals(200, plain.statusCode());
    }

    @Test
    void theAppsOwnWssConnectionJoinsWithThePinAndAWrongPinIsRefusedForGood() throws Exception {
        server = EmbeddedServer.start(0, false, List.of(), configDir);
        URI own = server.webSocketUri();
        assertEquals("wss", own.getScheme());

        Probe right = Probe.connect(own, server.fingerprint().orElseThrow());
        assertInstanceOf(SignalMessage.Joined.class, right.messages.poll(10, TimeUnit.SECONDS));
        right.client.close();

        Probe wrong = Probe.connect(own, WRONG_PIN);
        String reason = wrong.awaitClosed();
        assertTrue(reason.contains("certificate") && reason.contains(server.fingerprint().orElseThrow()), reason);
    }

    @Test
    void withoutAUsableConfigDirectoryItServesPlainHttpRatherThanNothing() throws Exception {
        Path notADirectory = Files.writeString(configDir.resolve("file"), "x");

        server = EmbeddedServer.start(0, false, List.of(), notADirectory);

        assertTrue(server.fingerprint().isEmpty());
        assertEquals("ws", server.webSocketUri().getScheme());
    }

    @Test
    void twoServersStartingTogetherShareOneCertificate() throws Exception {
        EmbeddedServer[] both = new EmbeddedServer[2];
        Thread other = new Thread(() -> {
            try {
                both[1] = EmbeddedServer.start(0, false, List.of(), configDir);
            } catch (StartException e) {
                throw new IllegalStateException(e);
            }
        });
        other.start();
        both[0] = EmbeddedServer.start(0, false, List.of(), configDir);
        other.join(20_000);
        try {
            assertNotEquals(both[0].port(), both[1].port());
            assertEquals(both[0].fingerprint(), both[1].fingerprint());
        } finally {
            both[0].close();
            if (both[1] != null) {
                both[1].close();
            }
        }
    }

    /** A signaling client in a room of the server, with the given pin. */
    private static final class Probe implements SignalingListener {
        final LinkedBlockingQueue<SignalMessage> messages = new LinkedBlockingQueue<>();
        final LinkedBlockingQueue<String> closed = new LinkedBlockingQueue<>();
        SignalingClient client;

        static Probe connect(URI server, String pin) {
            Probe probe = new Probe();
            probe.client = SignalingClient.builder(SignalingUrl.of(server, "tls-probe"), probe).pinnedCertificate(pin)
                    .build();
            probe.client.connect();
            return probe;
        }

        @Override
        public void onStateChanged(SignalingState state, String reason) {
            if (state == SignalingState.CLOSED) {
                closed.add(reason == null ? "" : reason);
            }
        }

        @Override
        public void onMessage(SignalMessage message) {
            messages.add(message);
        }

        String awaitClosed() throws InterruptedException {
            String reason = closed.poll(15, TimeUnit.SECONDS);
            if (reason == null) {
                throw new AssertionError("the client with a wrong pin did not give up");
            }
            return reason;
        }
    }
}
