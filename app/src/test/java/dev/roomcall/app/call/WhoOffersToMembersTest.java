package dev.roomcall.app.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roomcall.signaling.NegotiationRole;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who offers within one pair of a group room: the newcomer offers to everyone already there. */
class WhoOffersToMembersTest {

    @ParameterizedTest(name = "{0}, member listed in joined={1}: {2}")
    @CsvSource({
        "AUTO,   true,  OFFER",   // we are the newcomer: offer to everyone listed
        "AUTO,   false, WAIT",    // they came after us (peer-joined): their offer comes
        "CALLER, true,  OFFER",
        "CALLER, false, WAIT",    // even a caller waits for a newcomer, or every pair would collide
        "CALLEE, true,  WAIT",    // a callee never offers first, in a group as in a two-person call
        "CALLEE, false, WAIT",
    })
    void theNewcomerOffersToEveryoneListed(Role role, boolean listedInJoined, NegotiationRole expected) {
        assertEquals(expected, WhoOffers.towardMember(role, listedInJoined));
    }
}
