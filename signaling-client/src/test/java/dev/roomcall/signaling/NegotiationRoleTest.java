package dev.roomcall.signaling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who offers to whom in a room: the newcomer to everyone already there, unless a demo page's offer is coming. */
class NegotiationRoleTest {

    @ParameterizedTest(name = "peer there first: {0}, its offer queued: {1} -> {2}")
    @CsvSource({
            // listed in my joined, nothing queued: I am the newcomer, I offer (impolite)
            "true,  false, OFFER, false",
            // announced by peer-joined after me: it offers to me, I wait (polite)
            "false, false, WAIT,  true",
            // a demo page there first already sent its offer, which the server queued for me: answer it
            "true,  true,  WAIT,  true",
            // cannot happen (a later joiner never queued for me) but must not make two offerers
            "false, true,  WAIT,  true",
    })
    void theNewcomerOffersToEveryoneAlreadyThere(boolean peerWasThereFirst, boolean peerQueuedOffer,
                                                 NegotiationRole expected, boolean polite) {
        NegotiationRole mine = NegotiationRole.toward(peerWasThereFirst, peerQueuedOffer);
        assertEquals(expected, mine);
        assertEquals(polite, mine.polite());
        if (!peerQueuedOffer) {
            assertEquals(expected == NegotiationRole.OFFER ? NegotiationRole.WAIT : NegotiationRole.OFFER,
                    NegotiationRole.toward(!peerWasThereFirst, false), "the other end of the pair decides the opposite");
        }
    }
}
