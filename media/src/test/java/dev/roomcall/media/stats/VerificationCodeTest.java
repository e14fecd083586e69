package dev.roomcall.media.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VerificationCodeTest {
    /** Bytes 00..1F and FF..E0; the expected code was computed with Node's crypto module, not with this class. */
    static final DtlsFingerprint RISING = new DtlsFingerprint("sha-256",
            "00:01:02:03:04:05:06:07:08:09:0A:0B:0C:0D:0E:0F:10:11:12:13:14:15:16:17:18:19:1A:1B:1C:1D:1E:1F");
    static final DtlsFingerprint FALLING = new DtlsFingerprint("sha-256",
            "FF:FE:FD:FC:FB:FA:F9:F8:F7:F6:F5:F4:F3:F2:F1:F0:EF:EE:ED:EC:EB:EA:E9:E8:E7:E6:E5:E4:E3:E2:E1:E0");

    @Test
    void matchesTheDocumentedTestVector() {
        VerificationCode code = VerificationCode.of(RISING, FALLING);
        assertEquals("148373", code.digits());
        assertEquals("148 373", code.grouped());
    }

    @Test
    void bothEndsGetTheSameCodeWhicheverFingerprintIsTheirOwn() {
        assertEquals(VerificationCode.of(RISING, FALLING), VerificationCode.of(FALLING, RISING));
    }

    @Test
    void theSpellingOfAFingerprintDoesNotChangeTheCode() {
        DtlsFingerprint lowerCase = new DtlsFingerprint("SHA-256", FALLING.hex().toLowerCase());
        assertEquals(VerificationCode.of(RISING, FALLING), VerificationCode.of(lowerCase, RISING));
    }

    @Test
    void anotherCertificateOnEitherSideGivesAnotherCode() {
        DtlsFingerprint other = new DtlsFingerprint("sha-256", RISING.hex().replace("1F", "1E"));
        VerificationCode genuine = VerificationCode.of(RISING, FALLING);
        assertNotEquals(genuine, VerificationCode.of(other, FALLING), "a man in the middle's certificate on our side");
        assertNotEquals(genuine, VerificationCode.of(RISING, other), "a man in the middle's certificate on theirs");
    }

    @Test
    void codesSpreadOverTheWholeRangeAndKeepLeadingZeros() {
        Set<String> codes = new HashSet<>();
        boolean leadingZero = false;
        for (int i = 0; i < 256; i++) {
            DtlsFingerprint varied = new DtlsFingerprint("sha-256", String.format("%02X:00", i));
            VerificationCode code = VerificationCode.of(varied, FALLING);
            assertEquals(6, code.digits().length());
            codes.add(code.digits());
            leadingZero |= code.digits().startsWith("0");
        }
        assertTrue(codes.size() >= 250, "256 certificates, nearly as many codes: " + codes.size());
        assertTrue(leadingZero, "about one code in ten starts with 0, and it stays six digits");
    }

    @Test
    void refusesAnythingButSixDigits() {
        assertThrows(IllegalArgumentException.class, () -> new VerificationCode("12345"));
        assertThrows(IllegalArgumentException.class, () -> new VerificationCode("12345a"));
    }
}
