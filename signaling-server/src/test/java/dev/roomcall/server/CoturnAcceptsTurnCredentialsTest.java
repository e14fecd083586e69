package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.signaling.IceServer;
import dev.roomcall.signaling.SignalMessage.Joined;
import dev.roomcall.testkit.Coturn;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The credentials this server hands out are the ones Debian's coturn checks under {@code use-auth-secret}: the
 * relay allocates for them, and refuses them once expired or when made with another secret.
 */
class CoturnAcceptsTurnCredentialsTest extends ServerTestSupport {

    private static final String SECRET = randomSecret();
    private static Coturn coturn;

    @BeforeAll
    static void startCoturn() throws Exception {
        List<String> options = new ArrayList<>(Coturn.MINIMAL_OPTIONS);
        // The test client's peers are relay addresses on loopback, which coturn refuses by default (and must, in a
        // deployment: see docs/deploy.md).
        options.add("allow-loopback-peers");
        coturn = Coturn.start(Coturn.Setup.on("coturn-credentials", "127.0.0.1", Path.of("target", "test-logs"))
                .withSecret(SECRET).withOptions(options));
    }

    @AfterAll
    static void stopCoturn() throws Exception {
        if (coturn != null) {
            coturn.close();
        }
    }

    private static TurnCredentials turn(String secret) {
        return new TurnCredentials(List.of(coturn.url()), secret, Duration.ofHours(1));
    }

    @Test
    void coturnRelaysForTheCredentialsInTheWelcome() throws Exception {
        start(c -> c.turn(turn(SECRET)).relayOnly(true));
        Joined welcome = assertInstanceOf(Joined.class, Signals.decode(roomcall("/relayed").nextText()));
        IceServer relay = welcome.iceServers().get(0);
        assertEquals(List.of(coturn.url()), relay.urls());

        Coturn.Attempt attempt = coturn.allocate(credentials(relay));

        assertTrue(attempt.allocated(), attempt.output() + "\n--- turnserver:\n" + coturn.tail());
        assertTrue(coturn.allocatedFor(relay.username()), "coturn logged no allocation for " + relay.username()
                + ":\n" + coturn.tail());
    }

    @Test
    void coturnRefusesACredentialThatHasExpired() throws Exception {
        IceServer expired = turn(SECRET).issue(Instant.now().minus(Duration.ofHours(2)));

        Coturn.Attempt attempt = coturn.allocate(credentials(expired));

        assertRefused(expired, attempt);
    }

    @Test
    void coturnRefusesACredentialMadeWithAnotherSecret() throws Exception {
        IceServer forged = turn(randomSecret()).issue();

        Coturn.Attempt attempt = coturn.allocate(credentials(forged));

        assertRefused(forged, attempt);
    }

    private static void assertRefused(IceServer credentials, Coturn.Attempt attempt) throws Exception {
        assertFalse(attempt.allocated(), "coturn allocated for " + credentials.username() + ":\n" + attempt.output());
        assertTrue(attempt.output().contains("Cannot complete Allocation"), attempt.output());
        assertFalse(coturn.allocatedFor(credentials.username()), coturn.tail());
    }

    private static Coturn.Credentials credentials(IceServer server) {
        return new Coturn.Credentials(server.username(), server.credential());
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
