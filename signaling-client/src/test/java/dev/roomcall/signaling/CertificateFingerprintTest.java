package dev.roomcall.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CertificateFingerprintTest {

    /** SHA-256 of the three bytes "abc", from FIPS 180-2. */
    private static final String ABC = "BA:78:16:BF:8F:01:CF:EA:41:41:40:DE:5D:AE:22:23:B0:03:61:A3:96:17:7A:9C:B4:10:FF:61:F2:00:15:AD";

    @Test
    void isTheSha256OfTheEncodingInUpperCaseColonHex() {
        assertEquals(ABC, CertificateFingerprint.sha256("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "ba:78:16:bf:8f:01:cf:ea:41:41:40:de:5d:ae:22:23:b0:03:61:a3:96:17:7a:9c:b4:10:ff:61:f2:00:15:ad",
        "BA 78 16 BF 8F 01 CF EA 41 41 40 DE 5D AE 22 23 B0 03 61 A3 96 17 7A 9C B4 10 FF 61 F2 00 15 AD",
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
        "  BA:78:16:BF:8F:01:CF:EA:41:41:40:DE:5D:AE:22:23:B0:03:61:A3:96:17:7A:9C:B4:10:FF:61:F2:00:15:AD\n",
    })
    void anyWayAPersonWritesItNormalizesToTheSameForm(String typed) {
        assertEquals(ABC, CertificateFingerprint.normalize(typed));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"BA:78", "ZZ:78:16:BF:8F:01:CF:EA:41:41:40:DE:5D:AE:22:23:B0:03:61:A3:96:17:7A:9C:B4:10:FF:61:F2:00:15:AD",
        "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad00"})
    void anythingElseIsRefusedWithAnExplanation(String wrong) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CertificateFingerprint.normalize(wrong));
        assertTrue(e.getMessage().contains("32 hex pairs"), e.getMessage());
    }
}
