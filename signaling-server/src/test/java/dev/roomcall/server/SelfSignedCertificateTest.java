package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.signaling.CertificateFingerprint;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.Pfx;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelfSignedCertificateTest {

    @TempDir
    Path configDir;

    @Test
    void theFirstStartMakesAnEcP256CertificateForTheLocalNamesAndTheGivenOnes() throws Exception {
        SelfSignedCertificate made = SelfSignedCertificate.loadOrCreate(configDir, List.of("192.168.1.20", "My-Laptop.local"));

        assertTrue(made.created());
        assertTrue(made.replacementReason().isEmpty());
        X509Certificate certificate = made.certificate();
        assertEquals(List.of("localhost", "127.0.0.1", "0:0:0:0:0:0:0:1", "192.168.1.20", "my-laptop.local"),
                made.subjectAlternativeNames());
        ECPublicKey key = (ECPublicKey) certificate.getPublicKey();
        assertEquals(256, key.getParams().getCurve().getField().getFieldSize());
        assertEquals("SHA256withECDSA", certificate.getSigAlgName());
        certificate.verify(certificate.getPublicKey()); // self-signed, for real
        assertEquals(certificate.getSubjectX500Principal(), certificate.getIssuerX500Principal());
        assertEquals(-1, certificate.getBasicConstraints(), "not a CA");
        assertTrue(certificate.getExtendedKeyUsage().contains("1.3.6.1.5.5.7.3.1"), "for TLS servers");
    }

    @Test
    void itIsValidForTwoYearsFromNow() throws Exception {
        Instant before = Instant.now();
        X509Certificate certificate = SelfSignedCertificate.loadOrCreate(configDir, List.of()).certificate();

        Duration left = Duration.between(before, certificate.getNotAfter().toInstant());
        assertTrue(left.compareTo(Duration.ofDays(729)) > 0 && left.compareTo(Duration.ofDays(731)) < 0, "valid for " + left);
        assertTrue(certificate.getNotBefore().toInstant().isBefore(before), "already valid now, even for a clock a bit behind");
    }

    @Test
    void theKeystoreIsPkcs12WithTheKeyAndOnlyTheOwnerCanReadIt() throws Exception {
        SelfSignedCertificate made = SelfSignedCertificate.loadOrCreate(configDir, List.of());

        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(made.keystore().path())) {
            keyStore.load(in, made.keystore().password().toCharArray());
        }
        String alias = keyStore.aliases().nextElement();
        assertTrue(keyStore.getKey(alias, made.keystore().password().toCharArray()) instanceof PrivateKey);
        assertEquals(made.certificate(), keyStore.getCertificate(alias));
        Set<PosixFilePermission> ownerOnly = Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertEquals(ownerOnly, Files.getPosixFilePermissions(made.keystore().path()));
        assertEquals(ownerOnly, Files.getPosixFilePermissions(configDir.resolve(SelfSignedCertificate.PASSWORD_FILE)));
        assertFalse(made.keystore().toString().contains(made.keystore().password()), "toString hides the password");
    }

    @Test
    void laterStartsReuseTheStoredCertificateSoTheFingerprintStaysTheSame() throws Exception {
        SelfSignedCertificate first = SelfSignedCertificate.loadOrCreate(configDir, List.of());

        SelfSignedCertificate second = SelfSignedCertificate.loadOrCreate(configDir, List.of("10.1.2.3"));

        assertFalse(second.created());
        assertEquals(first.sha256Fingerprint(), second.sha256Fingerprint());
        assertFalse(second.covers("10.1.2.3"), "a reused certificate keeps its names; create() makes one that covers more");
        assertTrue(SelfSignedCertificate.create(configDir, List.of("10.1.2.3")).covers("10.1.2.3"));
    }

    @Test
    void theKeystoreIsWrittenToOpenWithoutThousandsOfKeyDerivationRounds() throws Exception {
        SelfSignedCertificate made = SelfSignedCertificate.loadOrCreate(configDir, List.of());

        Pfx pfx = new PKCS12PfxPdu(Files.readAllBytes(made.keystore().path())).toASN1Structure();
        assertEquals(1, pfx.getMacData().getIterationCount().intValue(), "the MAC: one round, not the JDK's 10,000");
        assertTrue(OwnerOnlyPkcs12.isCheapToOpen(made.keystore().path()));
        Process openssl = new ProcessBuilder("openssl", "pkcs12", "-in", made.keystore().path().toString(), "-info",
                "-noout", "-passin", "file:" + configDir.resolve(SelfSignedCertificate.PASSWORD_FILE))
                .redirectErrorStream(true).start();
        String said = new String(openssl.getInputStream().readAllBytes());
        assertEquals(0, openssl.waitFor(), said);
        assertTrue(said.contains("Shrouded Keybag") && said.contains("Iteration 1"), said);
    }

    @Test
    void aKeystoreInTheJdksDefaultFormIsRewrittenOnceKeepingItsCertificate() throws Exception {
        SelfSignedCertificate first = SelfSignedCertificate.loadOrCreate(configDir, List.of());
        Path file = first.keystore().path();
        char[] password = first.keystore().password().toCharArray();
        KeyStore stored = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            stored.load(in, password);
        }
        KeyStore jdkDefault = KeyStore.getInstance("PKCS12");
        jdkDefault.load(null, null);
        jdkDefault.setKeyEntry("old", stored.getKey("roomcall", password), password, stored.getCertificateChain("roomcall"));
        try (OutputStream out = Files.newOutputStream(file)) {
            jdkDefault.store(out, password);
        }
        assertFalse(OwnerOnlyPkcs12.isCheapToOpen(file), "as an older Roomcall wrote it");

        SelfSignedCertificate reused = SelfSignedCertificate.loadOrCreate(configDir, List.of());

        assertFalse(reused.created());
        assertEquals(first.sha256Fingerprint(), reused.sha256Fingerprint(), "people compared this fingerprint once");
        assertTrue(OwnerOnlyPkcs12.isCheapToOpen(file));
        assertEquals(first.sha256Fingerprint(), SelfSignedCertificate.loadOrCreate(configDir, List.of()).sha256Fingerprint());
    }

    @Test
    void anExpiredCertificateIsReplacedAndTheReasonIsKept() throws Exception {
        String old = SelfSignedCertificate.loadOrCreate(configDir, List.of()).sha256Fingerprint();
        Clock threeYearsLater = Clock.fixed(Instant.now().plus(Duration.ofDays(3 * 365)), ZoneOffset.UTC);

        SelfSignedCertificate renewed = SelfSignedCertificate.loadOrCreate(configDir, List.of(), threeYearsLater);

        assertTrue(renewed.created());
        assertNotEquals(old, renewed.sha256Fingerprint());
        assertTrue(renewed.replacementReason().orElseThrow().contains("expired"), renewed.replacementReason().orElseThrow());
    }

    @Test
    void aCertificateAboutToExpireIsReplacedBeforeItCanExpireMidCall() throws Exception {
        SelfSignedCertificate.loadOrCreate(configDir, List.of());
        Clock nearTheEnd = Clock.fixed(Instant.now().plus(SelfSignedCertificate.VALIDITY).minus(Duration.ofDays(2)), ZoneOffset.UTC);

        SelfSignedCertificate renewed = SelfSignedCertificate.loadOrCreate(configDir, List.of(), nearTheEnd);

        assertTrue(renewed.created());
        assertTrue(renewed.replacementReason().orElseThrow().contains("expires"), renewed.replacementReason().orElseThrow());
    }

    @Test
    void aCorruptKeystoreIsReplaced() throws Exception {
        SelfSignedCertificate.loadOrCreate(configDir, List.of());
        Files.writeString(configDir.resolve(SelfSignedCertificate.KEYSTORE_FILE), "not a keystore");

        SelfSignedCertificate renewed = SelfSignedCertificate.loadOrCreate(configDir, List.of());

        assertTrue(renewed.created());
        assertTrue(renewed.replacementReason().orElseThrow().contains("cannot be read"), renewed.replacementReason().orElseThrow());
        assertFalse(SelfSignedCertificate.loadOrCreate(configDir, List.of()).created(), "and the replacement is good");
    }

    @Test
    void aLostPasswordFileMeansANewCertificate() throws Exception {
        SelfSignedCertificate.loadOrCreate(configDir, List.of());
        Files.delete(configDir.resolve(SelfSignedCertificate.PASSWORD_FILE));

        assertTrue(SelfSignedCertificate.loadOrCreate(configDir, List.of()).created());
    }

    @Test
    void theFingerprintIsTheSha256OfTheCertificateInColonHex() throws Exception {
        SelfSignedCertificate made = SelfSignedCertificate.loadOrCreate(configDir, List.of());

        String fingerprint = made.sha256Fingerprint();

        assertTrue(fingerprint.matches("([0-9A-F]{2}:){31}[0-9A-F]{2}"), fingerprint);
        assertEquals(CertificateFingerprint.sha256(made.certificate().getEncoded()), fingerprint);
    }

    @Test
    void wildcardAddressesAreSkippedAndIpv6IsMatchedInAnyNotation() throws Exception {
        SelfSignedCertificate made = SelfSignedCertificate.loadOrCreate(configDir, List.of("0.0.0.0", "[fd00::1]"));

        assertFalse(made.subjectAlternativeNames().contains("0.0.0.0"));
        assertTrue(made.covers("fd00:0:0:0:0:0:0:1"));
        assertTrue(made.covers("[::1]"));
        assertTrue(made.covers("LOCALHOST"));
        assertFalse(made.covers("example.org"));
    }

    @Test
    void somethingThatIsNeitherAHostNameNorAnAddressIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SelfSignedCertificate.loadOrCreate(configDir, List.of("not a host")));
        assertTrue(e.getMessage().contains("not a host"), e.getMessage());
    }
}
