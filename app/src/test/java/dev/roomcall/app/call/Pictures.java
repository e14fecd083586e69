package dev.roomcall.app.call;

import dev.roomcall.media.render.Frame;
import dev.roomcall.media.render.FrameSource;
import java.time.Duration;

/** What a view of a call's picture gets: a source converts frames only while watched, so this watches it. */
final class Pictures {

    private Pictures() {}

    /** Watches {@code source} until it has a converted frame, and returns that frame. */
    static Frame awaitFrame(FrameSource source, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (FrameSource.Watch view = source.watch()) {
            Frame frame;
            while ((frame = source.latest()) == null) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("no picture within " + timeout + "; " + source.framesReceived()
                            + " frames arrived");
                }
                Thread.sleep(20);
            }
            return frame;
        }
    }
}
