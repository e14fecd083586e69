package dev.roomcall.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.signaling.IceServerRule.Problem;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What libwebrtc and Chromium both accept as an RTCIceServer entry, and the one reason given for anything else. */
class IceServerRuleTest {

    @ParameterizedTest(name = "{0} {1}/{2} is usable")
    @CsvSource({
        "stun:stun.example.org,,",
        "stun:stun.example.org:19302,,",
        "stun:192.0.2.7:3478,,",
        "stun:[2001:db8::1]:3478,,",
        "stun:stun.example.org,ann,",
        "turn:turn.example.org:3478,ann,s3cret",
        "turn:turn.example.org?transport=tcp,ann,s3cret",
        "turn:turn.example.org:3478?transport=udp,ann,s3cret",
        "turns:turn.example.org:5349?transport=tcp,ann,s3cret",
        "turn:t,u,c",
    })
    void wellFormedServersAreUsable(String url, String username, String credential) {
        assertEquals(Optional.empty(), IceServerRule.problem(url, username, credential));
    }

    @ParameterizedTest(name = "{0} -> {3}")
    @CsvSource({
        "http://stun.example.org,,,SCHEME",
        "stun.example.org:3478,,,SCHEME",
        "'',,,SCHEME",
        "STUN:192.0.2.7:3478,,,SCHEME",
        "Turn:turn.example.org,ann,s3cret,SCHEME",
        "stuns:stun.example.org:5349,,,STUNS",
        "stun:,,,HOST",
        "stun://stun.example.org,,,HOST",
        "stun:stun.example.org:,,,HOST",
        "stun:stun.example.org:99999,,,HOST",
        "stun:stun.example.org:0,,,HOST",
        "stun:stun.example.org:port,,,HOST",
        "stun:stun.example.org?transport=udp,,,HOST",
        "stun:user@stun.example.org,,,HOST",
        "stun:stun.example.org/path,,,HOST",
        "turn:turn.example.org?transport=sctp,ann,s3cret,HOST",
        "turn:turn.example.org?transport=udp&x=1,ann,s3cret,HOST",
        "turn:turn example.org,ann,s3cret,HOST",
        "turn:[2001:db8::1,ann,s3cret,HOST",
        "turn:turn.example.org:3478,,,TURN_CREDENTIALS",
        "turns:turn.example.org:5349,ann,,TURN_CREDENTIALS",
        "turn:turn.example.org:3478,,s3cret,TURN_CREDENTIALS",
    })
    void eachMistakeIsNamed(String url, String username, String credential, Problem problem) {
        assertEquals(Optional.of(problem), IceServerRule.problem(url, username, credential));
    }

    @Test
    void theUrlAloneIsJudgedWithoutCredentials() {
        assertEquals(Optional.empty(), IceServerRule.urlProblem("turn:turn.example.org:3478"));
        assertEquals(Optional.of(Problem.STUNS), IceServerRule.urlProblem("stuns:stun.example.org"));
    }

    @Test
    void onlyTurnAndTurnsAreRelays() {
        assertTrue(IceServerRule.isTurn("turn:t") && IceServerRule.isTurn("turns:t"));
        assertEquals(false, IceServerRule.isTurn("stun:turn.example.org"));
        assertEquals(false, IceServerRule.isTurn("turnx:t"));
    }

    @Test
    void secureStunIsRefusedWithTheReasonAndTheWayOut() {
        String words = Problem.STUNS.words();
        assertTrue(words.contains("Chromium refuses it") && words.contains("use stun:"), words);
    }
}
