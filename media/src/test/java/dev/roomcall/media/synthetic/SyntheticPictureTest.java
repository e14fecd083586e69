package dev.roomcall.media.synthetic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SyntheticPictureTest {
    private static final int WIDTH = 320;
    private static final int HEIGHT = 180;

    @Test
    void testPatternShowsColourBarsAcrossTheWidth() {
        I420Canvas canvas = I420Canvas.allocate(WIDTH, HEIGHT);
        new TestPattern().paint(canvas, 0);

        Set<Integer> lumaAlongBottomRow = new HashSet<>();
        for (int x = 0; x < WIDTH; x++) {
            lumaAlongBottomRow.add(canvas.lumaAt(x, HEIGHT - 1));
        }
        assertTrue(lumaAlongBottomRow.size() >= 7, "seven bars: " + lumaAlongBottomRow);
    }

    @Test
    void everyFrameDiffersSoAFrozenStreamIsObvious() {
        TestPattern pattern = new TestPattern();
        I420Canvas first = I420Canvas.allocate(WIDTH, HEIGHT);
        I420Canvas second = I420Canvas.allocate(WIDTH, HEIGHT);
        pattern.paint(first, 41);
        pattern.paint(second, 42);

        assertNotEquals(first.y, second.y, "luma changes between frames");
        assertNotEquals(region(first, 0, 0, 60, 30), region(second, 0, 0, 60, 30), "the counter changes");
    }

    @Test
    void frameCounterIsDrawnBrightOnDarkInTheTopLeftCorner() {
        I420Canvas canvas = I420Canvas.allocate(WIDTH, HEIGHT);
        new TestPattern().paint(canvas, 8);

        int[] corner = region(canvas, 0, 0, 16, 20);
        assertTrue(Arrays.stream(corner).anyMatch(l -> l == 16), "dark plate");
        assertTrue(Arrays.stream(corner).anyMatch(l -> l == 235), "bright digit strokes");
    }

    @Test
    void slateIsDarkWithCentredWords() {
        I420Canvas canvas = I420Canvas.allocate(WIDTH, HEIGHT);
        new CameraOffSlate().paint(canvas, 0);

        assertEquals(CameraOffSlate.BACKGROUND_LUMA, canvas.lumaAt(0, 0));
        assertEquals(CameraOffSlate.BACKGROUND_LUMA, canvas.lumaAt(WIDTH - 1, HEIGHT - 1));
        int[] middle = region(canvas, WIDTH / 4, HEIGHT / 3, WIDTH / 2, HEIGHT / 3);
        long textPixels = Arrays.stream(middle).filter(l -> l == CameraOffSlate.TEXT_LUMA).count();
        assertTrue(textPixels > middle.length / 20, "words drawn: " + textPixels + " of " + middle.length);
        assertTrue(textPixels < middle.length / 2, "a calm frame, mostly background");
    }

    @Test
    void oddSizesAreHandled() {
        I420Canvas canvas = I420Canvas.allocate(33, 17);
        new TestPattern().paint(canvas, 123);
        new CameraOffSlate().paint(canvas, 0);
        assertEquals(17, canvas.chromaWidth());
        assertEquals(9, canvas.chromaHeight());
    }

    private static int[] region(I420Canvas canvas, int x, int y, int w, int h) {
        int[] luma = new int[w * h];
        for (int row = 0; row < h; row++) {
            for (int col = 0; col < w; col++) {
                luma[row * w + col] = canvas.lumaAt(x + col, y + row);
            }
        }
        return luma;
    }
}
