package dev.roomcall.app.call;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/** The call's clock starts when the socket handed over "open", not when a busy call thread got to it. */
class SignalingClockTest {

    @Test
    void openCountsFromWhenTheNewsWasHandedOverNotFromWhenItRan() throws InterruptedException {
        Queue<Runnable> callThread = new ArrayDeque<>();
        SignalingClock clock = new SignalingClock(callThread::add);
        long[] sinceOpenWhenRun = new long[1];
        clock.execute(() -> {
            clock.opened();
            sinceOpenWhenRun[0] = clock.sinceOpenMs();
        });

        Thread.sleep(120); // the call's thread is busy, say preparing a session
        callThread.remove().run();

        assertTrue(sinceOpenWhenRun[0] >= 120, "the open happened 120 ms before it ran: " + sinceOpenWhenRun[0]);
    }
}
