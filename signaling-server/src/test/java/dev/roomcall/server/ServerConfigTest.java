package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.server.sfu.SfuSettings;
import dev.roomcall.signaling.IceServer;
import dev.roomcall.signaling.SignalCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerConfigTest {

    private static final SfuSettings SFU = new SfuSettings(java.net.URI.create("ws://127.0.0.1:8188"), null, "k", 4, 12, 0);

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
    void theBuilderChangesWhatItIsToldAndLeavesTheRest() {
        ServerConfig config = ServerConfig.builder().host("127.0.0.1").port(0).rateLimit(10, 20).build();
        assertEquals("127.0.0.1", config.host());
        assertEquals(0, config.port());
        assertEquals(10, config.messagesPerSecond());
        assertEquals(20, config.messageBurst());
        assertEquals(ServerConfig.defaults().maxQueuedMessages(), config.maxQueuedMessages());
    }

    @Test
    void aConfigurationTurnedBackIntoABuilderKeepsEverySetting() {
        TurnCredentials turn = new TurnCredentials(List.of("turn:turn.example.org"), SECRET, Duration.ofHours(1));
        ServerConfig config = ServerConfig.builder().host("127.0.0.1").port(0).webRoot("w").maxMessageBytes(1000)
                .maxQueuedMessages(3).maxConnectionsPerAddress(4).rateLimit(5, 6).idleTimeout(Duration.ofSeconds(7))
                .iceServers(List.of(IceServer.stun("stun:s"))).allowedOrigins(List.of("https://call.example.org"))
                .joinLimit(8, Duration.ofSeconds(9)).turn(turn).relayOnly(true).nodeName("node-a").sfu(SFU).build();

        assertEquals(config, config.toBuilder().build());
        assertEquals(config.toBuilder().port(1).build(), new ServerConfig("127.0.0.1", 1, "w", 1000, 3, 4, 5, 6,
                Duration.ofSeconds(7), List.of(IceServer.stun("stun:s")), null, List.of("https://call.example.org"), 8,
                Duration.ofSeconds(9), turn, true, "node-a", 4, SFU));
    }

    @Test
    void aNodeNameIsAHeaderTokenOrNothing() {
        assertEquals("a-1.b_2", ServerConfig.builder().nodeName("a-1.b_2").build().nodeName());
        assertEquals(null, ServerConfig.builder().build().nodeName());
        for (String bad : new String[] {"", "two words", "new\nline", "x".repeat(65)}) {
            IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> ServerConfig.builder().nodeName(bad).build());
            org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().startsWith("node name must be"), e.getMessage());
        }
    }

    @Test
    void theIceServerListIsCopied() {
        List<IceServer> servers = new ArrayList<>(List.of(IceServer.stun("stun:a")));
        ServerConfig config = ServerConfig.builder().iceServers(servers).build();
        servers.clear();
        assertEquals(1, config.iceServers().size());
    }

    @Test
    void nonsenseIsRefusedWhenBuilt() {
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.builder().port(65536).build());
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.builder().host(" ").build());
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.builder().maxMessageBytes(0).build());
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.builder().maxQueuedMessages(0).build());
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.builder().maxConnectionsPerAddress(0).build());
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.builder().rateLimit(0, 1).build());
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.builder().idleTimeout(Duration.ofMillis(10)).build());
        assertThrows(IllegalArgumentException.class, () -> ServerConfig.builder().joinLimit(0, Duration.ofSeconds(1)).build());
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
        ServerConfig config = ServerConfig.builder().turn(turn).relayOnly(true).port(0).build();
        assertEquals(turn, config.turn());
        assertTrue(config.relayOnly());
        assertTrue(config.offersTurn());
        assertFalse(ServerConfig.builder().iceServers(List.of(IceServer.stun("stun:turn.example.org"))).build()
                .offersTurn());
        assertTrue(ServerConfig.builder()
                .iceServers(List.of(new IceServer(List.of("turns:t:5349"), "u", "c"))).build().offersTurn());
    }

    @Test
    void theSecretStaysOutOfTheConfigurationsTextForm() {
        ServerConfig config = ServerConfig.builder()
                .turn(new TurnCredentials(List.of("turn:turn.example.org"), SECRET, Duration.ofHours(1))).build();
        assertFalse(config.toString().contains(SECRET), config.toString());
    }

    @Test
    void theServerNeverRelaysMoreThanClientsWillDecode() {
        assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.builder().maxMessageBytes(SignalCodec.MAX_MESSAGE_BYTES + 1).build());
    }
}
