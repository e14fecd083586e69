package dev.roomcall.server;

import java.nio.file.Path;
import java.util.List;

/**
 * The app's kind of server (TLS to everyone, plain http to loopback only) on all addresses, as a program of its own:
 * {@link PlainLoopbackTest} runs it inside a network namespace, where it has an address that is not loopback.
 * Prints {@code LISTENING <port>} once it serves, then runs until it is stopped.
 */
final class UnifiedServerMain {

    private UnifiedServerMain() {}

    /** @param args the directory for its self-signed certificate */
    public static void main(String[] args) throws Exception {
        SelfSignedCertificate certificate = SelfSignedCertificate.loadOrCreate(Path.of(args[0]), List.of());
        SignalingServer server = SignalingServer.start(ServerTestSupport.testConfig().host("0.0.0.0")
                .tls(certificate.keystore()).build(), SignalingServer.PlainHttp.LOOPBACK_ONLY);
        System.out.println("LISTENING " + server.port());
        System.out.flush();
        Thread.currentThread().join();
    }
}
