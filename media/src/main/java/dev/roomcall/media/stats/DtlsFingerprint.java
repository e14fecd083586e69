package dev.roomcall.media.stats;

import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The fingerprint of a DTLS certificate as an SDP {@code a=fingerprint:} attribute carries it (RFC 8122), in the
 * normalized form both ends of a call derive the same way: hash function lower-case, hex digits upper-case, bytes
 * separated by colons.
 *
 * @param algorithm the hash function, e.g. {@code sha-256}
 * @param hex       the digest, e.g. {@code 4A:AD:B9:...}
 */
public record DtlsFingerprint(String algorithm, String hex) {
    private static final Pattern ALGORITHM = Pattern.compile("[a-z0-9-]{1,32}");
    private static final Pattern HEX = Pattern.compile("[0-9A-F]{2}(:[0-9A-F]{2}){1,63}");
    private static final Pattern ATTRIBUTE = Pattern.compile("(?m)^a=fingerprint:[ \\t]*(\\S+)[ \\t]+(\\S+)[ \\t]*\\r?$");

    public DtlsFingerprint {
        Objects.requireNonNull(algorithm, "algorithm");
        Objects.requireNonNull(hex, "hex");
        algorithm = algorithm.toLowerCase(Locale.ROOT);
        hex = hex.toUpperCase(Locale.ROOT);
        if (!ALGORITHM.matcher(algorithm).matches()) {
            throw new IllegalArgumentException("not a fingerprint hash function: '" + algorithm + "'");
        }
        if (!HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("not a fingerprint (colon-separated hex bytes): '" + hex + "'");
        }
    }

    /**
     * The first well-formed {@code a=fingerprint:} line of a session description, session-level or in a media
     * section. With BUNDLE every section carries the same certificate, and both ends read the same SDP text, so
     * "the first" picks the same line on both sides.
     */
    public static Optional<DtlsFingerprint> fromSdp(String sdp) {
        if (sdp == null) {
            return Optional.empty();
        }
        Matcher line = ATTRIBUTE.matcher(sdp);
        while (line.find()) {
            try {
                return Optional.of(new DtlsFingerprint(line.group(1), line.group(2)));
            } catch (IllegalArgumentException malformed) {
                // A garbled line is no fingerprint; a later well-formed one may still be.
            }
        }
        return Optional.empty();
    }

    /** {@code sha-256 4A:AD:...}: the form the verification code hashes, and how people read it. */
    public String normalized() {
        return algorithm + " " + hex;
    }

    @Override
    public String toString() {
        return normalized();
    }
}
