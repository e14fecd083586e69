package dev.roomcall.app.call;

import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Hands the signaling client's news to the call's thread and keeps the call's clock: milliseconds since the
 * signaling socket opened, counted from when the socket's reader handed the news over, not from when the call's
 * thread got to it (it may be busy preparing the first peer session then). Read and set on the call's thread.
 */
final class SignalingClock implements Executor {

    private final Executor callThread;
    /** When the news the call's thread runs now was handed over. */
    private long handedNanos;
    private long openedNanos;

    SignalingClock(Executor callThread) {
        this.callThread = callThread;
    }

    @Override
    public void execute(Runnable news) {
        long handed = System.nanoTime();
        callThread.execute(() -> {
            handedNanos = handed;
            news.run();
        });
    }

    /** The socket opened: the news being run now says so. */
    void opened() {
        openedNanos = handedNanos;
    }

    long sinceOpenMs() {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - openedNanos);
    }
}
