package dev.roomcall.app.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.app.support.CrashPolicy.Response;
import org.junit.jupiter.api.Test;

/** One readable dialog per problem: never silence, never a storm of dialogs. */
class CrashPolicyTest {

    private final CrashPolicy policy = new CrashPolicy();

    private static RuntimeException failure(String message) {
        return new IllegalStateException(message);
    }

    @Test
    void aFailureWhileRunningShowsADialogAndTheAppContinues() {
        assertEquals(Response.SHOW, policy.decide(failure("boom"), false));
        assertFalse(policy.quitting());
    }

    @Test
    void aFailedStartShowsADialogAndQuits() {
        assertEquals(Response.SHOW_AND_QUIT, policy.decide(failure("no start"), true));
        assertTrue(policy.quitting());
    }

    @Test
    void theJvmFailingQuitsEvenWhenWrapped() {
        assertEquals(Response.SHOW_AND_QUIT, policy.decide(new RuntimeException(new OutOfMemoryError("heap")), false));
        assertTrue(policy.quitting());
    }

    @Test
    void whileADialogIsOpenFurtherFailuresAreOnlyLogged() {
        policy.decide(failure("first"), false);
        assertEquals(Response.LOG_ONLY, policy.decide(new IllegalArgumentException("second"), false));
        policy.dialogClosed();
        assertEquals(Response.SHOW, policy.decide(new UnsupportedOperationException("third"), false));
    }

    @Test
    void theSameFailureFromTheSamePlaceIsShownOnce() {
        for (int frame = 0; frame < 3; frame++) {
            Response response = policy.decide(failure("frame " + frame), false);
            assertEquals(frame == 0 ? Response.SHOW : Response.LOG_ONLY, response, "frame " + frame);
            policy.dialogClosed();
        }
    }

    @Test
    void aFatalFailureIsShownEvenOverAnOpenDialogButOnlyOnce() {
        policy.decide(failure("first"), false);
        assertEquals(Response.SHOW_AND_QUIT, policy.decide(new StackOverflowError(), false));
        assertEquals(Response.LOG_ONLY, policy.decide(new OutOfMemoryError(), false));
        assertEquals(Response.LOG_ONLY, policy.decide(failure("after quitting"), false));
    }
}
