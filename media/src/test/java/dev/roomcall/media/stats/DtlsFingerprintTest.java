package dev.roomcall.media.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DtlsFingerprintTest {
    static final String CHROME_HEX = "4A:AD:B9:B1:3F:82:18:3B:54:02:12:DF:3E:5D:49:6B:19:E5:7C:AB:4A:AD:B9:B1:"
            + "3F:82:18:3B:54:02:12:DF";

    /** The shape of a browser's description: the fingerprint in each bundled media section, CRLF line ends. */
    static final String CHROME_SDP = String.join("\r\n",
            "v=0",
            "o=- 4611731400430051336 2 IN IP4 127.0.0.1",
            "s=-",
            "t=0 0",
            "a=group:BUNDLE 0 1",
            "m=audio 9 UDP/TLS/RTP/SAVPF 111",
            "c=IN IP4 0.0.0.0",
            "a=ice-ufrag:Xk3b",
            "a=fingerprint:sha-256 " + CHROME_HEX,
            "a=setup:actpass",
            "a=mid:0",
            "m=video 9 UDP/TLS/RTP/SAVPF 96",
            "a=fingerprint:sha-256 " + CHROME_HEX,
            "a=mid:1",
            "");

    @Test
    void readsTheFingerprintOfABrowserDescription() {
        assertEquals(Optional.of(new DtlsFingerprint("sha-256", CHROME_HEX)), DtlsFingerprint.fromSdp(CHROME_SDP));
    }

    @Test
    void aSessionLevelFingerprintWithUnixLineEndsCountsToo() {
        String sdp = "v=0\ns=-\na=fingerprint:SHA-1 0a:1b:2c:3d\nm=audio 9 UDP/TLS/RTP/SAVPF 111\n";
        assertEquals("sha-1 0A:1B:2C:3D", DtlsFingerprint.fromSdp(sdp).orElseThrow().normalized());
    }

    @Test
    void normalizesCaseSoBothEndsHashTheSameText() {
        DtlsFingerprint lower = new DtlsFingerprint("SHA-256", CHROME_HEX.toLowerCase());
        assertEquals("sha-256 " + CHROME_HEX, lower.normalized());
        assertEquals(new DtlsFingerprint("sha-256", CHROME_HEX), lower);
    }

    @Test
    void theFirstWellFormedLineWinsAndGarbledOnesAreSkipped() {
        String sdp = "v=0\r\na=fingerprint:sha-256 not-hex\r\na=fingerprint:sha-256 AB:CD\r\n"
                + "a=fingerprint:sha-512 EF:01\r\n";
        assertEquals("sha-256 AB:CD", DtlsFingerprint.fromSdp(sdp).orElseThrow().normalized());
    }

    @Test
    void noFingerprintMeansEmptyNotAFailure() {
        assertTrue(DtlsFingerprint.fromSdp("v=0\r\ns=-\r\n").isEmpty());
        assertTrue(DtlsFingerprint.fromSdp("").isEmpty());
        assertTrue(DtlsFingerprint.fromSdp(null).isEmpty());
        assertTrue(DtlsFingerprint.fromSdp("x=a=fingerprint:sha-256 AB:CD").isEmpty(), "only at a line start");
    }

    @Test
    void refusesSomethingThatIsNotAFingerprint() {
        assertThrows(IllegalArgumentException.class, () -> new DtlsFingerprint("sha-256", "ABCD"));
        assertThrows(IllegalArgumentException.class, () -> new DtlsFingerprint("sha 256", "AB:CD"));
        assertThrows(IllegalArgumentException.class, () -> new DtlsFingerprint("sha-256", "AB:CD:"));
    }
}
