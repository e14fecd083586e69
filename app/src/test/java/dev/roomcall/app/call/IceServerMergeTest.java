package dev.roomcall.app.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roomcall.signaling.IceServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which STUN/TURN servers a call uses when the server announces some and the person configured others. */
class IceServerMergeTest {
    private static final IceServer DEPLOYMENT_STUN = IceServer.stun("stun:stun.example.org:3478");
    private static final IceServer DEPLOYMENT_TURN =
            new IceServer(List.of("turn:turn.example.org:3478"), "1700000000:ab", "fresh");
    private static final IceServer OWN_TURN = new IceServer(List.of("turn:home.example.net:3478"), "me", "secret");
    private static final IceServer OWN_COPY_OF_DEPLOYMENT_TURN =
            new IceServer(List.of("turn:turn.example.org:3478"), "old", "stale");

    @Test
    void aServerAnnouncingOnlyStunKeepsThePersonsOwnTurnRelay() {
        assertEquals(List.of(DEPLOYMENT_STUN, OWN_TURN),
                IceServerList.merged(List.of(DEPLOYMENT_STUN), List.of(OWN_TURN)));
    }

    @Test
    void theDeploymentsFreshCredentialsWinForTheSameUrl() {
        assertEquals(List.of(DEPLOYMENT_TURN),
                IceServerList.merged(List.of(DEPLOYMENT_TURN), List.of(OWN_COPY_OF_DEPLOYMENT_TURN)));
    }

    @Test
    void aServerThatAnnouncesNothingLeavesThePersonsServers() {
        assertEquals(List.of(OWN_TURN), IceServerList.merged(List.of(), List.of(OWN_TURN)));
    }

    @Test
    void onlyTurnAndTurnsCountAsARelay() {
        assertEquals(false, IceServerList.hasTurn(List.of(DEPLOYMENT_STUN)));
        assertEquals(true, IceServerList.hasTurn(List.of(DEPLOYMENT_STUN, OWN_TURN)));
        assertEquals(true, IceServerList.hasTurn(List.of(new IceServer(List.of("TURNS:relay.example.org:443"), "a", "b"))));
        assertEquals(false, IceServerList.hasTurn(List.of()));
    }
}
