package dev.roomcall.server;

import dev.roomcall.signaling.TlsPolicy;
import org.eclipse.jetty.util.ssl.SslContextFactory;

/** Jetty's TLS set-up for a keystore under Roomcall's {@link TlsPolicy}: the same for the standalone and built-in server. */
final class ServerTls {

    private ServerTls() {}

    static SslContextFactory.Server contextFactory(TlsKeystore keystore) {
        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStorePath(keystore.path().toAbsolutePath().toString());
        tls.setKeyStoreType("PKCS12");
        tls.setKeyStorePassword(keystore.password());
        tls.setIncludeProtocols(TlsPolicy.PROTOCOLS.toArray(String[]::new));
        tls.setIncludeCipherSuites(TlsPolicy.CIPHER_SUITES.toArray(String[]::new));
        tls.setUseCipherSuitesOrder(true);
        // Client-initiated TLS 1.2 renegotiation only ever served attacks (and CPU exhaustion) here.
        tls.setRenegotiationAllowed(false);
        return tls;
    }
}
