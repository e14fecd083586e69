package dev.roomcall.media.session;

import dev.roomcall.media.Await;
import dev.roomcall.media.CallExecutors;
import dev.roomcall.media.SharedEngine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.signaling.SignalMessage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** Perfect negotiation and candidate ordering, staged by holding messages on the wire. */
class NegotiationTest {
    private static final Predicate<SignalMessage> ANYTHING = m -> true;
    private static final Predicate<SignalMessage> OFFERS = m -> m instanceof SignalMessage.Offer;
    private static final Predicate<SignalMessage> CANDIDATES = m -> m instanceof SignalMessage.Candidate;

    @Test
    void bothSidesOfferingAtOnceStillConnect() {
        try (TestCall call = new TestCall(SharedEngine.get())) {
            call.toA.holdWhile(ANYTHING);
            call.toB.holdWhile(ANYTHING);
            call.a.start(true);
            call.b.start(true);
            Await.until("an offer from each side",
                    () -> call.toA.heldCount(OFFERS) == 1 && call.toB.heldCount(OFFERS) == 1);

            // Each offer now meets a side that has an offer of its own outstanding: glare.
            call.toA.release(OFFERS);
            call.toB.release(OFFERS);

            call.awaitConnected();
            Await.until("video both ways", () -> call.a.remoteVideo().framesReceived() > 0
                    && call.b.remoteVideo().framesReceived() > 0);
            assertTrue(call.aEvents.errors.isEmpty(), "impolite side: " + call.aEvents);
            assertTrue(call.bEvents.errors.isEmpty(), "polite side: " + call.bEvents);
            // The polite side's rolled-back offer comes again once the first exchange is done; video may flow before.
            Await.until("b's renegotiation is answered", () -> call.toB.sentCount(SignalMessage.Answer.class) >= 1,
                    call.aEvents::toString);
        }
    }

    /**
     * b hears a's candidates only before a's offer, and a never hears b's: the call can only connect if b kept the
     * early candidates until the offer set its remote description and then used them.
     */
    @Test
    void candidatesArrivingBeforeTheOfferAreQueuedThenApplied() {
        try (TestCall call = new TestCall(SharedEngine.get())) {
            call.toB.holdWhile(OFFERS);
            call.toA.holdWhile(CANDIDATES);
            call.a.start(true);
            call.b.start(false);
            Await.until("the offer held and some candidates delivered before it",
                    () -> call.toB.heldCount(OFFERS) == 1 && call.toB.sentCount(SignalMessage.Candidate.class) > 0);

            call.toB.releaseOnly(OFFERS, CANDIDATES);

            call.awaitConnected();
            assertEquals(0, call.toA.sentCount(SignalMessage.Candidate.class) - call.toA.heldCount(CANDIDATES),
                    "a never heard one of b's candidates");
            assertTrue(call.bEvents.errors.isEmpty(), call.bEvents.toString());
        }
    }

    @Test
    void candidatesThatWereHeldBackStillWorkAfterTheAnswer() {
        try (TestCall call = new TestCall(SharedEngine.get())) {
            call.toA.holdWhile(CANDIDATES);
            call.toB.holdWhile(CANDIDATES);
            call.a.start(true);
            call.b.start(false);
            Await.until("offer and answer exchanged", () -> call.toA.sentCount(SignalMessage.Answer.class) == 1
                    && call.toA.heldCount(CANDIDATES) > 0 && call.toB.heldCount(CANDIDATES) > 0);

            call.toA.release();
            call.toB.release();

            call.awaitConnected();
        }
    }

    /**
     * libwebrtc asks for negotiation when the answerer's tracks go on, and its (legacy) callback is not withdrawn when
     * the peer's offer settles it first: the answerer must not take that stale request for a renegotiation of its own.
     * Staged by holding b's call thread until a's offer waits behind b's start.
     */
    @Test
    void anAnswerersTracksGoingOnWhileThePeersOfferWaitsMakeNoOfferOfItsOwn() throws Exception {
        try (TestCall call = new TestCall(SharedEngine.get())) {
            CountDownLatch held = new CountDownLatch(1);
            CallExecutors.B.execute(() -> {
                try {
                    held.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            call.b.start(false);
            call.a.start(true);
            Await.until("a's offer waits behind b's start", () -> call.toB.sentCount(SignalMessage.Offer.class) == 1);

            held.countDown();

            call.awaitConnected();
            Thread.sleep(Negotiator.POLITE_OFFER_DELAY_MS + 300); // long enough for a needless offer to show
            assertEquals(0, call.toA.sentCount(SignalMessage.Offer.class), "b only answers: " + call.bEvents);
            assertEquals(1, call.toA.sentCount(SignalMessage.Answer.class));
        }
    }
}
