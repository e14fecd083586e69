package dev.roomcall.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpServer;
import dev.roomcall.server.SelfSignedCertificate;
import dev.roomcall.server.ServerConfig;
import dev.roomcall.server.SignalingServer;
import dev.roomcall.testkit.ChromiumOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The browser page under the server's security headers, in Debian's Chromium: a call connects and chat works with
 * the Content-Security-Policy in force and not one {@code securitypolicyviolation}; the hostile-text corpus goes
 * through chat and is shown literally, with nothing executed; a page on another origin cannot frame Roomcall.
 */
class PageHardeningIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    /** Shared with signaling-client's DisplayTextTest: one corpus for the app's rule and the page's. */
    private static final Path CORPUS = Path.of("..", "signaling-client", "src", "test", "resources", "hostile-text.json");
    /** Records every CSP violation from the first line of the document on, before any of the page's own script. */
    private static final String VIOLATION_RECORDER = """
            window.__violations = [];
            document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(
                e.effectiveDirective + ' blocked ' + e.blockedURI + ' at ' + e.sourceFile + ':' + e.lineNumber));
            """;

    private record Entry(String name, String kind, String input, String expected, boolean shortened) {}

    @TempDir
    Path configDir;

    /**
     * Over plain http (the standalone server's default) and over https with the built-in server's self-signed
     * certificate, trusted by its key as a person who compared the fingerprint would: there the socket is wss://.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http", "https"})
    void aCallConnectsUnderThePolicyWithNoViolationAndHostileChatIsShownAsTextOnly(String scheme) throws Exception {
        ServerConfig config = ServerConfig.builder().host("127.0.0.1").port(0).build();
        ChromiumOptions options = ChromiumOptions.defaults();
        SignalingServer.PlainHttp plain = SignalingServer.PlainHttp.REFUSED;
        if (scheme.equals("https")) {
            SelfSignedCertificate certificate = SelfSignedCertificate.loadOrCreate(configDir, List.of("127.0.0.1"));
            config = config.toBuilder().tls(certificate.keystore()).build();
            options = options.withExtraArguments(ServedCertificate.chromiumTrustSwitch(certificate.certificate()));
            plain = SignalingServer.PlainHttp.LOOPBACK_ONLY;
        }
        try (SignalingServer server = SignalingServer.start(config, plain);
                BrowserPeer sender = openRecording("csp-sender-" + scheme, server.httpUri() + "#csp-room", options);
                BrowserPeer receiver = openRecording("csp-receiver-" + scheme, server.httpUri() + "#csp-room", options)) {
            assertEquals(scheme, server.httpUri().getScheme());
            assertEquals(scheme + ":", receiver.execute("return location.protocol;"));
            assertEquals(Boolean.TRUE, receiver.execute("return window.isSecureContext;"));
            String policy = (String) receiver.driver().executeAsyncScript("""
                    const done = arguments[arguments.length - 1];
                    fetch(location.href).then((r) => done(r.headers.get('content-security-policy')), (e) => done(String(e)));
                    """);
            assertTrue(policy.contains("frame-ancestors 'none'") && policy.contains("connect-src 'self' "
                    + (scheme.equals("https") ? "wss://" : "ws://") + "127.0.0.1:" + server.port()), policy);

            sender.awaitFramesDecoded(30, TIMEOUT);
            receiver.awaitFramesDecoded(30, TIMEOUT);
            sender.awaitState("connected", TIMEOUT);
            sender.awaitTrue("return window.roomcall.chatOpen();", TIMEOUT);

            List<Entry> corpus = corpus();
            for (Entry entry : corpus) {
                @SuppressWarnings("unchecked")
                Map<String, Object> shown = (Map<String, Object>) receiver.execute(
                        "return window.roomcall.displayText(JSON.parse(arguments[0]), arguments[1]);", ascii(entry.input()),
                        entry.kind());
                assertEquals(entry.expected(), shown.get("text"), "the page's rule: " + entry.name());
                assertEquals(entry.shortened(), shown.get("shortened"), "the page's rule, shortened: " + entry.name());
            }
            int sent = 0;
            for (Entry entry : corpus) {
                if (!entry.kind().equals("CHAT") || entry.expected().isEmpty()) {
                    continue;
                }
                assertEquals(Boolean.TRUE, sender.execute("return window.roomcall.sendChat(JSON.parse(arguments[0]));",
                        ascii(entry.input())),
                        entry.name());
                sent++;
                int expectedLines = sent;
                receiver.awaitTrue("return document.querySelectorAll('#chat-lines li.from-peer').length >= "
                        + expectedLines + ";", TIMEOUT);
                @SuppressWarnings("unchecked")
                Map<String, Object> line = (Map<String, Object>) receiver.execute("""
                        const lines = document.querySelectorAll('#chat-lines li.from-peer');
                        const body = lines[lines.length - 1].querySelector('.chat-text');
                        return { text: body.textContent, children: body.childElementCount };
                        """);
                assertEquals(entry.expected(), line.get("text"), "shown literally: " + entry.name());
                assertEquals(0L, ((Number) line.get("children")).longValue(), "no markup: " + entry.name());
            }
            assertTrue(sent >= 20, "most of the corpus went through the chat: " + sent);
            for (BrowserPeer page : List.of(sender, receiver)) {
                assertEquals(0L, ((Number) page.execute("return document.querySelectorAll("
                        + "'#chat-lines a, #chat-lines script, #chat-lines img, #chat-lines svg, #chat-lines style, "
                        + "#chat-lines b, #chat-lines i').length;")).longValue(), page.name() + ": no element from a message");
                assertEquals(Boolean.TRUE, page.execute("return window.__pwned === undefined;"),
                        page.name() + ": nothing executed");
                assertEquals(List.of(), page.execute("return window.__violations;"), page.name() + ": CSP violations");
                assertTrue(page.consoleLog().stream().noneMatch(l -> l.contains("Content Security Policy")),
                        page.name() + ": " + page.consoleLog());
            }

            // The recorder does hear violations: an injected inline script is blocked and reported.
            receiver.execute("""
                    const s = document.createElement('script');
                    s.textContent = 'window.__inline = 1';
                    document.head.append(s);
                    """);
            receiver.awaitTrue("return window.__violations.length > 0;", TIMEOUT);
            assertEquals(Boolean.TRUE, receiver.execute("return window.__inline === undefined;"), "inline script blocked");
        }
    }

    @Test
    void aPageOnAnotherOriginCannotFrameRoomcall() throws Exception {
        HttpServer other = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        HttpServer framable = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        try (SignalingServer server = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0).build())) {
            serve(framable, "<!doctype html><p id=inner>framed</p>");
            serve(other, "<!doctype html><title>other site</title>"
                    + "<iframe id=roomcall src=\"" + server.httpUri() + "#framed-room\" allow=\"camera; microphone\"></iframe>"
                    + "<iframe id=control src=\"http://127.0.0.1:" + framable.getAddress().getPort() + "/\"></iframe>");
            try (BrowserPeer outer = BrowserPeer.open("framing-page",
                    "http://127.0.0.1:" + other.getAddress().getPort() + "/")) {
                outer.awaitTrue("return document.readyState === 'complete';", TIMEOUT);

                outer.driver().switchTo().frame("control");
                outer.awaitTrue("return document.getElementById('inner') !== null;", TIMEOUT);
                outer.driver().switchTo().defaultContent();

                outer.driver().switchTo().frame("roomcall");
                Object inside = outer.execute("return { href: location.href, stage: document.getElementById('stage') !== null,"
                        + " roomcall: typeof window.roomcall };");
                outer.driver().switchTo().defaultContent();
                @SuppressWarnings("unchecked")
                Map<String, Object> frame = (Map<String, Object>) inside;
                assertEquals(Boolean.FALSE, frame.get("stage"), "the Roomcall page did not render in the frame: " + frame);
                assertEquals("undefined", frame.get("roomcall"), "its script did not run: " + frame);
                assertNotEquals(server.httpUri() + "#framed-room", frame.get("href"), frame.toString());
                List<String> console = outer.consoleLog();
                assertTrue(console.stream().anyMatch(l -> l.contains("frame-ancestors")), "refused by frame-ancestors: " + console);
            }
        } finally {
            other.stop(0);
            framable.stop(0);
        }
    }

    /** A page whose recorder is in place before the Roomcall page's first script runs. */
    private static BrowserPeer openRecording(String name, String url, ChromiumOptions options) {
        BrowserPeer peer = BrowserPeer.open(name, "about:blank", options);
        try {
            peer.driver().executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", VIOLATION_RECORDER));
            peer.driver().get(url);
        } catch (RuntimeException e) {
            peer.close();
            throw e;
        }
        return peer;
    }

    /**
     * {@code text} as a JSON string literal in plain ASCII: WebDriver's UTF-8 transport would turn a lone surrogate
     * into "?" before the page ever saw it, so the page decodes the escapes itself.
     */
    private static String ascii(String text) {
        StringBuilder json = new StringBuilder(text.length() + 2).append('"');
        for (char c : text.toCharArray()) {
            if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        return json.append('"').toString();
    }

    private static void serve(HttpServer server, String html) {
        server.createContext("/", exchange -> {
            byte[] body = html.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    private static List<Entry> corpus() throws IOException {
        JsonArray entries = JsonParser.parseString(Files.readString(CORPUS, StandardCharsets.UTF_8)).getAsJsonArray();
        List<Entry> corpus = new ArrayList<>();
        for (JsonElement element : entries) {
            JsonObject e = element.getAsJsonObject();
            String prefix = e.has("prefix") ? e.get("prefix").getAsString().repeat(e.get("prefixRepeat").getAsInt()) : "";
            String unit = e.get("input").getAsString();
            String input = prefix + (e.has("repeat") ? unit.repeat(e.get("repeat").getAsInt()) : unit);
            String expected = e.has("expectedPrefixOnly") ? prefix
                    : e.has("expectedRepeat") ? e.get("expected").getAsString().repeat(e.get("expectedRepeat").getAsInt())
                    : e.get("expected").getAsString();
            corpus.add(new Entry(e.get("name").getAsString(), e.get("kind").getAsString(), input, expected,
                    e.has("shortened") && e.get("shortened").getAsBoolean()));
        }
        return corpus;
    }
}
