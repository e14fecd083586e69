package dev.roomcall.app.settings;

import dev.roomcall.signaling.IceServer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One STUN or TURN server as a person enters it: {@code stun:host[:port]}, {@code turn:host[:port][?transport=udp|tcp]}
 * or {@code turns:...}, with the username and credential a TURN server hands out (empty for STUN).
 */
public record IceServerSetting(String url, String username, String credential) {

    public IceServerSetting {
        url = Objects.requireNonNullElse(url, "").strip();
        username = Objects.requireNonNullElse(username, "").strip();
        credential = Objects.requireNonNullElse(credential, "");
    }

    /** Why this entry cannot be used; empty if it can. */
    public Optional<SettingProblem> problem() {
        int colon = url.indexOf(':');
        String scheme = colon < 0 ? "" : url.substring(0, colon).toLowerCase(Locale.ROOT);
        boolean turn = scheme.equals("turn") || scheme.equals("turns");
        if (!turn && !scheme.equals("stun")) {
            return Optional.of(SettingProblem.ICE_SCHEME);
        }
        String rest = url.substring(colon + 1);
        int question = rest.indexOf('?');
        String hostPort = question < 0 ? rest : rest.substring(0, question);
        String query = question < 0 ? null : rest.substring(question + 1).toLowerCase(Locale.ROOT);
        if (!validHostPort(hostPort) || (query != null && !(turn && List.of("transport=udp", "transport=tcp").contains(query)))) {
            return Optional.of(SettingProblem.ICE_HOST);
        }
        if (turn && (username.isEmpty() || credential.isEmpty())) {
            return Optional.of(SettingProblem.TURN_CREDENTIALS);
        }
        return Optional.empty();
    }

    /** What a peer connection is configured with; the username and credential are left out when empty. */
    public IceServer toIceServer() {
        return new IceServer(List.of(url), username.isEmpty() ? null : username, credential.isEmpty() ? null : credential);
    }

    private static boolean validHostPort(String hostPort) {
        if (hostPort.isEmpty() || hostPort.startsWith("/")) {
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
