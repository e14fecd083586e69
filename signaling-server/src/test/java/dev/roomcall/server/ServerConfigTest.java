package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.signaling.IceServer;
import dev.roomcall.signaling.SignalCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerConfigTest {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";

    @Test
    void theDefaultsAreTheStandaloneServers() {
        ServerConfig config = ServerConfig.defaults();
        assertEquals("0.0.0.0", config.host());
        assertEquals(3000, config.port());
        assertEquals("roomcall-web", config.webRoot());
        assertEquals(SignalCodec.MAX_MESSAGE_BYTES, config.maxMessageBytes());
        assertEquals(List.of(), config.iceServers());
    }

    @Test
    void withersChangeOneThingAndLeaveTheRest() {
        ServerConfig config = ServerConfig.defaults().withHost("127.0.0.1").withPort(0).withRateLimit(10, 20);
        assertEquals("127.0.0.1", config.host());
        assertEquals(0, config.port());
        assertEquals(10, config.messagesPerSecond());
        assertEquals(20, config.messageBurst());
        assertEquals(ServerConfig.defaults().maxQueuedMessages(), config.maxQueuedMessages());
    }

    @Test
    void theIceServerListIsCopied() {
        List<IceServer> servers = new ArrayList<>(List.of(IceServer.stun("stun:a")));
        ServerConfig config = ServerConfig.defaults().withIceServers(servers);
        servers.clear();
        assertEquals(1, config.iceServers().size());
    }

    @Test
    void nonsenseIsRefusedAtConstruction() {
        ServerConfig defaults = ServerConfig.defaults();
        assertThrows(IllegalArgumentException.class, () -> defaults.withPort(65536));
        assertThrows(IllegalArgumentException.class, () -> defaults.withHost(" "));
        assertThrows(IllegalArgumentException.class, () -> defaults.withMaxMessageBytes(0));
        assertThrows(IllegalArgumentException.class, () -> defaults.withMaxQueuedMessages(0));
        assertThrows(IllegalArgumentException.class, () -> defaults.withMaxConnectionsPerAddress(0));
        assertThrows(IllegalArgumentException.class, () -> defaults.withRateLimit(0, 1));
        assertThrows(IllegalArgumentException.class, () -> defaults.withIdleTimeout(Duration.ofMillis(10)));
    }

    @Test
    void byDefaultThereIsNoTurnRelayAndAnyCandidatesWillDo() {
        ServerConfig config = ServerConfig.defaults();
        assertNull(config.turn());
        assertFalse(config.relayOnly());
        assertFalse(config.offersTurn());
    }

    @Test
    void aTurnRelayComesFromSharedSecretCredentialsOrAStaticTurnServer() {
        TurnCredentials turn = new TurnCredentials(List.of("turn:turn.example.org"), SECRET, Duration.ofHours(1));
        ServerConfig config = ServerConfig.defaults().withTurn(turn).withRelayOnly(true).withPort(0);
        assertEquals(turn, config.turn());
        assertTrue(config.relayOnly(), "withers keep the relay settings");
        assertTrue(config.offersTurn());
        assertFalse(ServerConfig.defaults().withIceServers(List.of(IceServer.stun("stun:s"))).offersTurn());
        assertTrue(ServerConfig.defaults()
                .withIceServers(List.of(new IceServer(List.of("turns:t:5349"), "u", "c"))).offersTurn());
    }

    @Test
    void theSecretStaysOutOfTheConfigurationsTextForm() {
        ServerConfig config = ServerConfig.defaults()
                .withTurn(new TurnCredentials(List.of("turn:turn.example.org"), SECRET, Duration.ofHours(1)));
        assertFalse(config.toString().contains(SECRET), config.toString());
    }

    @Test
    void theServerNeverRelaysMoreThanClientsWillDecode() {
        assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.defaults().withMaxMessageBytes(SignalCodec.MAX_MESSAGE_BYTES + 1));
    }
}
