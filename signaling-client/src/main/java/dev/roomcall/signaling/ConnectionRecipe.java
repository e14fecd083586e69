package dev.roomcall.signaling;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/**
 * How {@link SignalingClient} opens each attempt to reach its room: the same address, headers, time limits and
 * trust every time, so a reconnect is the first connection again.
 *
 * @param heartbeatSeconds seconds between pings on an open connection, 0 for none
 */
record ConnectionRecipe(URI uri, Map<String, String> headers, Duration connectTimeout, int heartbeatSeconds,
                        CertificateTrust trust) {

    static ConnectionRecipe of(SignalingClientBuilder builder) {
        int heartbeat = builder.heartbeat.isZero() ? 0
                : (int) Math.max(1, Math.min(Integer.MAX_VALUE, builder.heartbeat.toSeconds()));
        return new ConnectionRecipe(builder.uri, Map.copyOf(builder.headers), builder.connectTimeout, heartbeat,
                new CertificateTrust(builder.pinnedCertificate, builder.trustStore));
    }

    /** A new, not yet started connection whose callbacks go to {@code events}. */
    Connection attempt(Connection.Events events) {
        return new Connection(uri, headers, (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()),
                heartbeatSeconds, trust, events);
    }
}
