package dev.roomcall.server;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.crypto.Cipher;
import javax.crypto.CipherOutputStream;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.DERBMPString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.EncryptionScheme;
import org.bouncycastle.asn1.pkcs.KeyDerivationFunc;
import org.bouncycastle.asn1.pkcs.MacData;
import org.bouncycastle.asn1.pkcs.PBES2Parameters;
import org.bouncycastle.asn1.pkcs.PBKDF2Params;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.Pfx;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.operator.GenericKey;
import org.bouncycastle.operator.OutputEncryptor;
import org.bouncycastle.pkcs.PKCS12PfxPdu;
import org.bouncycastle.pkcs.PKCS12PfxPduBuilder;
import org.bouncycastle.pkcs.PKCS12SafeBagBuilder;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.bc.BcPKCS12MacCalculatorBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS12SafeBagBuilder;

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
        try {
            DEROctetString keyId = new DEROctetString(
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(certificate.getPublicKey()).getKeyIdentifier());
            PKCS12SafeBagBuilder certificateBag = new JcaPKCS12SafeBagBuilder(certificate);
            certificateBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString(ALIAS));
            certificateBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, keyId);
            PKCS12SafeBagBuilder keyBag = new JcaPKCS12SafeBagBuilder(key, new Pbes2AesEncryptor(secret));
            keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_friendlyName, new DERBMPString(ALIAS));
            keyBag.addBagAttribute(PKCSObjectIdentifiers.pkcs_9_at_localKeyId, keyId);
            PKCS12PfxPduBuilder pfx = new PKCS12PfxPduBuilder();
            pfx.addData(certificateBag.build());
            pfx.addData(keyBag.build());
            // BouncyCastle's lightweight digest, not its JCE provider (which the app does not ship whole).
            return pfx.build(new BcPKCS12MacCalculatorBuilder(new SHA256Digest(),
                            new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256, DERNull.INSTANCE))
                            .setIterationCount(ITERATIONS), secret).getEncoded(ASN1Encoding.DER);
        } catch (PKCSException | GeneralSecurityException e) {
            throw new IOException("cannot write a PKCS12 keystore: " + e.getMessage(), e);
        }
    }

    /**
     * PBES2 (PBKDF2 with HMAC-SHA256, AES-256-CBC) through the JDK's own providers, which read it back; BouncyCastle's
     * JCE builder asks them for AES by an OID they map to a cipher without padding.
     */
    private static final class Pbes2AesEncryptor implements OutputEncryptor {
        private final AlgorithmIdentifier algorithm;
        private final Cipher cipher;
        private final byte[] key;

        Pbes2AesEncryptor(char[] password) throws GeneralSecurityException {
            SecureRandom random = new SecureRandom();
            byte[] salt = new byte[16];
            byte[] iv = new byte[16];
            random.nextBytes(salt);
            random.nextBytes(iv);
            key = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(password, salt, ITERATIONS, 256)).getEncoded();
            cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
            AlgorithmIdentifier prf = new AlgorithmIdentifier(PKCSObjectIdentifiers.id_hmacWithSHA256, DERNull.INSTANCE);
            algorithm = new AlgorithmIdentifier(PKCSObjectIdentifiers.id_PBES2, new PBES2Parameters(
                    new KeyDerivationFunc(PKCSObjectIdentifiers.id_PBKDF2, new PBKDF2Params(salt, ITERATIONS, 32, prf)),
                    new EncryptionScheme(NISTObjectIdentifiers.id_aes256_CBC, new DEROctetString(iv))));
        }

        @Override
        public AlgorithmIdentifier getAlgorithmIdentifier() {
            return algorithm;
        }

        @Override
        public OutputStream getOutputStream(OutputStream out) {
            return new CipherOutputStream(out, cipher);
        }

        @Override
        public GenericKey getKey() {
            return new GenericKey(algorithm, key);
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
