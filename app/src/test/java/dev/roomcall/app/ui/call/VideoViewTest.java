package dev.roomcall.app.ui.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.media.render.Frame;
import dev.roomcall.media.render.FrameSource;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The video view on its own, fed by a hand-made frame source. */
@ExtendWith(ApplicationExtension.class)
class VideoViewTest {

    /** Hands out whatever frame the test put in, like the converter's double buffer does. */
    private static final class HandFed implements FrameSource {
        volatile Frame next;
        long sequence;
        /** Watches open now. */
        final AtomicInteger watchers = new AtomicInteger();
        private final ByteBuffer[] buffers = new ByteBuffer[2];
        private int turn;

        @Override
        public Watch watch() {
            watchers.incrementAndGet();
            AtomicBoolean closed = new AtomicBoolean();
            return () -> {
                if (closed.compareAndSet(false, true)) {
                    watchers.decrementAndGet();
                }
            };
        }

        /** A new frame of this size and rotation in one of two reused direct buffers. */
        void feed(int width, int height, int rotation) {
            int bytes = width * height * 4;
            turn ^= 1;
            if (buffers[turn] == null || buffers[turn].capacity() != bytes) {
                buffers[turn] = ByteBuffer.allocateDirect(bytes);
            }
            next = new Frame(width, height, rotation, buffers[turn], ++sequence);
        }

        @Override
        public Frame latest() {
            return next;
        }

        @Override
        public long framesReceived() {
            return sequence;
        }

        @Override
        public void addFrameListener(Runnable onNewFrame) {
        }

        @Override
        public void removeFrameListener(Runnable onNewFrame) {
        }
    }

    private final HandFed source = new HandFed();
    private final HandFed mirroredSource = new HandFed();
    private VideoView view;
    private VideoView mirrored;

    @Start
    void start(Stage stage) {
        view = new VideoView(() -> source, false);
        mirrored = new VideoView(() -> mirroredSource, true);
        view.stop(); // the test pulls by hand
        mirrored.stop();
        javafx.scene.layout.VBox column = new javafx.scene.layout.VBox(view, mirrored);
        for (VideoView each : new VideoView[] {view, mirrored}) {
            each.setMinSize(400, 400);
            each.setMaxSize(400, 400);
        }
        stage.setScene(new Scene(column, 400, 800));
        stage.show();
    }

    @Test
    void theMirrorFollowsWhatThePictureShowsFromTheNextFrameOn() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean camera = new java.util.concurrent.atomic.AtomicBoolean(true);
        HandFed preview = new HandFed();
        VideoView self = fx(() -> {
            VideoView made = new VideoView(() -> preview, camera::get);
            made.stop();
            return made;
        });
        preview.feed(320, 240, 0);
        fx(() -> self.pull());
        assertEquals(-1.0, fx(() -> self.imageView().getScaleX()), "a camera's picture is mirrored");

        camera.set(false); // e.g. the "camera off" slate, whose text must read the right way round
        preview.feed(320, 240, 0);
        fx(() -> self.pull());
        assertEquals(1.0, fx(() -> self.imageView().getScaleX()), "a painted picture is not");
    }

    @Test
    void theViewWatchesTheSourceItShowsAndLetsGoWhenItChangesOrTheViewStops() throws Exception {
        HandFed first = new HandFed();
        HandFed second = new HandFed();
        AtomicReference<FrameSource> shown = new AtomicReference<>();
        VideoView tile = fx(() -> {
            VideoView made = new VideoView(shown::get, false);
            made.stop();
            return made;
        });
        fx(() -> tile.pull());
        assertEquals(0, first.watchers.get(), "no source, nothing watched");

        shown.set(first);
        fx(() -> tile.pull());
        fx(() -> tile.pull());
        assertEquals(1, first.watchers.get(), "one watch on the source shown, however often it is pulled");

        shown.set(second);
        fx(() -> tile.pull());
        assertEquals(0, first.watchers.get(), "the old source is let go");
        assertEquals(1, second.watchers.get(), "the new one watched");

        shown.set(null);
        fx(() -> tile.pull());
        assertEquals(0, second.watchers.get(), "nothing shown, nothing watched");

        shown.set(first);
        fx(() -> tile.pull());
        assertEquals(1, first.watchers.get());
        fx(() -> tile.stop());
        assertEquals(0, first.watchers.get(), "a stopped view watches nothing");
    }

    @Test
    void aRunningViewWatchesItsSourceUntilStopped() throws Exception {
        HandFed fed = new HandFed();
        VideoView running = fx(() -> new VideoView(() -> fed, false));
        awaitTrue("the pulse makes the view watch", () -> fed.watchers.get() == 1);
        fed.feed(320, 240, 0);
        awaitTrue("and show the picture", () -> fx(() -> running.showingProperty().get()));
        fx(() -> running.stop());
        assertEquals(0, fed.watchers.get());
    }

    @Test
    void framesOfOneSizeReuseTheirBufferAndANewSizeGetsANewOne() throws Exception {
        source.feed(320, 240, 0);
        fx(() -> view.pull());
        ByteBuffer first = fx(() -> view.pixelBuffer());
        for (int i = 0; i < 5; i++) {
            source.feed(320, 240, 0);
            fx(() -> view.pull());
            assertSame(first, fx(() -> view.pixelBuffer()), "same size, same buffer");
        }
        source.feed(640, 480, 0);
        fx(() -> view.pull());
        assertNotSame(first, fx(() -> view.pixelBuffer()), "a new size needs a new buffer");
        assertEquals(640 * 480 * 4, fx(() -> view.pixelBuffer().capacity()));
    }

    @Test
    void showingAFrameAllocatesNothingLikeAFrame() throws Exception {
        source.feed(320, 240, 0);
        fx(() -> view.pull());
        long perFrame = fx(() -> {
            com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long thread = Thread.currentThread().getId();
            // Warm up (JIT, lazily made toolkit objects), then measure.
            for (int i = 0; i < 200; i++) {
                source.feed(320, 240, 0);
                view.pull();
            }
            long before = threads.getThreadAllocatedBytes(thread);
            int frames = 500;
            for (int i = 0; i < frames; i++) {
                source.next = new Frame(320, 240, 0, source.next.bgra(), ++source.sequence);
                view.pull();
            }
            return (threads.getThreadAllocatedBytes(thread) - before) / frames;
        });
        // A 320x240 frame is 307 200 bytes; what is left is bookkeeping (the test's own Frame records are counted).
        assertTrue(perFrame < 512, "bytes allocated per shown frame: " + perFrame);
    }

    @Test
    void aRotatedFrameIsShownUprightAndLetterboxed() throws Exception {
        source.feed(320, 240, 90);
        fx(() -> {
            view.pull();
            view.layout();
            return null;
        });
        assertEquals(90.0, fx(() -> view.imageView().getRotate()));
        Bounds shown = fx(() -> view.imageView().getBoundsInParent());
        // Upright the picture is 240 wide and 320 high; in a 400x400 view that is 300x400, centred.
        assertEquals(300, shown.getWidth(), 0.5);
        assertEquals(400, shown.getHeight(), 0.5);
        assertEquals(50, shown.getMinX(), 0.5);
        assertEquals(0, shown.getMinY(), 0.5);
        assertEquals(0.75, fx(() -> view.aspectProperty().get()), 1e-9);

        source.feed(320, 240, 0);
        fx(() -> {
            view.pull();
            view.layout();
            return null;
        });
        Bounds flat = fx(() -> view.imageView().getBoundsInParent());
        assertEquals(400, flat.getWidth(), 0.5, "turning back needs no new buffer, only a new layout");
        assertEquals(300, flat.getHeight(), 0.5);
    }

    @Test
    void theMirroredSelfViewTurnsTheOtherWay() throws Exception {
        mirroredSource.feed(320, 240, 90);
        fx(() -> {
            mirrored.pull();
            mirrored.layout();
            return null;
        });
        assertEquals(-1.0, fx(() -> mirrored.imageView().getScaleX()));
        assertEquals(-90.0, fx(() -> mirrored.imageView().getRotate()));
        assertEquals(300, fx(() -> mirrored.imageView().getBoundsInParent().getWidth()), 0.5);
    }

    private static void awaitTrue(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Boolean.TRUE.equals(condition.call())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what);
            }
            Thread.sleep(20);
        }
    }

    private static <T> T fx(Callable<T> body) throws Exception {
        return WaitForAsyncUtils.asyncFx(body).get(10, TimeUnit.SECONDS);
    }

    private static void fx(Runnable body) throws Exception {
        WaitForAsyncUtils.asyncFx(body).get(10, TimeUnit.SECONDS);
    }
}
