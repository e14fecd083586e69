package dev.roomcall.signaling;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;

/**
 * What an {@link IceServer} entry must look like so that both ends of a call take it: libwebrtc in the app and
 * Chromium on the browser page, which refuses the whole configuration over one entry it cannot read. Every place
 * that accepts an ICE server from a person (command lines, settings, the server's relay options) asks this rule.
 *
 * <p>Accepted: {@code stun:host[:port]}, {@code turn:host[:port][?transport=udp|tcp]} and {@code turns:...}, schemes
 * in lower case (libwebrtc compares them exactly), a host name, IPv4 or {@code [IPv6]} literal, no
 * {@code user@host}, and for TURN a username and a credential.
 */
public final class IceServerRule {

    /** Why an entry cannot be used, in words that fit after the entry's URL. */
    public enum Problem {
        SCHEME("must start with stun:, turn: or turns:"),
        /**
         * libwebrtc reads {@code stuns:} as plain STUN on port 3478, without TLS, and Chromium refuses it
         * outright; accepting it would promise a TLS connection nobody makes.
         */
        STUNS("stuns: (STUN over TLS) is not supported: Chromium refuses it and libwebrtc would use plain STUN; "
                + "use stun: instead"),
        HOST("needs a host and a port within 1..65535 (only turn URLs may add ?transport=udp or tcp)"),
        TURN_CREDENTIALS("a TURN server needs a username and a credential");

        private final String words;

        Problem(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    private static final List<String> TRANSPORTS = List.of("transport=udp", "transport=tcp");

    private IceServerRule() {}

    /** Why this URL cannot be used, whatever credentials come with it; empty if it can. */
    public static Optional<Problem> urlProblem(String url) {
        int colon = url.indexOf(':');
        String scheme = colon < 0 ? "" : url.substring(0, colon);
        if (scheme.equals("stuns")) {
            return Optional.of(Problem.STUNS);
        }
        boolean turn = isTurn(url);
        if (!turn && !scheme.equals("stun")) {
            return Optional.of(Problem.SCHEME);
        }
        String rest = url.substring(colon + 1);
        int question = rest.indexOf('?');
        String hostPort = question < 0 ? rest : rest.substring(0, question);
        String query = question < 0 ? null : rest.substring(question + 1);
        if (!validHostPort(hostPort) || (query != null && !(turn && TRANSPORTS.contains(query)))) {
            return Optional.of(Problem.HOST);
        }
        return Optional.empty();
    }

    /**
     * Why this entry cannot be used; empty if it can. A null or empty username or credential counts as absent, as
     * in RTCIceServer.
     */
    public static Optional<Problem> problem(String url, String username, String credential) {
        Optional<Problem> urlProblem = urlProblem(url);
        if (urlProblem.isPresent()) {
            return urlProblem;
        }
        if (isTurn(url) && (isEmpty(username) || isEmpty(credential))) {
            return Optional.of(Problem.TURN_CREDENTIALS);
        }
        return Optional.empty();
    }

    /** Whether the URL names a TURN relay ({@code turn:} or {@code turns:}). */
    public static boolean isTurn(String url) {
        return url.startsWith("turn:") || url.startsWith("turns:");
    }

    private static boolean isEmpty(String value) {
        return value == null || value.isEmpty();
    }

    private static boolean validHostPort(String hostPort) {
        // "host:" has no port, yet java.net.URI reads it as the default one.
        if (hostPort.isEmpty() || hostPort.startsWith("/") || hostPort.endsWith(":")) {
            return false;
        }
        try {
            // java.net.URI knows host names, IPv4 and [IPv6] literals; an authority it cannot read has a null host.
            URI parsed = new URI("ice://" + hostPort);
            return parsed.getHost() != null && parsed.getUserInfo() == null && parsed.getRawPath().isEmpty()
                    && parsed.getRawQuery() == null && parsed.getRawFragment() == null
                    && (parsed.getPort() == -1 || (parsed.getPort() > 0 && parsed.getPort() <= 65535));
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
