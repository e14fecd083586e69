package dev.roomcall.app.settings;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roomcall.signaling.IceServer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IceServerSettingTest {

    /** The rule itself is IceServerRule's (IceServerRuleTest); here: that settings use it, and its words for each problem. */
    @ParameterizedTest(name = "{0} {1}/{2} is usable")
    @CsvSource({
        "stun:stun.example.org:19302,,",
        "' stun:stun.example.org ',,",
        "turns:turn.example.org:5349?transport=tcp,ann,s3cret",
    })
    void wellFormedServersAreUsable(String url, String username, String credential) {
        assertEquals(Optional.empty(), new IceServerSetting(url, username, credential).problem());
    }

    @ParameterizedTest(name = "{0} -> {3}")
    @CsvSource({
        "http://stun.example.org,,,ICE_SCHEME",
        "STUN:192.0.2.7:3478,,,ICE_SCHEME",
        "stuns:stun.example.org:5349,,,ICE_SCHEME",
        "stun:stun.example.org:99999,,,ICE_HOST",
        "turn:turn.example.org?transport=sctp,ann,s3cret,ICE_HOST",
        "turn:turn.example.org:3478,,,TURN_CREDENTIALS",
        "turns:turn.example.org:5349,' ',s3cret,TURN_CREDENTIALS",
    })
    void eachMistakeIsNamed(String url, String username, String credential, SettingProblem problem) {
        assertEquals(Optional.of(problem), new IceServerSetting(url, username, credential).problem());
    }

    @Test
    void aStunServerIsConfiguredWithoutCredentialsAndATurnServerWithThem() {
        assertEquals(new IceServer(List.of("stun:stun.example.org"), null, null),
                new IceServerSetting(" stun:stun.example.org ", "", "").toIceServer());
        assertEquals(new IceServer(List.of("turn:t.example.org"), "ann", "s3cret"),
                new IceServerSetting("turn:t.example.org", "ann", "s3cret").toIceServer());
    }

    @Test
    void settingsHandOnlyUsableServersToACall() {
        Settings settings = Settings.defaults().withIceServers(List.of(
                new IceServerSetting("stun:ok.example.org", "", ""),
                new IceServerSetting("turn:no-credentials.example.org", "", "")));
        assertEquals(List.of(IceServer.stun("stun:ok.example.org")), settings.usableIceServers());
    }
}
