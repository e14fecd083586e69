package dev.roomcall.signaling;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/**
 * Roomcall's one TLS policy, for its servers and its Java client alike: TLS 1.2 and 1.3 only, and only cipher suites
 * that are forward secret (ephemeral elliptic-curve Diffie-Hellman; TLS 1.3 always is) and authenticated encryption
 * (AES-GCM, ChaCha20-Poly1305). That rules out the old protocols' known attacks (POODLE, BEAST, downgrade), RSA key
 * exchange (a key stolen later would decrypt recorded calls' signaling), CBC suites (padding oracles) and SHA-1
 * MACs. Every current browser and Java runtime speaks at least one of these suites.
 */
public final class TlsPolicy {

    public static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");

    /** Strongest first; a server picks by its own order. Names as Java spells them (IANA names). */
    public static final List<String> CIPHER_SUITES = List.of(
            // TLS 1.3: all three are AEAD and forward secret by design.
            "TLS_AES_256_GCM_SHA384",
            "TLS_AES_128_GCM_SHA256",
            "TLS_CHACHA20_POLY1305_SHA256",
            // TLS 1.2: ECDHE key exchange with an AEAD cipher; ECDSA for EC certificates, RSA for RSA ones.
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private TlsPolicy() {}

    /** The policy's entries that are also in {@code supported}, in the policy's order. */
    static String[] intersect(List<String> policy, String[] supported) {
        Set<String> available = Set.of(supported);
        return policy.stream().filter(available::contains).toArray(String[]::new);
    }

    /** Restricts one socket, before its handshake, to the policy's protocols and suites. */
    public static SSLSocket apply(SSLSocket socket) {
        socket.setEnabledProtocols(intersect(PROTOCOLS, socket.getSupportedProtocols()));
        socket.setEnabledCipherSuites(intersect(CIPHER_SUITES, socket.getSupportedCipherSuites()));
        return socket;
    }

    /** A factory whose every socket follows the policy (see {@link #apply}). */
    public static SSLSocketFactory restrict(SSLSocketFactory factory) {
        return new Restricted(factory);
    }

    private static final class Restricted extends SSLSocketFactory {
        private final SSLSocketFactory delegate;

        Restricted(SSLSocketFactory delegate) {
            this.delegate = delegate;
        }

        @Override
        public String[] getDefaultCipherSuites() {
            return intersect(CIPHER_SUITES, delegate.getDefaultCipherSuites());
        }

        @Override
        public String[] getSupportedCipherSuites() {
            return intersect(CIPHER_SUITES, delegate.getSupportedCipherSuites());
        }

        @Override
        public Socket createSocket() throws IOException {
            return restricted(delegate.createSocket());
        }

        @Override
        public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
            return restricted(delegate.createSocket(socket, host, port, autoClose));
        }

        @Override
        public Socket createSocket(Socket socket, InputStream consumed, boolean autoClose) throws IOException {
            return restricted(delegate.createSocket(socket, consumed, autoClose));
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return restricted(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return restricted(delegate.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return restricted(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return restricted(delegate.createSocket(address, port, localAddress, localPort));
        }

        private static Socket restricted(Socket socket) {
            if (socket instanceof SSLSocket tls) {
                apply(tls);
            }
            return socket;
        }

        @Override
        public String toString() {
            return "TlsPolicy" + PROTOCOLS + " over " + delegate;
        }
    }
}
