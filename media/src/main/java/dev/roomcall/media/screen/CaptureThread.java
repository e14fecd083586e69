package dev.roomcall.media.screen;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The one thread on which every X11 capture of the process grabs, converts and pushes its frames, for the life of
 * the process.
 *
 * <p>Why one for good rather than one per share: glibc's malloc hands each new thread one of its arenas in turn (up
 * to eight per core), and a capture allocates its frame-size buffers (the XImage, the I420 frames, the preview's
 * copies) in its thread's arena. Freed, that space stays resident in the arena. A thread per share therefore left
 * one more arena holding a frame's worth of buffers after every share (measured: about 1.3 MB more resident memory per
 * on/off round of a 640x360 screen, growing until every arena held them). On one thread each share reuses the space
 * the share before it freed.
 */
final class CaptureThread {
    private static final ScheduledExecutorService THREAD = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "roomcall-screen-capture");
        t.setDaemon(true);
        return t;
    });

    private CaptureThread() {}

    /** Runs {@code task} now and then every {@code periodMicros} until the returned future is cancelled. */
    static ScheduledFuture<?> every(long periodMicros, Runnable task) {
        return THREAD.scheduleAtFixedRate(task, 0, periodMicros, TimeUnit.MICROSECONDS);
    }
}
