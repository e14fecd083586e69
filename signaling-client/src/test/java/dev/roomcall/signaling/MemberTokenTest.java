package dev.roomcall.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The member token a client carries from node to node, and the id every node derives from it. */
class MemberTokenTest {

    @Test
    void aRandomTokenHolds128BitsIn22Base64UrlCharactersAndNoTwoAreAlike() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            MemberToken token = MemberToken.random();
            assertTrue(token.value().matches("[A-Za-z0-9_-]{22}"), token.value());
            assertTrue(seen.add(token.value()));
        }
    }

    @Test
    void theIdIsTheTokensHashSoEveryNodeDerivesTheSameAndNobodyElseCanClaimIt() {
        MemberToken token = MemberToken.of("AAAAAAAAAAAAAAAAAAAAAA");
        // printf 'roomcall-member\nAAAAAAAAAAAAAAAAAAAAAA' | sha256sum | cut -c1-16
        assertEquals("m91df63d98eae5ef7", token.memberId());
        assertEquals(token.memberId(), MemberToken.of(token.value()).memberId());
        assertTrue(token.memberId().matches("m[0-9a-f]{16}"), token.memberId());
        assertNotEquals(token.memberId(), MemberToken.of("AAAAAAAAAAAAAAAAAAAAAB").memberId());
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"AAAAAAAAAAAAAAAAAAAAA", "with space AAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAA=",
            "<script>AAAAAAAAAAAAAAAAAA", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"})
    void anythingButBase64UrlOf22To64CharactersIsRefusedWithTheRule(String value) {
        assertFalse(MemberToken.isValid(value));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MemberToken.of(value));
        assertEquals(MemberToken.RULE, e.getMessage());
    }

    @Test
    void itGoesIntoTheQueryBesideTheRoomAndReplacesAnEarlierOne() {
        MemberToken token = MemberToken.of("BBBBBBBBBBBBBBBBBBBBBB");
        URI room = SignalingUrl.of("wss://call.example.org/signal", "abcd-efgh-jkmnp");
        assertEquals(URI.create("wss://call.example.org/signal/abcd-efgh-jkmnp?room=abcd-efgh-jkmnp&member=BBBBBBBBBBBBBBBBBBBBBB"),
                token.addTo(room));
        assertEquals(token.addTo(room), token.addTo(MemberToken.random().addTo(room)));
        assertEquals(URI.create("ws://h:1/r?member=BBBBBBBBBBBBBBBBBBBBBB"), token.addTo(URI.create("ws://h:1/r")));
    }

    @Test
    void itNeverShowsInToString() {
        MemberToken token = MemberToken.random();
        assertFalse(token.toString().contains(token.value()));
    }

    @Test
    void aConnectionReplacedByTheSameMembersNewerOneIsFinal() {
        assertTrue(new SignalingClosed(Protocol.CLOSE_REPLACED, "replaced", true).isFinal());
        assertFalse(new SignalingClosed(Protocol.CLOSE_REPLACED, "replaced", false).isFinal());
    }
}
