package dev.roomcall.app.e2e;

import dev.roomcall.signaling.CertificateFingerprint;
import dev.roomcall.testkit.NetworkLab;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;

/**
 * The certificate a server actually presents, fetched the way a careful person checks it: over TLS, accepted only if
 * its SHA-256 fingerprint is the one they were told. From it, the switch that makes Chromium trust exactly this
 * certificate's key, and nothing else.
 */
final class ServedCertificate {

    private static final String PEM_BEGIN = "-----BEGIN CERTIFICATE-----";
    private static final String PEM_END = "-----END CERTIFICATE-----";

    private ServedCertificate() {}

    /**
     * The certificate the server at {@code host:port} presents to a client in the lab's namespace {@code ns}
     * (fetched there with {@code openssl s_client}), accepted only if it is the one announced.
     *
     * @param fingerprint the SHA-256 fingerprint announced for it ({@code AB:CD:…}); any other certificate fails
     */
    static X509Certificate fetch(NetworkLab lab, String ns, String host, int port, String fingerprint)
            throws IOException, InterruptedException, GeneralSecurityException {
        String output = lab.exec(ns, "openssl", "s_client", "-connect", host + ":" + port, "-showcerts");
        int begin = output.indexOf(PEM_BEGIN);
        int end = output.indexOf(PEM_END, begin);
        if (begin < 0 || end < 0) {
            throw new AssertionError("no certificate from " + host + ":" + port + ":\n" + output);
        }
        byte[] pem = output.substring(begin, end + PEM_END.length()).getBytes(StandardCharsets.US_ASCII);
        X509Certificate presented = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem));
        String actual = CertificateFingerprint.sha256(presented);
        if (!CertificateFingerprint.normalize(actual).equals(CertificateFingerprint.normalize(fingerprint))) {
            throw new AssertionError(host + ":" + port + " presented " + actual + ", not the announced " + fingerprint);
        }
        return presented;
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
