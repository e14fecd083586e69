package dev.roomcall.app.e2e;

import dev.roomcall.app.PinningTls;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * The certificate a server actually presents, fetched the way a careful person checks it: over TLS, accepted only if
 * its SHA-256 fingerprint is the one they were told. From it, the switch that makes Chromium trust exactly this
 * certificate's key, and nothing else.
 */
final class ServedCertificate {

    private static final int TIMEOUT_MILLIS = 10_000;

    private ServedCertificate() {}

    /**
     * The certificate {@code https} presents.
     *
     * @param fingerprint the SHA-256 fingerprint announced for it ({@code AB:CD:…}); any other certificate fails the handshake
     */
    static X509Certificate fetch(URI https, String fingerprint) throws IOException, GeneralSecurityException {
        AtomicReference<X509Certificate> presented = new AtomicReference<>();
        SSLContext tls = PinningTls.context(fingerprint, presented::set);
        try (SSLSocket socket = (SSLSocket) tls.getSocketFactory().createSocket()) {
            socket.connect(new InetSocketAddress(https.getHost(), https.getPort()), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            socket.startHandshake();
        }
        return presented.get();
    }

    /** Base64 of the SHA-256 of the certificate's SubjectPublicKeyInfo (DER), the form Chromium's SPKI lists take. */
    static String spkiSha256(X509Certificate certificate) {
        try {
            byte[] spki = certificate.getPublicKey().getEncoded();
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(spki));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /**
     * Chromium's switch to accept this certificate's key despite its errors (self-signed, its name): certificate
     * checks stay on for every other key. Chromium honours it only with a {@code --user-data-dir}, which
     * {@link BrowserPeer} always gives.
     */
    static String chromiumTrustSwitch(X509Certificate certificate) {
        return "--ignore-certificate-errors-spki-list=" + spkiSha256(certificate);
    }
}
