package dev.roomcall.signaling;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.WeakHashMap;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * How a {@code wss://} connection decides whether to trust the server: by default as every HTTPS
 * client does (a trusted authority vouches for the certificate, and it names the host connected to);
 * with a pin, by the certificate's SHA-256 fingerprint alone, which is how a self-signed server is
 * trusted after its fingerprint was compared. A refusal explains itself in one sentence and names the
 * fingerprint that was presented, because "PKIX path building failed" tells a person nothing.
 */
final class CertificateTrust {

    private final String pinnedFingerprint;
    private final KeyStore trustStore;
    /** Made on first use (plain ws:// never needs one) and shared by all attempts: loading cacerts is not free. */
    private SSLSocketFactory socketFactory;
    /**
     * Which socket's handshake this policy refused, and why. The WebSocket library reports a failed handshake from
     * whichever of its threads notices first, sometimes as a bare end of stream; this verdict is certain.
     */
    private final Map<Socket, CertificateException> refusals = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * @param pinnedFingerprint SHA-256 fingerprint the server's certificate must have, or null to verify normally
     * @param trustStore        authorities to trust instead of the runtime's default ones, or null for the default
     */
    CertificateTrust(String pinnedFingerprint, KeyStore trustStore) {
        this.pinnedFingerprint = pinnedFingerprint == null ? null : CertificateFingerprint.normalize(pinnedFingerprint);
        this.trustStore = trustStore;
    }

    /** A TLS socket factory that applies this policy. */
    synchronized SSLSocketFactory socketFactory() {
        if (socketFactory == null) {
            socketFactory = newSocketFactory();
        }
        return socketFactory;
    }

    private SSLSocketFactory newSocketFactory() {
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            X509ExtendedTrustManager manager = pinnedFingerprint != null
                    ? new Pinned(pinnedFingerprint)
                    : new Explaining(defaultManager(trustStore));
            context.init(null, new TrustManager[] {new Recording(manager)}, null);
            return TlsPolicy.restrict(context.getSocketFactory());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime cannot set up TLS: " + e.getMessage(), e);
        }
    }

    /** Why the handshake on {@code socket} was refused, or null if this policy did not refuse it. */
    CertificateException refusal(Socket socket) {
        return socket == null ? null : refusals.get(socket);
    }

    /**
     * Passes every check to another trust manager; a refused server certificate goes through
     * {@link #refused} first, which is all the subclasses change.
     */
    private abstract static class Delegating extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager delegate;

        Delegating(X509ExtendedTrustManager delegate) {
            this.delegate = Objects.requireNonNull(delegate);
        }

        /** What to throw for a refused server certificate; {@code socket} is null for an engine or no transport. */
        abstract CertificateException refused(X509Certificate[] chain, CertificateException e, Socket socket);

        @Override
        public final void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            try {
                delegate.checkServerTrusted(chain, authType, socket);
            } catch (CertificateException e) {
                throw refused(chain, e, socket);
            }
        }

        @Override
        public final void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            try {
                delegate.checkServerTrusted(chain, authType, engine);
            } catch (CertificateException e) {
                throw refused(chain, e, null);
            }
        }

        @Override
        public final void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            try {
                delegate.checkServerTrusted(chain, authType);
            } catch (CertificateException e) {
                throw refused(chain, e, null);
            }
        }

        @Override
        public final void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
                throws CertificateException {
            delegate.checkClientTrusted(chain, authType, socket);
        }

        @Override
        public final void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                throws CertificateException {
            delegate.checkClientTrusted(chain, authType, engine);
        }

        @Override
        public final void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            delegate.checkClientTrusted(chain, authType);
        }

        @Override
        public final X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }

    /** Notes each refusal against the socket it happened on. */
    private final class Recording extends Delegating {
        Recording(X509ExtendedTrustManager delegate) {
            super(delegate);
        }

        @Override
        CertificateException refused(X509Certificate[] chain, CertificateException e, Socket socket) {
            if (socket != null) {
                refusals.put(socket, e);
            }
            return e;
        }
    }

    private static X509ExtendedTrustManager defaultManager(KeyStore trustStore) throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trustStore); // null: the runtime's cacerts
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509ExtendedTrustManager extended) {
                return extended;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager available");
    }

    /** Accepts exactly one certificate, whoever signed it and whatever host it names: the pin says it all. */
    private static final class Pinned extends X509ExtendedTrustManager {
        private final String expected;

        Pinned(String expected) {
            this.expected = expected;
        }

        private void check(X509Certificate[] chain) throws CertificateException {
            if (chain == null || chain.length == 0) {
                throw new CertificateException("the server sent no certificate");
            }
            String got = CertificateFingerprint.sha256(chain[0]);
            if (!got.equals(expected)) {
                throw new CertificateException("certificate fingerprint mismatch: expected " + expected + ", got " + got);
            }
            // Only its time is checked: a pinned certificate that expired is one whose owner meant it to stop working.
            chain[0].checkValidity();
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw new CertificateException("a signaling client does not accept connections");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw new CertificateException("a signaling client does not accept connections");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("a signaling client does not accept connections");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }

    /** The runtime's own verification (authorities, validity, host name), with refusals a person can act on. */
    private static final class Explaining extends Delegating {
        Explaining(X509ExtendedTrustManager delegate) {
            super(delegate);
        }

        @Override
        CertificateException refused(X509Certificate[] chain, CertificateException e, Socket socket) {
            return explain(chain, e);
        }

        private static CertificateException explain(X509Certificate[] chain, CertificateException e) {
            String why;
            if (has(e, CertificateExpiredException.class)) {
                why = "it has expired";
            } else if (has(e, CertificateNotYetValidException.class)) {
                why = "it is not valid yet (is this computer's clock right?)";
            } else if (has(e, CertPathValidatorException.class) || String.valueOf(e.getMessage()).contains("PKIX")) {
                boolean selfSigned = chain != null && chain.length == 1
                        && chain[0].getSubjectX500Principal().equals(chain[0].getIssuerX500Principal());
                why = selfSigned
                        ? "it is self-signed and not pinned"
                        : "no authority this computer trusts signed it";
            } else if (String.valueOf(e.getMessage()).startsWith("No ")) {
                why = "it is for another host (" + e.getMessage() + ")";
            } else {
                why = String.valueOf(e.getMessage());
            }
            String fingerprint = chain == null || chain.length == 0 ? "none" : CertificateFingerprint.sha256(chain[0]);
            CertificateException clear = new CertificateException("certificate not trusted: " + why
                    + "; its SHA-256 fingerprint is " + fingerprint
                    + " (pin it only if it matches what the server shows)", e);
            return clear;
        }

        private static boolean has(Throwable e, Class<? extends Throwable> type) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (type.isInstance(t)) {
                    return true;
                }
            }
            return false;
        }
    }
}
