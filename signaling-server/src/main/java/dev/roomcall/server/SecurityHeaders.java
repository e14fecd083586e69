package dev.roomcall.server;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The security headers every HTTP answer carries (page, files, errors, redirects), as a pure decision from what the
 * request says about itself. SECURITY.md explains what each one protects against.
 *
 * <ul>
 *   <li>{@code Content-Security-Policy}: scripts and styles from this server only, no inline script or
 *       {@code eval}, sockets only to this server, nobody may frame the page.</li>
 *   <li>{@code X-Content-Type-Options}, {@code Referrer-Policy}, {@code Permissions-Policy},
 *       {@code Cross-Origin-Opener-Policy}, {@code Cross-Origin-Resource-Policy}, {@code X-Frame-Options} (for
 *       browsers without {@code frame-ancestors}).</li>
 *   <li>{@code Strict-Transport-Security} on https answers only: browsers ignore it for IP addresses and on
 *       connections with certificate errors (RFC 6797 §8.1), so the built-in server's self-signed LAN page does
 *       not pin anybody, while a server with a real certificate for a host name gets https-only visits.</li>
 * </ul>
 */
final class SecurityHeaders {

    static final String HSTS = "max-age=31536000";

    /**
     * A Host header that is a plain DNS name or IP literal with an optional port; anything else (quotes, spaces,
     * semicolons, paths) never reaches the policy, so a hostile Host header cannot add sources to it.
     */
    private static final Pattern HOST = Pattern.compile(
            "(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,62})(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,62}))*\\.?|\\[[0-9A-Fa-f:.]{2,45}])"
                    + "(?::[0-9]{1,5})?");

    private SecurityHeaders() {}

    /** The origin of a media server's WebSocket address, as connect-src names it ({@code wss://host:port}). */
    static String originOf(java.net.URI webSocket) {
        String scheme = webSocket.getScheme().toLowerCase(java.util.Locale.ROOT);
        String host = webSocket.getHost().toLowerCase(java.util.Locale.ROOT);
        if (!HOST.matcher(host).matches()) {
            throw new IllegalArgumentException("not a host name or address: " + host);
        }
        return scheme + "://" + host + (webSocket.getPort() == -1 ? "" : ":" + webSocket.getPort());
    }

    /**
     * @param secure whether the request came over TLS
     * @param host   the request's Host header (null if it had none)
     * @return header name to value, in a stable order
     */
    static Map<String, String> forRequest(boolean secure, String host) {
        return forRequest(secure, host, null);
    }

    /**
     * @param mediaServer the origin ({@code wss://sfu.example.org:8989}) of the media server pages connect to in a
     *                    room hosted there (protocol §14), from the server's own configuration; null for none
     */
    static Map<String, String> forRequest(boolean secure, String host, String mediaServer) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Security-Policy", contentSecurityPolicy(secure, host, mediaServer));
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("Permissions-Policy", "camera=(self), microphone=(self), display-capture=(self)");
        headers.put("Cross-Origin-Opener-Policy", "same-origin");
        headers.put("Cross-Origin-Resource-Policy", "same-origin");
        headers.put("X-Frame-Options", "DENY");
        if (secure) {
            headers.put("Strict-Transport-Security", HSTS);
        }
        return headers;
    }

    /**
     * {@code 'self'} already covers the page's own {@code ws:}/{@code wss:} origin in CSP level 3 browsers; the
     * explicit socket origin is for those that read {@code 'self'} as http(s) only.
     */
    static String contentSecurityPolicy(boolean secure, String host) {
        return contentSecurityPolicy(secure, host, null);
    }

    static String contentSecurityPolicy(boolean secure, String host, String mediaServer) {
        String connect = "'self'";
        if (host != null && HOST.matcher(host).matches()) {
            connect += " " + (secure ? "wss://" : "ws://") + host.toLowerCase(java.util.Locale.ROOT);
        }
        if (mediaServer != null) {
            connect += " " + mediaServer;
        }
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "media-src 'self' blob: mediastream:; connect-src " + connect + "; object-src 'none'; "
                + "frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    }
}
