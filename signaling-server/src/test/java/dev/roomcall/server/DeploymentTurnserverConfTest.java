package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.signaling.IceServer;
import dev.roomcall.testkit.Coturn;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The coturn configuration docs/deploy.md ships ({@code packaging/server/turnserver.conf}) works with this server:
 * Debian's coturn reads it without complaint, accepts the credentials {@link TurnCredentials} makes from its
 * secret, and refuses to relay to peers on loopback (the one denied range a loopback test can reach).
 */
class DeploymentTurnserverConfTest {

    /** Surefire runs in the module's directory; the packaging directory is its sibling. */
    private static final Path SHIPPED = Path.of("..", "packaging", "server", "turnserver.conf");
    private static final String SECRET = "4d1f0c9e8b7a6f5e4d3c2b1a09f8e7d6";

    @Test
    void coturnAcceptsTheCredentialsAndRefusesToRelayToLoopback() throws Exception {
        assertTrue(Files.isRegularFile(SHIPPED), SHIPPED.toAbsolutePath() + " is missing");
        // The shipped file's policies as they are; its addresses, ports, secret and logging moved onto loopback.
        Coturn.Setup setup = Coturn.Setup.on("coturn-deployment", "127.0.0.1", Path.of("target", "test-logs"))
                .withSecret(SECRET).withOptions(Coturn.deploymentOptions(SHIPPED));
        try (Coturn coturn = Coturn.start(setup)) {
            assertEquals(List.of(), coturn.configurationComplaints(), "coturn did not understand the shipped file");
            IceServer credentials = new TurnCredentials(List.of(coturn.url()), SECRET, Duration.ofHours(12)).issue();

            Coturn.Attempt attempt = coturn.allocate(new Coturn.Credentials(credentials.username(), credentials.credential()));

            assertTrue(coturn.allocatedFor(credentials.username()), "credentials refused:\n" + coturn.tail());
            assertTrue(attempt.output().contains("403 (Forbidden IP)"),
                    "relaying to a loopback peer was not refused:\n" + attempt.output());
        }
    }

    @Test
    void roomcallServerRefusesTheShippedPlaceholderSecretUntilItIsReplaced() throws Exception {
        String placeholder = TurnCredentials.readSecret(SHIPPED);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> new TurnCredentials(List.of("turn:turn.example.org"), placeholder, TurnCredentials.DEFAULT_TTL));
        assertTrue(refused.getMessage().contains("at least 16 characters"), refused.getMessage());
    }
}
