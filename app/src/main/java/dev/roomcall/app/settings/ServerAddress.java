package dev.roomcall.app.settings;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A signaling server a person typed: {@code ws://}, {@code wss://}, or the {@code http(s)://} address of a Roomcall
 * server's page (the page and signaling share a port). Without a scheme {@code ws://} is assumed, as people often
 * paste just {@code host:port}.
 */
public final class ServerAddress {

    /** {@code mailto:x}, {@code stun:host}: a scheme of its own, unlike {@code host:3000}, whose colon is followed by a port. */
    private static final Pattern OTHER_SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*:(?![0-9])");

    private ServerAddress() {}

    /** Why {@code text} is not a usable server address; empty if it is. */
    public static Optional<SettingProblem> check(String text) {
        try {
            webSocket(text);
            return Optional.empty();
        } catch (InvalidServerAddress e) {
            return Optional.of(e.problem);
        }
    }

    /**
     * The address to open the WebSocket on: {@code http} becomes {@code ws}, {@code https} becomes {@code wss};
     * host, port and path are kept, a fragment (a page link's {@code #ROOM}) is dropped.
     *
     * @throws IllegalArgumentException if {@link #check} finds a problem
     */
    public static URI webSocket(String text) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.isEmpty()) {
            throw new InvalidServerAddress(SettingProblem.SERVER_HOST, "no server address");
        }
        if (!trimmed.contains("://") && OTHER_SCHEME.matcher(trimmed).lookingAt()) {
            throw new InvalidServerAddress(SettingProblem.SERVER_SCHEME, trimmed);
        }
        URI uri;
        try {
            uri = new URI(trimmed.contains("://") ? trimmed : "ws://" + trimmed);
        } catch (URISyntaxException e) {
            throw new InvalidServerAddress(SettingProblem.SERVER_HOST, e.getMessage());
        }
        String scheme;
        switch (uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT)) {
            case "ws":
            case "http":
                scheme = "ws";
                break;
            case "wss":
            case "https":
                scheme = "wss";
                break;
            default:
                throw new InvalidServerAddress(SettingProblem.SERVER_SCHEME, trimmed);
        }
        if (uri.getHost() == null || uri.getUserInfo() != null || uri.getPort() == 0 || uri.getPort() > 65535) {
            throw new InvalidServerAddress(SettingProblem.SERVER_HOST, trimmed);
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return URI.create(scheme + "://" + uri.getRawAuthority() + path + query);
    }

    /** Thrown by {@link #webSocket}; carries the problem so a caller can put it into words. */
    public static final class InvalidServerAddress extends IllegalArgumentException {
        private final SettingProblem problem;

        InvalidServerAddress(SettingProblem problem, String detail) {
            super(problem + ": " + detail);
            this.problem = problem;
        }

        public SettingProblem problem() {
            return problem;
        }
    }
}
