package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The header decision alone: what every answer carries, and how the socket origin comes from the Host header. */
class SecurityHeadersTest {

    @ParameterizedTest(name = "secure={0} host={1} -> connect-src {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', nullValues = "NULL", value = {
            "false | 127.0.0.1:3000        | 'self' ws://127.0.0.1:3000",
            "true  | call.example.org      | 'self' wss://call.example.org",
            "true  | Call.Example.ORG:8443 | 'self' wss://call.example.org:8443",
            "true  | [::1]:3000            | 'self' wss://[::1]:3000",
            "false | NULL                  | 'self'",
            "true  | \"\"                  | 'self'",
            // Anything but a bare host[:port] could smuggle sources or directives into the policy: only 'self'.
            "true  | evil.example; script-src * | 'self'",
            "true  | a b                   | 'self'",
            "true  | x'unsafe-inline'      | 'self'",
            "true  | host:port             | 'self'",
            "true  | host/path             | 'self'",
            "true  | *.example.org         | 'self'",
    })
    void theSocketOriginComesFromAHostHeaderOnlyWhenItIsOne(boolean secure, String host, String connectSources) {
        String policy = SecurityHeaders.contentSecurityPolicy(secure, host);

        assertTrue(policy.contains("; connect-src " + connectSources + ";"), policy);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "wss://SFU.example.org:8989/janus | wss://sfu.example.org:8989",
            "ws://127.0.0.1:8188              | ws://127.0.0.1:8188",
            "wss://sfu.example.org/           | wss://sfu.example.org",
    })
    void aServerWithAMediaServerLetsItsPagesConnectToItsOriginOnly(String url, String origin) {
        String policy = SecurityHeaders.contentSecurityPolicy(true, "call.example.org",
                SecurityHeaders.originOf(java.net.URI.create(url)));

        assertTrue(policy.contains("; connect-src 'self' wss://call.example.org " + origin + ";"), policy);
    }

    @ParameterizedTest(name = "secure={0}")
    @ValueSource(booleans = {false, true})
    void everyAnswerCarriesTheFixedHeaders(boolean secure) {
        Map<String, String> headers = SecurityHeaders.forRequest(secure, "127.0.0.1:3000");

        String policy = headers.get("Content-Security-Policy");
        for (String directive : new String[] {"default-src 'self'", "script-src 'self'", "style-src 'self'",
                "frame-ancestors 'none'", "base-uri 'none'", "form-action 'none'", "object-src 'none'"}) {
            assertTrue(policy.contains(directive + ";") || policy.endsWith(directive), directive + " in " + policy);
        }
        assertFalse(policy.contains("unsafe-inline") || policy.contains("unsafe-eval"), policy);
        assertEquals("nosniff", headers.get("X-Content-Type-Options"));
        assertEquals("no-referrer", headers.get("Referrer-Policy"));
        assertEquals("camera=(self), microphone=(self), display-capture=(self)", headers.get("Permissions-Policy"));
        assertEquals("same-origin", headers.get("Cross-Origin-Opener-Policy"));
        assertEquals("DENY", headers.get("X-Frame-Options"));
        assertEquals(secure ? SecurityHeaders.HSTS : null, headers.get("Strict-Transport-Security"),
                "HSTS on https answers only");
    }
}
