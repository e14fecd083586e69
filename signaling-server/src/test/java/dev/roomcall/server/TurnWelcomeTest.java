package dev.roomcall.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.signaling.IceServer;
import dev.roomcall.signaling.SignalMessage.Joined;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One place configures a deployment: the welcome hands each joiner the STUN servers, its own TURN credentials and the policy. */
class TurnWelcomeTest extends ServerTestSupport {

    private static final String SECRET = "0123456789abcdef0123456789abcdef";
    private static final IceServer STUN = IceServer.stun("stun:stun.example.org:3478");
    private static final TurnCredentials TURN = new TurnCredentials(List.of("turn:turn.example.org:3478"), SECRET,
            Duration.ofHours(2));

    @Test
    void everyJoinerGetsTheStaticServersThenFreshCredentialsForTheRelay() {
        start(c -> c.iceServers(List.of(STUN)).turn(TURN));

        Joined first = joined("/pair");
        Joined second = joined("/pair");

        for (Joined welcome : List.of(first, second)) {
            assertEquals(2, welcome.iceServers().size(), welcome.toString());
            assertEquals(STUN, welcome.iceServers().get(0));
            IceServer relay = welcome.iceServers().get(1);
            assertEquals(TURN.urls(), relay.urls());
            assertEquals(TurnCredentials.credential(SECRET, relay.username()), relay.credential());
            long expiry = Long.parseLong(relay.username().substring(0, relay.username().indexOf(':')));
            long twoHoursFromNow = Instant.now().plus(Duration.ofHours(2)).getEpochSecond();
            assertTrue(Math.abs(expiry - twoHoursFromNow) <= 5, relay.username());
            assertFalse(welcome.relayOnly());
        }
        assertNotEquals(first.iceServers().get(1).username(), second.iceServers().get(1).username(),
                "each join has its own TURN username");
    }

    @Test
    void relayOnlyIsAnnouncedToEveryJoiner() {
        start(c -> c.turn(TURN).relayOnly(true));

        assertTrue(joined("/private").relayOnly());
        assertTrue(joined("/private").relayOnly());
    }

    @Test
    void withoutTurnTheWelcomeIsAsBefore() {
        start(c -> c.iceServers(List.of(STUN)));

        Joined welcome = joined("/plain");

        assertEquals(new Joined("plain", 0, List.of(STUN)), welcome);
        assertFalse(server.config().offersTurn());
    }

    private Joined joined(String path) {
        return assertInstanceOf(Joined.class, Signals.decode(roomcall(path).nextText()));
    }
}
