package dev.roomcall.media.session;

import dev.roomcall.media.Await;
import dev.roomcall.media.SharedEngine;
import dev.roomcall.media.stats.DtlsVerification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class DtlsVerificationCallTest {

    @Test
    void bothEndsOfACallComputeTheSameCodeFromCrossedFingerprints() {
        try (TestCall call = new TestCall(SharedEngine.get())) {
            call.connect();
            Await.until("a verification on both sides",
                    () -> call.aEvents.verification != null && call.bEvents.verification != null,
                    () -> "a: " + call.aEvents + " b: " + call.bEvents);

            DtlsVerification a = call.aEvents.verification;
            DtlsVerification b = call.bEvents.verification;
            assertEquals(a.code(), b.code());
            assertEquals(a.local(), b.remote(), "what a sends as its certificate is what b sees");
            assertEquals(a.remote(), b.local());
            assertNotEquals(a.local(), a.remote(), "each peer connection has its own certificate");
            assertEquals("sha-256", a.local().algorithm());
            assertEquals(a, call.a.verification().orElseThrow(), "also readable from the session");
            assertEquals(1, call.aEvents.verifications.get(), "reported once");
        }
    }

    @Test
    void aSecondCallHasAnotherCode() {
        DtlsVerification first;
        try (TestCall call = new TestCall(SharedEngine.get())) {
            call.a.start(true);
            call.b.start(false);
            Await.until("a verification", () -> call.aEvents.verification != null, call.aEvents::toString);
            first = call.aEvents.verification;
        }
        try (TestCall call = new TestCall(SharedEngine.get())) {
            call.a.start(true);
            call.b.start(false);
            Await.until("a verification", () -> call.aEvents.verification != null, call.aEvents::toString);
            assertNotEquals(first.local(), call.aEvents.verification.local(), "fresh certificates per call");
            // Two random certificate pairs share a code with probability one in a million.
            assertNotEquals(first.code(), call.aEvents.verification.code());
        }
    }
}
