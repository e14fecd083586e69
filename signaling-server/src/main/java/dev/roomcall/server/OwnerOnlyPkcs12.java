package dev.roomcall.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.MacData;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Pfx;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcePKCSPBEOutputEncryptorBuilder;

/**
 * A PKCS12 keystore for a file only its owner can read, whose password lies beside it in another such file: there
 * its password-based protection guards nothing (whoever can read the one can read the other), so it is written with
 * one key-derivation iteration instead of the JDK's 10,000 per MAC, certificate and key. Opening the JDK's default
 * form costs a cold JVM 0.5–1.5 s of SHA-256 rounds at every start of the server (Jetty opens it twice more); this
 * form opens at once with the JDK's own {@code KeyStore}, keytool and openssl alike. A key that matters more belongs in
 * a keystore its owner made with a password they keep elsewhere ({@code --tls-keystore}).
 */
final class OwnerOnlyPkcs12 {

    /** Key derivation rounds for the MAC and the key: one, see above. */
    static final int ITERATIONS = 1;
    static final String ALIAS = "roomcall";

    private OwnerOnlyPkcs12() {}

    /** The keystore's bytes: the certificate (not encrypted: it is public) and the key, both named {@link #ALIAS}. */
    static byte[] encode(PrivateKey key, X509Certificate certificate, String password) throws IOException {
        char[] secret = password.toCharArray();
        // The JDK's own providers refuse BouncyCastle's names for PBES2 with AES and for the PKCS12 MAC; a private
        // instance (never registered) does the writing, which happens once per certificate.
        BouncyCastleProvider bc = new BouncyCastleProvider();
        try {
            DEROctetString keyId = new DEROctetString(
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(certificate.getPublicKey()).getKeyIdentifier());
            PKCS12SafeBagBuilder certificateBag = new JcaPKCS12SafeBagBuilder(certificate);
            certificateBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString(ALIAS));
            certificateBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, keyId);
            PKCS12SafeBagBuilder keyBag = new JcaPKCS12SafeBagBuilder(key,
                    new JcePKCSPBEOutputEncryptorBuilder(NISTObjectIdentifiers.id_aes256_CBC)
                            .setPRF(new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE))
                            .setProvider(bc).setIterationCount(ITERATIONS).build(secret));
            keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString(ALIAS));
            keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, keyId);
            PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
            pfx.addData(certificateBag.build());
            pfx.addData(keyBag.build());
            return pfx.build(new JcePKCS12MacCalculatorBuilder(NISTObjectIdentifiers.id_sha256)
                    .setProvider(bc).setIterationCount(ITERATIONS), secret).getEncoded(ASN1Encoding.DER);
        } catch (OperatorCreationException | PKCSException | java.security.NoSuchAlgorithmException e) {
            throw new IOException("cannot write a PKCS12 keystore: " + e.getMessage(), e);
        }
    }

    /**
     * Whether the keystore at {@code file} is in this cheap form; false for the JDK's default form (and for anything
     * that is not a PKCS12 file with a MAC), which is worth rewriting once.
     */
    static boolean isCheapToOpen(Path file) {
        try {
            Pfx pfx = new PKCS12PfxPdu(Files.readAllBytes(file)).toASN1Structure();
            MacData mac = pfx.getMacData();
            return mac != null && mac.getIterationCount().intValueExact() <= ITERATIONS;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
