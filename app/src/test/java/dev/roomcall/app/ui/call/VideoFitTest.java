package dev.roomcall.app.ui.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class VideoFitTest {

    @Test
    void aWidePictureInATallPaneIsLetterboxedAboveAndBelow() {
        VideoFit fit = VideoFit.of(1280, 720, 0, false, 800, 800);
        assertEquals(800, fit.shownWidth(), 1e-9);
        assertEquals(450, fit.shownHeight(), 1e-9);
        assertEquals(0, fit.x(), 1e-9);
        assertEquals(175, fit.y(), 1e-9, "equal bars above and below");
        assertEquals(0, fit.rotate());
    }

    @Test
    void aTallPictureInAWidePaneGetsBarsLeftAndRightAndIsNeverStretched() {
        VideoFit fit = VideoFit.of(480, 640, 0, false, 1000, 500);
        assertEquals(375, fit.shownWidth(), 1e-9);
        assertEquals(500, fit.shownHeight(), 1e-9);
        assertEquals(312.5, fit.x(), 1e-9);
        assertEquals(480.0 / 640, fit.shownWidth() / fit.shownHeight(), 1e-9, "aspect kept");
    }

    @Test
    void aFrameMarkedRotatedIsTurnedUprightAndFitsAsThePersonSeesIt() {
        // A phone held upright sends 640x480 frames marked "rotate 90".
        VideoFit fit = VideoFit.of(640, 480, 90, false, 1000, 800);
        assertEquals(90, fit.rotate());
        assertEquals(600, fit.shownWidth(), 1e-9, "upright it is 480 wide by 640 high, scaled to the 800 high pane");
        assertEquals(800, fit.shownHeight(), 1e-9);
        assertEquals(800, fit.imageWidth(), 1e-9, "the unrotated image is drawn 800 wide, then turned");
        assertEquals(600, fit.imageHeight(), 1e-9);
        assertEquals(100, fit.x(), 1e-9, "centred: (1000 - 800) / 2");
        assertEquals(100, fit.y(), 1e-9, "centred: (800 - 600) / 2");
    }

    @Test
    void aMirroredViewTurnsTheOtherWaySoTheMirrorComesAfterTheTurn() {
        assertEquals(-90, VideoFit.of(640, 480, 90, true, 100, 100).rotate());
        assertEquals(-270, VideoFit.of(640, 480, 270, true, 100, 100).rotate());
        assertEquals(180, VideoFit.of(640, 480, 180, false, 100, 100).rotate());
        assertEquals(90, VideoFit.of(640, 480, -270, false, 100, 100).rotate(), "any multiple of 90 is understood");
    }

    @Test
    void theAspectIsOfThePictureAsSeen() {
        assertEquals(16.0 / 9, VideoFit.aspect(1280, 720, 0), 1e-9);
        assertEquals(9.0 / 16, VideoFit.aspect(1280, 720, 270), 1e-9);
        assertEquals(16.0 / 9, VideoFit.aspect(0, 0, 0), 1e-9, "before any frame");
    }

    @Test
    void nothingToShowFitsNothing() {
        VideoFit fit = VideoFit.of(0, 0, 0, false, 100, 100);
        assertEquals(0, fit.shownWidth());
        assertEquals(0, VideoFit.of(640, 480, 0, false, 0, 0).shownHeight());
    }
}
