package dev.roomcall.server;

import dev.roomcall.signaling.CertificateFingerprint;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.util.IPAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A self-signed TLS certificate for a server nobody has a real certificate for, such as the app's
 * built-in one: browsers give a page camera access only on a secure origin ({@code https://}, or
 * {@code localhost}), so a browser on another machine needs TLS even on a LAN.
 *
 * <p>It lives in a directory (the app passes the person's config directory) as a PKCS12 keystore and a
 * password file, both readable by the owner only. {@link #loadOrCreate} makes it once and reuses it on
 * every later start, so its fingerprint stays the same and can be compared once and remembered; it
 * makes a new one, with a warning, when the stored one is expired, about to expire, or unreadable.
 *
 * <p>The key is EC P-256, the certificate valid for two years, for {@code localhost}, {@code 127.0.0.1},
 * {@code ::1} and the host names and addresses given. Built with BouncyCastle; signing and the keystore
 * use the Java runtime's own providers.
 */
public final class SelfSignedCertificate {

    private static final Logger LOG = LoggerFactory.getLogger(SelfSignedCertificate.class);

    public static final String KEYSTORE_FILE = "roomcall-tls.p12";
    public static final String PASSWORD_FILE = "roomcall-tls.password";
    /** How long a new certificate is valid. */
    public static final Duration VALIDITY = Duration.ofDays(730);
    /** A stored certificate closer than this to its end is replaced, so it never expires during a call. */
    public static final Duration RENEW_BEFORE = Duration.ofDays(7);
    /** Always in the certificate: the names this machine has for itself. */
    public static final List<String> LOCAL_NAMES = List.of("localhost", "127.0.0.1", "::1");

    private static final String SUBJECT = "CN=Roomcall self-signed";
    /** A clock a little behind the server's must not find the certificate "not yet valid". */
    private static final Duration BACKDATE = Duration.ofDays(1);
    private static final Pattern DNS_NAME = Pattern.compile("(?=.{1,253}$)[A-Za-z0-9*]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final TlsKeystore keystore;
    private final X509Certificate certificate;
    private final boolean created;
    private final String replacementReason;

    private SelfSignedCertificate(TlsKeystore keystore, X509Certificate certificate, boolean created, String replacementReason) {
        this.keystore = keystore;
        this.certificate = certificate;
        this.created = created;
        this.replacementReason = replacementReason;
    }

    /**
     * The certificate stored in {@code directory}, or a new one (stored there) if there is none or it is no good.
     * A stored certificate is reused even if it does not name all of {@code hostNames}; see {@link #covers}.
     *
     * @param directory created if missing
     * @param hostNames extra DNS names or IP addresses for a new certificate (e.g. the LAN address); wildcard
     *                  addresses such as {@code 0.0.0.0} are skipped
     * @throws IOException if the directory cannot be written
     * @throws IllegalArgumentException if a host name is neither a DNS name nor an IP address
     */
    public static SelfSignedCertificate loadOrCreate(Path directory, Collection<String> hostNames) throws IOException {
        return loadOrCreate(directory, hostNames, Clock.systemUTC());
    }

    static SelfSignedCertificate loadOrCreate(Path directory, Collection<String> hostNames, Clock clock) throws IOException {
        List<String> names = subjectNames(hostNames);
        Path keystoreFile = directory.resolve(KEYSTORE_FILE);
        if (!Files.exists(keystoreFile)) {
            return create(directory, names, clock, null);
        }
        String problem;
        try {
            TlsKeystore stored = TlsKeystore.withPasswordFile(keystoreFile, directory.resolve(PASSWORD_FILE));
            KeyStore.PrivateKeyEntry entry = read(stored);
            X509Certificate certificate = (X509Certificate) entry.getCertificate();
            Instant notAfter = certificate.getNotAfter().toInstant();
            if (!notAfter.isAfter(clock.instant())) {
                problem = "it expired on " + notAfter;
            } else if (notAfter.isBefore(clock.instant().plus(RENEW_BEFORE))) {
                problem = "it expires on " + notAfter;
            } else {
                LOG.debug("event=tls-certificate action=reuse file={}", keystoreFile);
                rewriteIfCostly(stored, entry.getPrivateKey(), certificate);
                return new SelfSignedCertificate(stored, certificate, false, null);
            }
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            problem = "it cannot be read (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
        }
        LOG.warn("event=tls-certificate action=replace file={} reason=\"{}\" detail=\"browsers will warn about a new "
                + "certificate; its fingerprint changes\"", keystoreFile, problem);
        return create(directory, names, clock, problem);
    }

    /**
     * Always makes a new certificate and stores it in {@code directory}, replacing what was there: for when the
     * stored one must go, e.g. it does not {@link #covers cover} the address people now use.
     */
    public static SelfSignedCertificate create(Path directory, Collection<String> hostNames) throws IOException {
        return create(directory, subjectNames(hostNames), Clock.systemUTC(), "a new one was asked for");
    }

    private static SelfSignedCertificate create(Path directory, List<String> names, Clock clock, String replacing)
            throws IOException {
        Files.createDirectories(directory);
        String password = newPassword();
        TlsKeystore keystore = new TlsKeystore(directory.resolve(KEYSTORE_FILE), password);
        X509Certificate certificate;
        KeyPair keys;
        try {
            keys = newKeyPair();
            certificate = sign(keys, names, clock.instant());
        } catch (GeneralSecurityException | OperatorCreationException | CertIOException e) {
            throw new IllegalStateException("this Java runtime cannot make an EC P-256 certificate: " + e.getMessage(), e);
        }
        writePrivately(directory.resolve(PASSWORD_FILE), out -> out.write((password + "\n").getBytes(StandardCharsets.UTF_8)));
        writePrivately(keystore.path(), out -> store(out, keys.getPrivate(), certificate, password));
        String fingerprint = CertificateFingerprint.sha256(certificate);
        LOG.info("event=tls-certificate action=create file={} names={} fingerprint={}", keystore.path(), names, fingerprint);
        return new SelfSignedCertificate(keystore, certificate, true, replacing);
    }

    /** What to give {@link ServerConfig.Builder#tls}. */
    public TlsKeystore keystore() {
        return keystore;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** SHA-256 fingerprint as colon-separated hex, to show people and to pin in clients. */
    public String sha256Fingerprint() {
        return CertificateFingerprint.sha256(certificate);
    }

    /** Whether this run made the certificate (first start, or a replacement) rather than reusing the stored one. */
    public boolean created() {
        return created;
    }

    /** Why a stored certificate was replaced, if one was: worth telling the person, since the fingerprint changed. */
    public Optional<String> replacementReason() {
        return Optional.ofNullable(replacementReason);
    }

    /** The DNS names and IP addresses the certificate is for. */
    public List<String> subjectAlternativeNames() {
        List<String> names = new ArrayList<>();
        try {
            Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
            if (entries != null) {
                for (List<?> entry : entries) {
                    names.add(String.valueOf(entry.get(1)));
                }
            }
        } catch (CertificateParsingException e) {
            LOG.debug("event=tls-certificate detail=\"unreadable subject alternative names\"", e);
        }
        return List.copyOf(names);
    }

    /** Whether the certificate names {@code host} (a DNS name or IP address; IPv6 in any notation). */
    public boolean covers(String host) {
        String wanted = canonical(host);
        return subjectAlternativeNames().stream().anyMatch(name -> canonical(name).equals(wanted));
    }

    // ------------------------------------------------------------------ internals

    private static List<String> subjectNames(Collection<String> hostNames) {
        Set<String> names = new LinkedHashSet<>(LOCAL_NAMES);
        for (String name : hostNames) {
            String host = name == null ? "" : name.strip();
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            if (host.equals("0.0.0.0") || host.equals("::") || host.equals("0:0:0:0:0:0:0:0")) {
                continue; // "every interface" is not an address anybody connects to
            }
            if (!IPAddress.isValid(host) && !DNS_NAME.matcher(host).matches()) {
                throw new IllegalArgumentException("'" + name + "' is neither a host name nor an IP address");
            }
            names.add(IPAddress.isValid(host) ? host : host.toLowerCase(Locale.ROOT));
        }
        return List.copyOf(names);
    }

    private static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static X509Certificate sign(KeyPair keys, List<String> names, Instant now)
            throws GeneralSecurityException, OperatorCreationException, CertIOException {
        X500Name subject = new X500Name(SUBJECT);
        // Positive and unpredictable, as RFC 5280 and the CA/Browser Forum ask of serials.
        BigInteger serial = new BigInteger(127, RANDOM).add(BigInteger.ONE);
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial,
                Date.from(now.minus(BACKDATE)), Date.from(now.plus(VALIDITY)), subject, keys.getPublic());
        List<GeneralName> alternatives = new ArrayList<>();
        for (String name : names) {
            alternatives.add(new GeneralName(IPAddress.isValid(name) ? GeneralName.iPAddress : GeneralName.dNSName, name));
        }
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(alternatives.toArray(GeneralName[]::new)));
        builder.addExtension(Extension.subjectKeyIdentifier, false,
                new JcaX509ExtensionUtils().createSubjectKeyIdentifier(keys.getPublic()));
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
    }

    private static KeyStore.PrivateKeyEntry read(TlsKeystore stored) throws IOException, GeneralSecurityException {
        KeyStore keyStore = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(stored.path())) {
            keyStore.load(in, stored.password().toCharArray());
        }
        for (String alias : Collections.list(keyStore.aliases())) {
            if (keyStore.isKeyEntry(alias) && keyStore.getKey(alias, stored.password().toCharArray()) instanceof PrivateKey key
                    && keyStore.getCertificate(alias) instanceof X509Certificate certificate) {
                return new KeyStore.PrivateKeyEntry(key, new Certificate[] {certificate});
            }
        }
        throw new GeneralSecurityException("no private key with a certificate in it");
    }

    private static void store(OutputStream out, PrivateKey key, X509Certificate certificate, String password)
            throws IOException {
        out.write(OwnerOnlyPkcs12.encode(key, certificate, password));
    }

    /**
     * A keystore stored in the JDK's default form (by an older Roomcall) costs every start seconds of key derivation:
     * the same key and certificate (so the same fingerprint) are written once in {@link OwnerOnlyPkcs12}'s form.
     */
    private static void rewriteIfCostly(TlsKeystore stored, PrivateKey key, X509Certificate certificate) {
        if (OwnerOnlyPkcs12.isCheapToOpen(stored.path())) {
            return;
        }
        try {
            writePrivately(stored.path(), out -> store(out, key, certificate, stored.password()));
            LOG.info("event=tls-certificate action=rewrite file={} detail=\"same certificate, quicker to open\"",
                    stored.path());
        } catch (IOException | RuntimeException e) {
            LOG.warn("event=tls-certificate action=keep file={} reason=\"{}\"", stored.path(), e.getMessage());
        }
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private interface Writer {
        void write(OutputStream out) throws IOException;
    }

    /**
     * Writes a file only its owner can read (where the file system has POSIX permissions), via a temporary file
     * moved into place, so an interrupted write never leaves half a keystore behind.
     */
    private static void writePrivately(Path file, Writer writer) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Path temporary;
        try {
            temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            temporary = Files.createTempFile(directory, file.getFileName().toString(), ".tmp");
        }
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                writer.write(out);
            }
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException | FileAlreadyExistsException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static String canonical(String host) {
        String h = host == null ? "" : host.strip();
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (IPAddress.isValidIPv6(h)) {
            try {
                return java.net.InetAddress.getByName(h).getHostAddress(); // a literal: no lookup happens
            } catch (java.net.UnknownHostException e) {
                return h;
            }
        }
        return h.toLowerCase(Locale.ROOT);
    }
}
