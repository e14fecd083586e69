package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.signaling.SignalMessage;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The same port serves the browser page over plain HTTP. */
class StaticPageTest extends ServerTestSupport {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void theRootServesThePageAsHtmlThatIsAlwaysRevalidated() {
        start();
        HttpResponse<String> page = get("/");

        assertEquals(200, page.statusCode());
        assertEquals("text/html;charset=utf-8", contentType(page).replace(" ", "").toLowerCase(Locale.ROOT));
        assertTrue(page.body().contains("roomcall-test-page"), page.body());
        assertEquals("no-cache", page.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void thePageAndItsFilesAreServedByNameWithTheirContentTypes() {
        start();
        HttpResponse<String> index = get("/index.html");
        assertEquals(200, index.statusCode());
        assertTrue(index.body().contains("roomcall-test-page"));

        HttpResponse<String> script = get("/app.js");
        assertEquals(200, script.statusCode());
        assertEquals("text/javascript;charset=utf-8", contentType(script).replace(" ", "").toLowerCase(Locale.ROOT));

        HttpResponse<String> style = get("/style.css");
        assertEquals(200, style.statusCode());
        assertEquals("text/css;charset=utf-8", contentType(style).replace(" ", "").toLowerCase(Locale.ROOT));
    }

    @Test
    void unknownPathsAre404AndDirectoriesAreNeverListed() {
        start();
        assertEquals(404, get("/no-such-file.js").statusCode());

        HttpResponse<String> directory = get("/sub/");
        assertNotEquals(200, directory.statusCode());
        assertFalse(directory.body().contains("notes.txt"), "directory listing: " + directory.body());
        assertEquals(200, get("/sub/notes.txt").statusCode());
    }

    @Test
    void theServerVersionIsNotAdvertised() {
        start();
        assertTrue(get("/").headers().firstValue("Server").isEmpty());
    }

    @Test
    void withoutAPageOnTheClasspathGetsAre404ButSignalingStillWorks() {
        start(c -> c.webRoot("no-such-web-root"));

        assertEquals(404, get("/").statusCode());
        TestPeer peer = roomcall("/still-signaling");
        assertEquals(new SignalMessage.Joined("still-signaling", 0, List.of()), Signals.decode(peer.nextText()));
    }

    @Test
    void theUrisPointAtThisServer() {
        start();
        assertEquals(URI.create("http://127.0.0.1:" + server.port() + "/"), server.httpUri());
        assertEquals(URI.create("ws://127.0.0.1:" + server.port() + "/"), server.uri());
        assertTrue(server.port() > 0);
    }

    private HttpResponse<String> get(String path) {
        try {
            return http.send(HttpRequest.newBuilder(server.httpUri().resolve(path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("GET " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }
}
