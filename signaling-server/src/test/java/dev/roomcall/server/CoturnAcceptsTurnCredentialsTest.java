package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.signaling.IceServer;
import dev.roomcall.signaling.SignalMessage.Joined;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
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
    private static LoopbackCoturn coturn;

    @BeforeAll
    static void startCoturn() throws Exception {
        coturn = LoopbackCoturn.start(SECRET);
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

        LoopbackCoturn.Attempt attempt = coturn.allocate(relay);

        assertTrue(attempt.allocated(), attempt.output() + "\n--- turnserver:\n" + coturn.logTail());
        assertTrue(coturn.allocatedFor(relay.username()), "coturn logged no allocation for " + relay.username()
                + ":\n" + coturn.logTail());
    }

    @Test
    void coturnRefusesACredentialThatHasExpired() throws Exception {
        IceServer expired = turn(SECRET).issue(Instant.now().minus(Duration.ofHours(2)));

        LoopbackCoturn.Attempt attempt = coturn.allocate(expired);

        assertRefused(expired, attempt);
    }

    @Test
    void coturnRefusesACredentialMadeWithAnotherSecret() throws Exception {
        IceServer forged = turn(randomSecret()).issue();

        LoopbackCoturn.Attempt attempt = coturn.allocate(forged);

        assertRefused(forged, attempt);
    }

    private static void assertRefused(IceServer credentials, LoopbackCoturn.Attempt attempt) throws Exception {
        assertFalse(attempt.allocated(), "coturn allocated for " + credentials.username() + ":\n" + attempt.output());
        assertTrue(attempt.output().contains("Cannot complete Allocation"), attempt.output());
        assertFalse(coturn.allocatedFor(credentials.username()), coturn.logTail());
    }

    private static String randomSecret() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
