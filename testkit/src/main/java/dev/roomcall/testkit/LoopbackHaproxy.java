package dev.roomcall.testkit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's /usr/sbin/haproxy running the checked-in packaging/server/haproxy.cfg unchanged: only its environment
 * variables differ (a loopback port, a throw-away certificate, the nodes' loopback addresses, limits raised because
 * every test client shares 127.0.0.1, and the user that started it).
 */
public final class LoopbackHaproxy implements AutoCloseable {

    public static final Path HAPROXY = Path.of("/usr/sbin/haproxy");

    private final Process process;
    public final int port;
    public final Path log;
    private final Path certificate;

    private LoopbackHaproxy(Process process, int port, Path log, Path certificate) {
        this.process = process;
        this.port = port;
        this.log = log;
        this.certificate = certificate;
    }

    public static LoopbackHaproxy start(Path config, Path directory, int port, List<NodeProcess> nodes)
            throws IOException, InterruptedException {
        Path certificate = selfSignedPem(directory);
        ProcessBuilder builder = new ProcessBuilder(HAPROXY.toString(), "-db", "-f", config.toString());
        Map<String, String> env = builder.environment();
        env.put("ROOMCALL_KEEP_USER", "1");
        env.put("ROOMCALL_BIND", "127.0.0.1:" + port);
        env.put("ROOMCALL_CERT", certificate.toString());
        env.put("ROOMCALL_LOG", "stdout");
        for (int i = 0; i < nodes.size(); i++) {
            env.put("ROOMCALL_NODE" + (i + 1), "127.0.0.1:" + nodes.get(i).port);
        }
        env.put("ROOMCALL_CONNECTIONS_PER_ADDRESS", "100000");
        env.put("ROOMCALL_JOINS_PER_10S", "100000");
        Path log = directory.resolve("haproxy.log");
        Process process = builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        LoopbackHaproxy haproxy = new LoopbackHaproxy(process, port, log, certificate);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!acceptsConnections(port)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                haproxy.close();
                throw new IllegalStateException("haproxy did not start: " + Files.readString(log));
            }
            Thread.sleep(50);
        }
        return haproxy;
    }

    private static boolean acceptsConnections(int port) {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** A certificate for 127.0.0.1 made with openssl, as HAProxy wants it: certificate and key in one PEM file. */
    private static Path selfSignedPem(Path directory) throws IOException, InterruptedException {
        Path key = directory.resolve("key.pem");
        Path cert = directory.resolve("cert.pem");
        Process openssl = new ProcessBuilder("openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                "ec_paramgen_curve:prime256v1", "-nodes", "-keyout", key.toString(), "-out", cert.toString(), "-days", "2",
                "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!openssl.waitFor(30, TimeUnit.SECONDS) || openssl.exitValue() != 0) {
            throw new IllegalStateException("openssl could not make a test certificate");
        }
        Path pem = directory.resolve("haproxy.pem");
        Files.writeString(pem, Files.readString(cert) + Files.readString(key));
        return pem;
    }

    /** A trust store holding only the certificate HAProxy presents. */
    public KeyStore trustStore() throws Exception {
        String pem = Files.readString(certificate);
        Matcher block = Pattern.compile("-----BEGIN CERTIFICATE-----.*?-----END CERTIFICATE-----", Pattern.DOTALL)
                .matcher(pem);
        if (!block.find()) {
            throw new IllegalStateException("no certificate in " + certificate);
        }
        Certificate cert;
        try (InputStream in = new ByteArrayInputStream(block.group().getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
            cert = CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        store.setCertificateEntry("haproxy", cert);
        return store;
    }

    /** The certificate's public key hash as Chromium's {@code --ignore-certificate-errors-spki-list} takes it. */
    public String spkiSha256() throws Exception {
        Certificate cert = trustStore().getCertificate("haproxy");
        return java.util.Base64.getEncoder().encodeToString(
                java.security.MessageDigest.getInstance("SHA-256").digest(cert.getPublicKey().getEncoded()));
    }

    /** {@link #trustStore()} written as a PKCS#12 file, for a JVM started with {@code -Djavax.net.ssl.trustStore}. */
    public Path trustStoreFile(Path file, char[] password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setCertificateEntry("haproxy", trustStore().getCertificate("haproxy"));
        try (java.io.OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
        return file;
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
