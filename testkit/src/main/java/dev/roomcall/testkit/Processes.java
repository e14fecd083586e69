package dev.roomcall.testkit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/** Stopping a helper program and whatever it started, politely first. */
final class Processes {

    private Processes() {}

    /** SIGTERM to the process and its descendants; SIGKILL to what is still alive after {@code grace}. */
    static void stop(Process process, Duration grace) throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** {@link #stop} for callers that cannot be interrupted: keeps the interrupt for them. */
    static void stopUninterruptibly(Process process, Duration grace) {
        try {
            stop(process, grace);
        } catch (InterruptedException e) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
