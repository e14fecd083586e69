package dev.roomcall.server;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Which web pages may open a WebSocket to this server. A browser attaches the page's origin to every
 * WebSocket handshake and, unlike for ordinary requests, enforces nothing itself: without this check any
 * page on the internet could make its visitors' browsers join rooms on a server in their LAN.
 *
 * <p>Allowed are: requests without {@code Origin} (native clients such as the app, which are not browsers
 * and could send anything anyway), the server's own pages (the {@code Origin}'s host and port equal the
 * {@code Host} header), the configured origins, and with {@code "*"} any page at all.
 */
final class OriginPolicy {

    static final String ANY = "*";

    private final boolean allowAny;
    private final Set<String> allowed;

    OriginPolicy(List<String> allowedOrigins) {
        this.allowAny = allowedOrigins.contains(ANY);
        Set<String> normalized = new HashSet<>();
        for (String origin : allowedOrigins) {
            if (!origin.equals(ANY)) {
                normalized.add(normalize(origin));
            }
        }
        this.allowed = Set.copyOf(normalized);
    }

    /**
     * @param origin the request's {@code Origin} header, null when absent
     * @param host   the request's {@code Host} header (host[:port]), null when absent
     * @param secure whether the request came over TLS (decides the default port of a bare {@code Host})
     */
    boolean allows(String origin, String host, boolean secure) {
        if (origin == null || allowAny) {
            return true;
        }
        String normalized = normalize(origin);
        if (normalized == null) {
            return false; // "null" (sandboxed frames, file://) and garbage name no page anybody vouched for
        }
        return allowed.contains(normalized) || sameOrigin(normalized, host, secure);
    }

    private static boolean sameOrigin(String normalizedOrigin, String host, boolean secure) {
        if (host == null || host.isBlank()) {
            return false;
        }
        String authority = host.strip().toLowerCase(Locale.ROOT);
        if (!hasPort(authority)) {
            authority = authority + ":" + (secure ? 443 : 80);
        }
        return normalizedOrigin.substring(normalizedOrigin.indexOf("://") + 3).equals(authority);
    }

    /** host:port has a port; an IPv6 literal's colons inside the brackets do not count. */
    private static boolean hasPort(String authority) {
        int colon = authority.lastIndexOf(':');
        return colon > authority.lastIndexOf(']');
    }

    /**
     * An origin as {@code scheme://host:port}, lower-cased, the port always spelled out, so that
     * {@code https://Example.org} and {@code https://example.org:443} compare equal.
     *
     * @return null if {@code origin} is not an http(s) origin (a path, query or user info also disqualify it)
     */
    static String normalize(String origin) {
        if (origin == null) {
            return null;
        }
        URI uri;
        try {
            uri = new URI(origin.strip());
        } catch (URISyntaxException e) {
            return null;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return null;
        }
        String path = uri.getRawPath();
        if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                || uri.getRawFragment() != null || (path != null && !path.isEmpty() && !path.equals("/"))) {
            return null;
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + ":" + port;
    }

    /**
     * Checks a configured list, so a typo fails at startup instead of silently refusing every page.
     *
     * @return an unmodifiable copy
     */
    static List<String> validate(List<String> origins) {
        List<String> copy = new ArrayList<>();
        for (String origin : origins) {
            if (origin == null || (!origin.equals(ANY) && normalize(origin) == null)) {
                throw new IllegalArgumentException("an allowed origin is '*' or like https://host[:port] (no path), was '"
                        + origin + "'");
            }
            copy.add(origin);
        }
        return List.copyOf(copy);
    }
}
