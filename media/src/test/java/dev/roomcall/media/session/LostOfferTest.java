package dev.roomcall.media.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roomcall.media.Await;
import dev.roomcall.media.SharedEngine;
import dev.roomcall.signaling.SignalMessage;
import org.junit.jupiter.api.Test;

/**
 * An offer that went into a signaling connection that broke (its node died) is sent again once the call is back on a
 * new connection: the session still waits for its answer, so it asks again.
 */
class LostOfferTest {

    private static boolean isOffer(SignalMessage message) {
        return message instanceof SignalMessage.Offer;
    }

    @Test
    void anOfferThatNeverArrivedIsSentAgainAndTheCallConnects() {
        try (TestCall call = new TestCall(SharedEngine.get())) {
            call.toB.holdWhile(LostOfferTest::isOffer); // what the dead connection swallowed: never delivered
            call.a.start(true);
            call.b.start(false);
            Await.until("the first offer is gone", () -> call.toB.heldCount(LostOfferTest::isOffer) == 1);
            call.toB.holdWhile(m -> false);

            call.a.resendPendingOffer();

            call.awaitConnected();
            assertEquals(2, call.toB.sentCount(SignalMessage.Offer.class), "the same offer, once more");
        }
    }
}
