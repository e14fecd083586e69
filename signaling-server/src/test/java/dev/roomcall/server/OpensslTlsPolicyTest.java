package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Debian's {@code openssl s_client} against both servers (the standalone one, TLS only, and the app's built-in one,
 * TLS plus loopback http on the same port), with the EC certificate the server makes itself and with an RSA one
 * (the kind a public authority usually issues, and the only kind RSA key exchange works with): TLS 1.0 and 1.1,
 * static-RSA key exchange and CBC suites are refused; TLS 1.2 with ECDHE and an AEAD cipher, and TLS 1.3, are
 * accepted. The client is told to offer what is tested ({@code @SECLEVEL=0} lets OpenSSL 3 speak TLS 1.0/1.1), so
 * a refusal is the server's.
 */
class OpensslTlsPolicyTest {

    private static final String OLD = "DEFAULT:@SECLEVEL=0";

    @TempDir
    Path dir;

    private SignalingServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @ParameterizedTest(name = "{0} server, {1} certificate: {2} {3} -> {4}")
    @CsvSource(delimiter = '|', value = {
            // server    | key | protocol | client's cipher list                  | expected
            "standalone  | EC  | -tls1    | " + OLD + "                            | refused",
            "standalone  | EC  | -tls1_1  | " + OLD + "                            | refused",
            "standalone  | EC  | -tls1_2  | ECDHE-ECDSA-AES128-SHA256:@SECLEVEL=0  | refused",
            "standalone  | EC  | -tls1_2  | ECDHE-ECDSA-AES256-SHA:@SECLEVEL=0     | refused",
            "standalone  | EC  | -tls1_2  | ECDHE-ECDSA-AES128-GCM-SHA256          | TLSv1.2 ECDHE-ECDSA-AES128-GCM-SHA256",
            "standalone  | EC  | -tls1_2  | ECDHE-ECDSA-CHACHA20-POLY1305          | TLSv1.2 ECDHE-ECDSA-CHACHA20-POLY1305",
            "standalone  | EC  | -tls1_3  | DEFAULT                                | TLSv1.3 TLS_",
            "built-in    | EC  | -tls1    | " + OLD + "                            | refused",
            "built-in    | EC  | -tls1_1  | " + OLD + "                            | refused",
            "built-in    | EC  | -tls1_2  | ECDHE-ECDSA-AES128-SHA:@SECLEVEL=0     | refused",
            "built-in    | EC  | -tls1_2  | ECDHE-ECDSA-AES256-GCM-SHA384          | TLSv1.2 ECDHE-ECDSA-AES256-GCM-SHA384",
            "built-in    | EC  | -tls1_3  | DEFAULT                                | TLSv1.3 TLS_",
            "standalone  | RSA | -tls1    | " + OLD + "                            | refused",
            "standalone  | RSA | -tls1_1  | " + OLD + "                            | refused",
            "standalone  | RSA | -tls1_2  | AES128-GCM-SHA256:@SECLEVEL=0          | refused",
            "standalone  | RSA | -tls1_2  | AES256-SHA256:@SECLEVEL=0              | refused",
            "standalone  | RSA | -tls1_2  | DHE-RSA-AES128-SHA:@SECLEVEL=0         | refused",
            "standalone  | RSA | -tls1_2  | ECDHE-RSA-AES128-SHA256:@SECLEVEL=0    | refused",
            "standalone  | RSA | -tls1_2  | ECDHE-RSA-AES128-GCM-SHA256            | TLSv1.2 ECDHE-RSA-AES128-GCM-SHA256",
            "standalone  | RSA | -tls1_2  | ECDHE-RSA-CHACHA20-POLY1305            | TLSv1.2 ECDHE-RSA-CHACHA20-POLY1305",
            "standalone  | RSA | -tls1_3  | DEFAULT                                | TLSv1.3 TLS_",
            "built-in    | RSA | -tls1_2  | AES256-GCM-SHA384:@SECLEVEL=0          | refused",
            "built-in    | RSA | -tls1_2  | ECDHE-RSA-AES256-GCM-SHA384            | TLSv1.2 ECDHE-RSA-AES256-GCM-SHA384",
    })
    void onlyTheModernForwardSecretSuitesAreAccepted(String kind, String key, String protocol, String ciphers,
                                                     String expected) throws Exception {
        TlsKeystore keystore = key.equals("EC")
                ? SelfSignedCertificate.loadOrCreate(dir, List.of()).keystore()
                : rsaKeystore();
        ServerConfig config = ServerTestSupport.testConfig().tls(keystore).build();
        server = kind.equals("standalone") ? SignalingServer.start(config)
                : SignalingServer.start(config, SignalingServer.PlainHttp.LOOPBACK_ONLY);

        Result result = sClient(protocol, ciphers);

        if (expected.equals("refused")) {
            assertNotEquals(0, result.exit, result.output);
            assertTrue(result.output.contains("Cipher is (NONE)") || result.output.contains("no peer certificate"),
                    "no session: " + result.output);
        } else {
            String[] parts = expected.split(" ");
            assertEquals(0, result.exit, result.output);
            assertTrue(result.output.contains("New, " + parts[0] + ", Cipher is " + parts[1]), result.output);
        }
    }

    private record Result(int exit, String output) {}

    private Result sClient(String protocol, String ciphers) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl", "s_client", "-connect", "127.0.0.1:" + server.port(),
                protocol));
        if (protocol.equals("-tls1_3")) {
            command.addAll(List.of("-ciphersuites", "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256"));
        } else {
            command.addAll(List.of("-cipher", ciphers));
        }
        Process openssl = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        byte[] output = openssl.getInputStream().readAllBytes();
        if (!openssl.waitFor(30, TimeUnit.SECONDS)) {
            openssl.destroyForcibly();
            throw new AssertionError("openssl s_client did not finish");
        }
        return new Result(openssl.exitValue(), command + "\n" + new String(output, StandardCharsets.UTF_8));
    }

    /** An RSA certificate, made by the JDK's keytool, as a real authority's certificate often is. */
    private TlsKeystore rsaKeystore() throws IOException, InterruptedException {
        Path keystore = dir.resolve("rsa.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-dname", "CN=localhost",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keystore.toString(),
                "-storepass", "test-password", "-keypass", "test-password").redirectErrorStream(true).start();
        String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, keytool.waitFor(), output);
        return new TlsKeystore(keystore, "test-password");
    }
}
