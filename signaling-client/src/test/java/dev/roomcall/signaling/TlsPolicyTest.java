package dev.roomcall.signaling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The Java client's TLS policy: every socket the client's {@link CertificateTrust} makes offers TLS 1.2/1.3 with
 * forward-secret AEAD suites only, so a server (here Debian's {@code openssl s_server}) that would settle for an old
 * protocol, RSA key exchange or a CBC suite gets no connection, while a modern one does.
 */
class TlsPolicyTest {

    @TempDir
    Path dir;

    private Process server;

    @AfterEach
    void stop() throws InterruptedException {
        if (server != null) {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @ParameterizedTest(name = "[{0}] only {1}")
    @CsvSource(delimiter = '|', value = {
            "{'TLSv1.3','TLSv1.2'}                              | TLSv1.3,TLSv1.2",
            "{'TLSv1.2','TLSv1.1','TLSv1','SSLv3'}              | TLSv1.2",
            "{'TLSv1.1'}                                        | ''",
    })
    void intersectKeepsThePolicysOrderAndOnlyWhatIsSupported(String supported, String expected) {
        String[] kept = TlsPolicy.intersect(TlsPolicy.PROTOCOLS, supported.replaceAll("[{}']", "").split(","));
        assertArrayEquals(expected.isEmpty() ? new String[0] : expected.split(","), kept);
    }

    @Test
    void everySocketOfTheClientsTrustOffersOnlyThePolicy() throws Exception {
        SSLSocket socket = (SSLSocket) new CertificateTrust(null, null).socketFactory().createSocket();

        assertEquals(Set.copyOf(TlsPolicy.PROTOCOLS), Set.of(socket.getEnabledProtocols()));
        assertTrue(Set.copyOf(TlsPolicy.CIPHER_SUITES).containsAll(Set.of(socket.getEnabledCipherSuites())),
                List.of(socket.getEnabledCipherSuites()).toString());
        assertTrue(socket.getEnabledCipherSuites().length >= 6, "TLS 1.3 and ECDHE suites are all there");
        socket.close();
    }

    @ParameterizedTest(name = "openssl s_server {0} {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "-tls1_1 | DEFAULT:@SECLEVEL=0                 | refused",
            "-tls1_2 | AES128-GCM-SHA256:@SECLEVEL=0       | refused",
            "-tls1_2 | ECDHE-RSA-AES128-SHA256:@SECLEVEL=0 | refused",
            "-tls1_2 | ECDHE-RSA-AES128-SHA:@SECLEVEL=0    | refused",
            "-tls1_2 | DHE-RSA-AES128-GCM-SHA256           | refused",
            "-tls1_2 | ECDHE-RSA-AES128-GCM-SHA256         | TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "-tls1_2 | ECDHE-RSA-CHACHA20-POLY1305         | TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256",
            "-tls1_3 | DEFAULT                             | TLS_AES_256_GCM_SHA384",
    })
    void theClientConnectsOnlyToAServerThatSpeaksThePolicy(String protocol, String ciphers, String expected)
            throws Exception {
        int port = startOpenssl(protocol, ciphers);
        SSLSocketFactory client = new CertificateTrust(null, trusting(dir.resolve("cert.pem"))).socketFactory();

        try (SSLSocket socket = (SSLSocket) client.createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            if (expected.equals("refused")) {
                assertThrows(SSLException.class, socket::startHandshake);
            } else {
                socket.startHandshake();
                assertEquals(expected, socket.getSession().getCipherSuite());
            }
        }
    }

    /** The check above can fail: without the policy, the JDK's defaults accept a CBC suite from the same server. */
    @Test
    void withoutThePolicyTheJdkWouldSettleForACbcSuite() throws Exception {
        int port = startOpenssl("-tls1_2", "ECDHE-RSA-AES128-SHA256:@SECLEVEL=0");
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusting(dir.resolve("cert.pem")));
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);

        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.startHandshake();
            assertEquals("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256", socket.getSession().getCipherSuite());
        }
    }

    /** Debian's openssl as a TLS server with an RSA certificate (RSA key exchange needs one), on loopback. */
    private int startOpenssl(String protocol, String ciphers) throws Exception {
        Path key = dir.resolve("key.pem");
        Path cert = dir.resolve("cert.pem");
        run("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key.toString(), "-out",
                cert.toString(), "-subj", "/CN=localhost", "-days", "2");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>(List.of("openssl", "s_server", "-accept", "127.0.0.1:" + port,
                "-cert", cert.toString(), "-key", key.toString(), "-naccept", "1", protocol));
        if (!protocol.equals("-tls1_3")) {
            command.addAll(List.of("-cipher", ciphers));
        }
        server = new ProcessBuilder(command).redirectErrorStream(true).start();
        BufferedReader output = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = output.readLine()) != null; ) {
            seen.append(line).append('\n');
            if (line.startsWith("ACCEPT")) {
                return port;
            }
        }
        throw new AssertionError("openssl s_server did not start: " + seen);
    }

    private static KeyStore trusting(Path pem) throws Exception {
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        try (FileInputStream in = new FileInputStream(pem.toFile())) {
            anchors.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        return anchors;
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", command) + "\n" + output);
    }
}
