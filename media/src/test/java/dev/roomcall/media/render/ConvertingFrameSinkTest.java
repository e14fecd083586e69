package dev.roomcall.media.render;

import dev.roomcall.media.WebRtcNatives;
import dev.roomcall.media.synthetic.TestSources;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.onvoid.webrtc.media.video.NativeI420Buffer;
import dev.onvoid.webrtc.media.video.VideoFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ConvertingFrameSinkTest {
    /** BT.601 limited-range YUV of pure colours and the B,G,R,A bytes libyuv makes of them. */
    private static final int[] WHITE_YUV = {235, 128, 128};
    private static final int[] BLACK_YUV = {16, 128, 128};
    private static final int[] RED_YUV = {81, 90, 240};
    private static final int[] BLUE_YUV = {41, 240, 110};
    private static final int[] WHITE_BGRA = {255, 255, 255, 255};
    private static final int[] BLACK_BGRA = {0, 0, 0, 255};
    private static final int[] RED_BGRA = {0, 0, 255, 255};
    private static final int[] BLUE_BGRA = {255, 0, 0, 255};

    private final AtomicInteger released = new AtomicInteger();

    @BeforeAll
    static void loadNatives() {
        WebRtcNatives.load();
    }

    @Test
    void convertsKnownColoursToBgraBytes() {
        ConvertingFrameSink sink = new ConvertingFrameSink("test");
        sink.watch();
        int[][] yuv = {WHITE_YUV, BLACK_YUV, RED_YUV, BLUE_YUV};
        int[][] bgra = {WHITE_BGRA, BLACK_BGRA, RED_BGRA, BLUE_BGRA};
        for (int i = 0; i < yuv.length; i++) {
            sink.onVideoFrame(solidFrame(8, 6, yuv[i]));
            Frame frame = sink.latest();
            assertEquals(8, frame.width());
            assertEquals(6, frame.height());
            assertEquals(8 * 6 * 4, frame.bgra().remaining());
            assertTrue(frame.bgra().isDirect());
            assertPixel(bgra[i], frame, 0);
            assertPixel(bgra[i], frame, 8 * 6 - 1);
        }
        assertEquals(4, sink.framesReceived());
        assertEquals(4, released.get(), "every frame libwebrtc handed over is released");
    }

    @Test
    void heldFrameStaysIntactUntilTheNextCallToLatest() {
        ConvertingFrameSink sink = new ConvertingFrameSink("test");
        sink.watch();
        assertNull(sink.latest(), "nothing converted yet");

        sink.onVideoFrame(solidFrame(4, 4, RED_YUV));
        Frame held = sink.latest();
        sink.onVideoFrame(solidFrame(4, 4, BLUE_YUV));
        sink.onVideoFrame(solidFrame(4, 4, WHITE_YUV));

        assertPixel(RED_BGRA, held, 5);
        Frame newest = sink.latest();
        assertPixel(WHITE_BGRA, newest, 5);
        assertEquals(3, newest.sequence(), "only the newest is kept, but every frame is counted");
        assertSame(newest, sink.latest(), "nothing new: the same frame again");
    }

    @Test
    void buffersAreReusedAndOnlyReallocatedWhenTheSizeChanges() {
        ConvertingFrameSink sink = new ConvertingFrameSink("test");
        sink.watch();
        sink.onVideoFrame(solidFrame(4, 4, RED_YUV));
        Frame first = sink.latest();
        sink.onVideoFrame(solidFrame(4, 4, RED_YUV));
        Frame second = sink.latest();
        sink.onVideoFrame(solidFrame(4, 4, RED_YUV));
        Frame third = sink.latest();
        assertSame(first.bgra(), third.bgra(), "two buffers take turns");
        assertTrue(first.bgra() != second.bgra());

        sink.onVideoFrame(solidFrame(6, 2, BLUE_YUV));
        Frame resized = sink.latest();
        assertEquals(6, resized.width());
        assertEquals(2, resized.height());
        assertEquals(6 * 2 * 4, resized.bgra().capacity());
        assertPixel(BLUE_BGRA, resized, 11);
    }

    @Test
    void listenersHearEveryFrameWatchedOrNot() {
        ConvertingFrameSink sink = new ConvertingFrameSink("test");
        AtomicInteger heard = new AtomicInteger();
        Runnable listener = heard::incrementAndGet;
        sink.addFrameListener(listener);
        sink.onVideoFrame(solidFrame(4, 4, RED_YUV));
        try (FrameSource.Watch watch = sink.watch()) {
            sink.onVideoFrame(solidFrame(4, 4, RED_YUV));
        }
        sink.removeFrameListener(listener);
        sink.onVideoFrame(solidFrame(4, 4, RED_YUV));
        assertEquals(2, heard.get());
    }

    @Test
    void unwatchedFramesAreCountedMeasuredHeardAndReleasedButNotConverted() {
        ConvertingFrameSink sink = new ConvertingFrameSink("test");
        AtomicLong countWhenHeard = new AtomicLong();
        AtomicInteger widthWhenHeard = new AtomicInteger();
        sink.addFrameListener(() -> {
            countWhenHeard.set(sink.framesReceived());
            widthWhenHeard.set(sink.lastWidth());
        });

        sink.onVideoFrame(solidFrame(8, 6, RED_YUV));
        sink.onVideoFrame(solidFrame(6, 4, RED_YUV, 90));

        assertEquals(2, sink.framesReceived());
        assertEquals(2, countWhenHeard.get(), "a listener sees the frame counted");
        assertEquals(6, widthWhenHeard.get(), "and its size recorded");
        assertEquals(6, sink.lastWidth());
        assertEquals(4, sink.lastHeight());
        assertEquals(90, sink.lastRotation());
        assertEquals(2, released.get(), "every frame is released at once");
        assertNull(sink.latest(), "nothing converted");
        assertEquals(0, sink.buffersKept(), "no frame buffer allocated");
        assertFalse(sink.watched());
    }

    @Test
    void aNewWatchConvertsFromTheNextFrameOn() {
        ConvertingFrameSink sink = new ConvertingFrameSink("test");
        sink.onVideoFrame(solidFrame(4, 4, RED_YUV));
        FrameSource.Watch watch = sink.watch();
        assertTrue(sink.watched());
        assertNull(sink.latest(), "a frame from before the watch was not kept");

        sink.onVideoFrame(solidFrame(4, 4, BLUE_YUV));
        Frame frame = sink.latest();
        assertPixel(BLUE_BGRA, frame, 5);
        assertEquals(2, frame.sequence(), "numbered among all frames that arrived");
        watch.close();
    }

    @Test
    void closingTheLastWatchDropsTheBuffersAndWatchingAgainConvertsTheNextFrame() {
        ConvertingFrameSink sink = new ConvertingFrameSink("test");
        FrameSource.Watch first = sink.watch();
        FrameSource.Watch second = sink.watch();
        sink.onVideoFrame(solidFrame(4, 4, RED_YUV));
        sink.latest();
        sink.onVideoFrame(solidFrame(4, 4, RED_YUV));
        assertEquals(2, sink.buffersKept(), "one held by the view, one for the next frame");

        first.close();
        first.close(); // closing twice counts once
        assertTrue(sink.watched(), "the second viewer still watches");
        sink.onVideoFrame(solidFrame(4, 4, BLUE_YUV));
        assertPixel(BLUE_BGRA, sink.latest(), 5);

        second.close();
        assertFalse(sink.watched());
        assertEquals(0, sink.buffersKept(), "the last watch lets go of both buffers");
        assertNull(sink.latest(), "and of the frames in them");
        sink.onVideoFrame(solidFrame(4, 4, WHITE_YUV));
        assertNull(sink.latest());

        try (FrameSource.Watch again = sink.watch()) {
            sink.onVideoFrame(solidFrame(4, 4, RED_YUV));
            Frame frame = sink.latest();
            assertPixel(RED_BGRA, frame, 5);
            assertEquals(5, frame.sequence());
        }
        assertEquals(5, released.get());
    }

    @Test
    void theOwnerHearsWhenWatchersComeAndGoAndReadsTheStateThen() {
        List<Boolean> heard = new ArrayList<>();
        ConvertingFrameSink[] sink = new ConvertingFrameSink[1];
        sink[0] = new ConvertingFrameSink("test", () -> heard.add(sink[0].watched()));
        FrameSource.Watch first = sink[0].watch();
        FrameSource.Watch second = sink[0].watch();
        first.close();
        second.close();
        second.close();
        assertEquals(List.of(true, true, true, false), heard, "told once per open and once per first close");
    }

    private VideoFrame solidFrame(int width, int height, int[] yuv) {
        return solidFrame(width, height, yuv, 0);
    }

    private VideoFrame solidFrame(int width, int height, int[] yuv, int rotation) {
        NativeI420Buffer buffer = NativeI420Buffer.allocate(width, height);
        TestSources.fill(buffer, width, height, yuv);
        return new VideoFrame(buffer, rotation, System.nanoTime()) {
            @Override
            public void release() {
                released.incrementAndGet();
                super.release();
            }
        };
    }

    private static void assertPixel(int[] expected, Frame frame, int pixel) {
        int[] actual = new int[4];
        for (int i = 0; i < 4; i++) {
            actual[i] = frame.bgra().get(pixel * 4 + i) & 0xFF;
        }
        for (int i = 0; i < 4; i++) {
            // libyuv's fixed-point maths lands within a couple of steps of the exact value.
            if (Math.abs(expected[i] - actual[i]) > 3) {
                assertArrayEquals(expected, actual, "B,G,R,A of pixel " + pixel);
            }
        }
    }
}
