package dev.roomcall.media.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.roomcall.media.Await;
import dev.roomcall.media.SharedEngine;
import dev.roomcall.signaling.SignalMessage;
import org.junit.jupiter.api.Test;

/**
 * The statistics and microphone-level polls wait for libwebrtc's signalling thread, so they begin only once the
 * first offer and answer are applied: never in the way of the first negotiation's steps.
 */
class PollsAfterNegotiationTest {

    @Test
    void noStatisticsWhileTheFirstAnswerIsOutstandingThenOnceASecond() throws InterruptedException {
        try (TestCall call = new TestCall(SharedEngine.get())) {
            call.toA.holdWhile(m -> m instanceof SignalMessage.Answer);
            call.a.start(true);
            call.b.start(false);
            Await.until("the answer, held back", () -> call.toA.heldCount(m -> true) == 1, call.aEvents::toString);

            // Longer than the statistics period (1 s) and many level periods (150 ms).
            Thread.sleep(1500);
            assertEquals(0, call.aEvents.stats.size(), "no statistics round before the answer is applied");
            assertEquals(0.0, call.a.microphoneLevel(), "no level poll before the answer is applied");

            call.toA.release();
            call.awaitConnected();
            Await.until("statistics on the offerer", () -> !call.aEvents.stats.isEmpty(), call.aEvents::toString);
            Await.until("a microphone level on the offerer", () -> call.a.microphoneLevel() > 0,
                    () -> "level " + call.a.microphoneLevel());
        }
    }
}
