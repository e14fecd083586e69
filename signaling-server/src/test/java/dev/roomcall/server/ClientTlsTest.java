package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.signaling.Protocol;
import dev.roomcall.signaling.SignalMessage;
import dev.roomcall.signaling.SignalingClient;
import dev.roomcall.signaling.SignalingClientBuilder;
import dev.roomcall.signaling.SignalingClosed;
import dev.roomcall.signaling.SignalingListener;
import dev.roomcall.signaling.SignalingState;
import dev.roomcall.signaling.SignalingUrl;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The signaling client against the real server with its self-signed certificate: certificates are verified
 * by default, a pinned fingerprint admits exactly that certificate, and every refusal is final and says why.
 */
class ClientTlsTest extends ServerTestSupport {

    private static final String ROOM = "tls-client-room";

    @TempDir
    Path configDir;

    private final List<SignalingClient> clients = new ArrayList<>();
    private SelfSignedCertificate certificate;

    @AfterEach
    void closeClients() {
        clients.forEach(SignalingClient::close);
    }

    private void startWithSelfSigned() throws Exception {
        certificate = SelfSignedCertificate.loadOrCreate(configDir, List.of());
        start(c -> c.tls(certificate.keystore()));
    }

    @Test
    void aPinnedClientConnectsToTheSelfSignedServerAndJoinsItsRoom() throws Exception {
        startWithSelfSigned();
        Events events = new Events();

        connect(SignalingClient.builder(room(), events).pinnedCertificate(certificate.sha256Fingerprint()));

        events.awaitState(SignalingState.OPEN);
        assertEquals(new SignalMessage.Joined(ROOM, 0, List.of()), Signals.asOneToOne(events.messages.poll(10, TimeUnit.SECONDS)));
    }

    @Test
    void thePinMayBeTypedInLowerCaseWithSpaces() throws Exception {
        startWithSelfSigned();
        Events events = new Events();

        connect(SignalingClient.builder(room(), events)
                .pinnedCertificate(certificate.sha256Fingerprint().replace(':', ' ').toLowerCase()));

        events.awaitState(SignalingState.OPEN);
    }

    @Test
    void aWrongPinIsRefusedForGoodWithBothFingerprintsInTheReason() throws Exception {
        startWithSelfSigned();
        String wrong = "00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF:00:11:22:33:44:55:66:77:88:99:AA:BB:CC:DD:EE:FF";
        Events events = new Events();

        SignalingClient client = connect(SignalingClient.builder(room(), events).pinnedCertificate(wrong));

        String reason = events.awaitState(SignalingState.CLOSED);
        assertTrue(reason.contains("certificate fingerprint mismatch: expected " + wrong + ", got "
                + certificate.sha256Fingerprint()), reason);
        SignalingClosed closed = client.lastClose().orElseThrow();
        assertEquals(Protocol.CLOSE_TLS, closed.code());
        assertTrue(closed.isFinal());
        assertEquals(List.of(SignalingState.CONNECTING, SignalingState.CLOSED), events.states, "no reconnect attempts");
        assertEquals(0, server.activeMembers(), "the refused client never joined");
    }

    @Test
    void withoutAPinTheSelfSignedCertificateIsRefusedWithAReasonAPersonCanActOn() throws Exception {
        startWithSelfSigned();
        Events events = new Events();

        connect(SignalingClient.builder(room(), events));

        String reason = events.awaitState(SignalingState.CLOSED);
        assertTrue(reason.contains("certificate not trusted: it is self-signed and not pinned"), reason);
        assertTrue(reason.contains("its SHA-256 fingerprint is " + certificate.sha256Fingerprint()), reason);
        assertEquals(List.of(SignalingState.CONNECTING, SignalingState.CLOSED), events.states, "no reconnect attempts");
    }

    @Test
    void aTrustedAuthorityIsAcceptedWhenTheCertificateNamesTheHost() throws Exception {
        startWithSelfSigned();
        Events events = new Events();

        connect(SignalingClient.builder(room(), events).trustStore(trusting(certificate.certificate())));

        events.awaitState(SignalingState.OPEN);
    }

    @Test
    void aTrustedCertificateForAnotherHostIsRefused() throws Exception {
        KeyStore elsewhere = keystoreFor("call.example.org");
        Path file = configDir.resolve("elsewhere.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            elsewhere.store(out, "pw".toCharArray());
        }
        start(c -> c.tls(new TlsKeystore(file, "pw")));
        X509Certificate served = (X509Certificate) elsewhere.getCertificate("server");
        Events events = new Events();

        connect(SignalingClient.builder(room(), events).trustStore(trusting(served)));

        String reason = events.awaitState(SignalingState.CLOSED);
        assertTrue(reason.contains("certificate not trusted: it is for another host"), reason);
        assertTrue(reason.contains("127.0.0.1"), reason);
    }

    @Test
    void aPinThatIsNotAFingerprintIsRefusedWhenBuilding() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SignalingClient.builder(URI.create("wss://127.0.0.1:1/r"), new Events()).pinnedCertificate("AB:CD"));
        assertTrue(e.getMessage().contains("32 hex pairs"), e.getMessage());
    }

    private URI room() {
        return SignalingUrl.of(server.uri(), ROOM);
    }

    private SignalingClient connect(SignalingClientBuilder builder) {
        SignalingClient client = builder.connectTimeout(Duration.ofSeconds(5)).build();
        clients.add(client);
        client.connect();
        return client;
    }

    private static KeyStore trusting(X509Certificate certificate) throws Exception {
        KeyStore anchors = KeyStore.getInstance("PKCS12");
        anchors.load(null, null);
        anchors.setCertificateEntry("anchor", certificate);
        return anchors;
    }

    /** A certificate (and key) for one DNS name only, which 127.0.0.1 is not. */
    private static KeyStore keystoreFor(String dnsName) throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        X500Name name = new X500Name("CN=" + dnsName);
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, BigInteger.TEN,
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(1))), name, keys.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false,
                new GeneralNames(new GeneralName(GeneralName.dNSName, dnsName)));
        X509Certificate certificate = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("server", keys.getPrivate(), "pw".toCharArray(), new Certificate[] {certificate});
        return store;
    }

    /** States and messages as the client reports them. */
    private static final class Events implements SignalingListener {
        final List<SignalingState> states = new java.util.concurrent.CopyOnWriteArrayList<>();
        final BlockingQueue<SignalMessage> messages = new LinkedBlockingQueue<>();
        private final BlockingQueue<Object[]> changes = new LinkedBlockingQueue<>();

        @Override
        public void onStateChanged(SignalingState state, String reason) {
            states.add(state);
            changes.add(new Object[] {state, reason});
        }

        @Override
        public void onMessage(SignalMessage message) {
            messages.add(message);
        }

        /** The reason given with {@code state}, skipping other states; fails after 15 s. */
        String awaitState(SignalingState state) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
            List<Object> seen = new ArrayList<>();
            while (true) {
                Object[] change = changes.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
                if (change == null) {
                    throw new AssertionError("no " + state + " within 15 s; saw " + seen);
                }
                if (change[0] == state) {
                    return (String) change[1];
                }
                seen.add(change[0] + ": " + change[1]);
            }
        }
    }
}
