package dev.roomcall.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import dev.roomcall.app.PinningTls;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/**
 * The packaged app's built-in server, as a script or a person sees it: {@code server-started} names the https
 * address and the certificate's fingerprint, the link to share is https, the page is served over TLS to whoever
 * pins that fingerprint and refused to a wrong pin, and the next run keeps the same certificate.
 */
class EmbeddedServerTlsIT {

    private static final Duration START = Duration.ofSeconds(60);
    private static final String WRONG_PIN = "00:".repeat(31) + "00";

    @Test
    void theBuiltInServerServesHttpsWithAFingerprintThatStaysTheSameOnTheNextRun() throws Exception {
        String fingerprint;
        try (AppProcess app = AppProcess.start("roomcall-tls-first", "--fake-media", "--host", "0")) {
            JsonObject started = app.await("server-started", START);
            fingerprint = started.get("fingerprint").getAsString();
            assertTrue(fingerprint.matches("[0-9A-F]{2}(:[0-9A-F]{2}){31}"), "a SHA-256 fingerprint: " + started);
            URI secure = URI.create(started.get("secureUrl").getAsString());
            assertEquals("https", secure.getScheme());
            assertEquals("https", URI.create(app.await("room", START).get("link").getAsString()).getScheme(),
                    "the link for other machines is https");
            app.await("joined", START); // the app's own wss connection, pinned, got into the room

            HttpResponse<String> page = PinningTls.httpClient(fingerprint).send(
                    HttpRequest.newBuilder(secure).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.body().contains("app.js"), "Roomcall's page over https");
            assertThrows(SSLHandshakeException.class, () -> PinningTls.httpClient(WRONG_PIN).send(
                    HttpRequest.newBuilder(secure).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()), "another certificate than the pinned one is refused");
            assertEquals(0, app.terminate(Duration.ofSeconds(15)));
        }
        try (AppProcess again = AppProcess.start("roomcall-tls-second", "--fake-media", "--host", "0")) {
            assertEquals(fingerprint, again.await("server-started", START).get("fingerprint").getAsString(),
                    "the certificate in the config directory is reused");
            again.await("joined", START); // in its call, so SIGTERM is a hang-up, not an interrupted start
            assertEquals(0, again.terminate(Duration.ofSeconds(15)));
        }
    }
}
