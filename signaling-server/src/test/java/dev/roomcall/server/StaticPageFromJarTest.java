package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * In production the page sits inside a jar (the assets jar, or the shaded server jar), which Jetty
 * reaches through a different URL form than a directory; the root must still serve index.html.
 */
class StaticPageFromJarTest {

    @TempDir
    Path dir;

    private SignalingServer server;
    private URLClassLoader loader;

    @Test
    void theRootAndTheFilesAreServedFromAJarWithDirectoryEntries() throws Exception {
        assertServedFrom(jarWithPage(true));
    }

    @Test
    void theRootAndTheFilesAreServedFromAJarWithoutDirectoryEntries() throws Exception {
        assertServedFrom(jarWithPage(false));
    }

    private void assertServedFrom(Path jar) throws Exception {
        loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
        server = SignalingServer.start(ServerTestSupport.testConfig().webRoot("packed-web").build(), loader);

        HttpResponse<String> root = get(server.httpUri());
        assertEquals(200, root.statusCode());
        assertTrue(root.body().contains("packed-page"), root.body());
        assertEquals(200, get(server.httpUri().resolve("/app.js")).statusCode());
        assertEquals(404, get(server.httpUri().resolve("/missing.css")).statusCode());
    }

    private Path jarWithPage(boolean directoryEntries) throws IOException {
        Path jar = dir.resolve("page.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            if (directoryEntries) {
                out.putNextEntry(new JarEntry("packed-web/"));
                out.closeEntry();
            }
            write(out, "packed-web/index.html", "<!doctype html><title>packed-page</title>");
            write(out, "packed-web/app.js", "console.log('packed');");
        }
        return jar;
    }

    private static void write(JarOutputStream out, String name, String content) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(content.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    @AfterEach
    void stop() throws IOException {
        if (server != null) {
            server.close();
        }
        if (loader != null) {
            loader.close();
        }
    }
}
