package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.roomcall.signaling.IceServer;
import dev.roomcall.signaling.SignalCodec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServerConfigTest {

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
    void theServerNeverRelaysMoreThanClientsWillDecode() {
        assertThrows(IllegalArgumentException.class,
                () -> ServerConfig.defaults().withMaxMessageBytes(SignalCodec.MAX_MESSAGE_BYTES + 1));
    }
}
