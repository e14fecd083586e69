package dev.roomcall.app;

import dev.roomcall.signaling.CertificateFingerprint;
import java.net.http.HttpClient;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/** TLS for tests that trust exactly one certificate, by its SHA-256 fingerprint, as a pinning client does. */
public final class PinningTls {

    private PinningTls() {}

    /** A TLS context whose only rule is the fingerprint; {@code presented} hears the certificate it accepted. */
    public static SSLContext context(String fingerprint, Consumer<X509Certificate> presented)
            throws GeneralSecurityException {
        String expected = CertificateFingerprint.normalize(fingerprint);
        X509TrustManager pin = new X509TrustManager() {
            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                String actual = CertificateFingerprint.sha256(chain[0]);
                if (!actual.equals(expected)) {
                    throw new CertificateException("the server presents " + actual + ", not the pinned " + expected);
                }
                presented.accept(chain[0]);
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                throw new CertificateException("no client certificates here");
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new TrustManager[] {pin}, null);
        return tls;
    }

    /** An HTTP client that trusts exactly the certificate with this fingerprint. */
    public static HttpClient httpClient(String fingerprint) throws GeneralSecurityException {
        return HttpClient.newBuilder().sslContext(context(fingerprint, certificate -> { }))
                .connectTimeout(Duration.ofSeconds(5)).build();
    }
}
