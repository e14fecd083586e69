package dev.roomcall.signaling;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The SHA-256 fingerprint of a certificate in the form browsers show and people compare:
 * 32 upper-case hex pairs joined by colons, {@code 3F:A2:…:9C}. The server prints it for its
 * certificate; a client pins it ({@link SignalingClientBuilder#pinnedCertificate(String)}).
 */
public final class CertificateFingerprint {

    private static final HexFormat COLON_HEX = HexFormat.ofDelimiter(":").withUpperCase();
    /** What people paste: colons, spaces or nothing between the pairs, any case. */
    private static final Pattern SEPARATORS = Pattern.compile("[\\s:]+");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    private CertificateFingerprint() {}

    /** The SHA-256 fingerprint of the certificate's DER encoding. */
    public static String sha256(X509Certificate certificate) {
        try {
            return sha256(certificate.getEncoded());
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded: " + e.getMessage(), e);
        }
    }

    /** The SHA-256 fingerprint of DER-encoded certificate bytes. */
    public static String sha256(byte[] der) {
        try {
            return COLON_HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(der));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /**
     * A fingerprint as typed or pasted (any case; colons, spaces or nothing between pairs) in the canonical form.
     *
     * @throws IllegalArgumentException if it is not 32 bytes of hex
     */
    public static String normalize(String fingerprint) {
        String compact = fingerprint == null ? "" : SEPARATORS.matcher(fingerprint.strip()).replaceAll("").toLowerCase(Locale.ROOT);
        if (!SHA256_HEX.matcher(compact).matches()) {
            throw new IllegalArgumentException("a SHA-256 certificate fingerprint is 32 hex pairs like 3F:A2:…, was '"
                    + (fingerprint == null ? "" : fingerprint.length() > 120 ? fingerprint.substring(0, 120) + "…" : fingerprint) + "'");
        }
        return COLON_HEX.formatHex(HexFormat.of().parseHex(compact));
    }
}
