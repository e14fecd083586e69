package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every HTTP answer of a real server carries the security headers: each file of the real page, the page at "/", a
 * 404, a redirect, a refused WebSocket upgrade, a HEAD and a method that is not allowed; on the standalone TLS
 * server, the built-in one (TLS plus plain http for this machine) and a plain one.
 */
class ServedHeadersTest {

    enum Mode { PLAIN, TLS, BUILT_IN_TLS, BUILT_IN_LOOPBACK_PLAIN }

    /** The real page's files, as the assets module ships them (the reactor's source tree). */
    private static final Path PAGE_SOURCES = Path.of("..", "assets", "web");

    @TempDir
    Path configDir;

    private SignalingServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void everyServedPathAndEveryErrorCarriesTheHeaders(Mode mode) throws Exception {
        SSLSocketFactory tls = start(mode, ServerConfig.DEFAULT_WEB_ROOT);
        String host = "127.0.0.1:" + server.port();
        List<String> files = pageFiles();
        assertTrue(files.containsAll(List.of("/index.html", "/app.js", "/style.css")), files.toString());

        List<String> checked = new ArrayList<>();
        for (String path : concat(List.of("/"), files)) {
            RawHttp.Answer answer = RawHttp.request(tls, server.port(), "GET", path, host);
            assertEquals(200, answer.status(), path);
            assertHeaders(mode, host, path, answer);
            checked.add(path);
        }
        RawHttp.Answer head = RawHttp.request(tls, server.port(), "HEAD", "/app.js", host);
        assertEquals(200, head.status());
        assertHeaders(mode, host, "HEAD /app.js", head);

        RawHttp.Answer missing = RawHttp.request(tls, server.port(), "GET", "/no-such-file.js", host);
        assertEquals(404, missing.status());
        assertHeaders(mode, host, "404", missing);

        RawHttp.Answer room = RawHttp.request(tls, server.port(), "GET", "/some-room", host);
        assertEquals(404, room.status(), "a room is no page");
        assertHeaders(mode, host, "GET /some-room", room);

        RawHttp.Answer post = RawHttp.request(tls, server.port(), "POST", "/", host);
        assertTrue(post.status() >= 400, "POST / answers " + post.status());
        assertHeaders(mode, host, "POST /", post);

        RawHttp.Answer foreign = RawHttp.request(tls, server.port(), "GET", "/room", host,
                "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Version: 13\r\n"
                        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nOrigin: https://evil.example\r\n");
        assertEquals(403, foreign.status(), "a foreign page's upgrade is refused");
        assertHeaders(mode, host, "refused upgrade", foreign);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aBadRequestCarriesTheHeaders(Mode mode) throws Exception {
        SSLSocketFactory tls = start(mode, ServerConfig.DEFAULT_WEB_ROOT);

        RawHttp.Answer noHost = RawHttp.request(tls, server.port(), "GET", "/", null);
        RawHttp.Answer badHost = RawHttp.request(tls, server.port(), "GET", "/", "a b;c");

        assertEquals(400, noHost.status(), "HTTP/1.1 without Host");
        assertEquals(400, badHost.status(), "a Host header that is no host");
        for (RawHttp.Answer answer : List.of(noHost, badHost)) {
            assertEquals("nosniff", answer.header("X-Content-Type-Options"), answer.toString());
            assertTrue(answer.header("Content-Security-Policy").contains("connect-src 'self';"), answer.toString());
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aRedirectCarriesTheHeaders(Mode mode) throws Exception {
        SSLSocketFactory tls = start(mode, ServerTestSupport.TEST_WEB_ROOT);
        String host = "127.0.0.1:" + server.port();

        RawHttp.Answer redirect = RawHttp.request(tls, server.port(), "GET", "/sub", host);

        assertTrue(redirect.status() >= 300 && redirect.status() < 400, "a directory is redirected: " + redirect);
        assertTrue(redirect.header("Location").endsWith("/sub/"), redirect.toString());
        assertHeaders(mode, host, "redirect", redirect);
    }

    private SSLSocketFactory start(Mode mode, String webRoot) throws Exception {
        ServerConfig config = ServerTestSupport.testConfig().webRoot(webRoot).build();
        if (mode == Mode.PLAIN) {
            server = SignalingServer.start(config);
            return null;
        }
        SelfSignedCertificate certificate = SelfSignedCertificate.loadOrCreate(configDir, List.of());
        config = config.toBuilder().tls(certificate.keystore()).build();
        server = mode == Mode.TLS ? SignalingServer.start(config)
                : SignalingServer.start(config, SignalingServer.PlainHttp.LOOPBACK_ONLY);
        return mode == Mode.BUILT_IN_LOOPBACK_PLAIN ? null : trustingOnly(certificate);
    }

    private static void assertHeaders(Mode mode, String host, String what, RawHttp.Answer answer) {
        boolean secure = mode == Mode.TLS || mode == Mode.BUILT_IN_TLS;
        String csp = answer.header("Content-Security-Policy");
        assertEquals(SecurityHeaders.contentSecurityPolicy(secure, host), csp, what);
        assertTrue(csp.contains("connect-src 'self' " + (secure ? "wss://" : "ws://") + host + ";"), what + ": " + csp);
        assertTrue(csp.contains("frame-ancestors 'none'") && csp.contains("default-src 'self'")
                && csp.contains("script-src 'self';") && csp.contains("base-uri 'none'")
                && csp.contains("form-action 'none'"), what + ": " + csp);
        assertEquals("nosniff", answer.header("X-Content-Type-Options"), what);
        assertEquals("no-referrer", answer.header("Referrer-Policy"), what);
        assertEquals("camera=(self), microphone=(self), display-capture=(self)", answer.header("Permissions-Policy"), what);
        assertEquals("same-origin", answer.header("Cross-Origin-Opener-Policy"), what);
        assertEquals("DENY", answer.header("X-Frame-Options"), what);
        if (secure) {
            assertEquals(SecurityHeaders.HSTS, answer.header("Strict-Transport-Security"), what);
        } else {
            assertNull(answer.header("Strict-Transport-Security"), what + ": HSTS on https answers only");
        }
    }

    private static List<String> pageFiles() throws IOException {
        try (Stream<Path> files = Files.walk(PAGE_SOURCES)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> "/" + PAGE_SOURCES.relativize(file).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static SSLSocketFactory trustingOnly(SelfSignedCertificate certificate) throws Exception {
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("server", certificate.certificate());
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(anchors);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context.getSocketFactory();
    }
}
