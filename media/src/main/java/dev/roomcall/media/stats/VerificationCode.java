package dev.roomcall.media.stats;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A short code two people compare aloud to know that no one sits between them: it is derived from both DTLS
 * certificate fingerprints of the call, so a man in the middle (who must present his own certificates to each side)
 * makes the two codes differ. Both ends compute it on their own, and the order of the fingerprints does not matter.
 *
 * <p>The algorithm (docs/protocol.md, "Verification code"; the browser page does the same with crypto.subtle):
 * take both fingerprints {@linkplain DtlsFingerprint#normalized() normalized}, sort them (plain character order),
 * hash {@code "roomcall-sas-1\n" + first + "\n" + second} (UTF-8) with SHA-256, read the first four bytes as an
 * unsigned big-endian number and keep it modulo 1,000,000 as six decimal digits.
 *
 * @param digits six decimal digits
 */
public record VerificationCode(String digits) {
    static final String LABEL = "roomcall-sas-1";
    private static final Pattern SIX_DIGITS = Pattern.compile("[0-9]{6}");

    public VerificationCode {
        Objects.requireNonNull(digits, "digits");
        if (!SIX_DIGITS.matcher(digits).matches()) {
            throw new IllegalArgumentException("a verification code is six digits: '" + digits + "'");
        }
    }

    public static VerificationCode of(DtlsFingerprint one, DtlsFingerprint other) {
        String a = one.normalized();
        String b = other.normalized();
        boolean inOrder = a.compareTo(b) <= 0;
        String first = inOrder ? a : b;
        String second = inOrder ? b : a;
        byte[] digest = sha256((LABEL + "\n" + first + "\n" + second).getBytes(StandardCharsets.UTF_8));
        long number = ((digest[0] & 0xffL) << 24) | ((digest[1] & 0xffL) << 16) | ((digest[2] & 0xffL) << 8)
                | (digest[3] & 0xffL);
        return new VerificationCode(String.format("%06d", number % 1_000_000));
    }

    /** {@code 123 456}: two groups of three are easier to read out. */
    public String grouped() {
        return digits.substring(0, 3) + " " + digits.substring(3);
    }

    @Override
    public String toString() {
        return grouped();
    }

    private static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
