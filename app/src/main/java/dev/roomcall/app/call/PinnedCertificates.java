package dev.roomcall.app.call;

import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Servers this process trusts by certificate fingerprint instead of by authority: the built-in server, whose
 * certificate is self-signed and whose fingerprint the app itself made. A call to such a server pins it, so the
 * connection is encrypted and nothing but that exact certificate is accepted. Keyed by scheme, host and port.
 */
public final class PinnedCertificates {

    private static final Map<String, String> PINS = new ConcurrentHashMap<>();

    private PinnedCertificates() {}

    /** Trusts exactly the certificate with this SHA-256 fingerprint for {@code server} from now on. */
    public static void pin(URI server, String sha256Fingerprint) {
        PINS.put(key(server), Objects.requireNonNull(sha256Fingerprint, "sha256Fingerprint"));
    }

    /** Forgets {@code server}'s pin if it is still {@code sha256Fingerprint} (a newer server may have taken over). */
    public static void unpin(URI server, String sha256Fingerprint) {
        PINS.remove(key(server), sha256Fingerprint);
    }

    /** The fingerprint to pin for {@code server}, if it is one of this process's own servers. */
    public static Optional<String> forServer(URI server) {
        return Optional.ofNullable(PINS.get(key(server)));
    }

    private static String key(URI server) {
        String scheme = server.getScheme() == null ? "" : server.getScheme().toLowerCase(Locale.ROOT);
        String host = server.getHost() == null ? "" : server.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + ":" + server.getPort();
    }
}
