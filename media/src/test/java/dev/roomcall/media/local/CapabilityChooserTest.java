package dev.roomcall.media.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.onvoid.webrtc.media.video.VideoCaptureCapability;
import java.util.List;
import org.junit.jupiter.api.Test;

class CapabilityChooserTest {

    private static VideoCaptureCapability mode(int width, int height, int fps) {
        return new VideoCaptureCapability(width, height, fps);
    }

    @Test
    void takesTheExactModeWhenOffered() {
        assertEquals(mode(1280, 720, 30), CapabilityChooser.choose(
                List.of(mode(640, 480, 30), mode(1280, 720, 30), mode(1920, 1080, 30), mode(1280, 720, 60)),
                1280, 720, 30));
    }

    @Test
    void prefersASmoothSmallerModeToASlowExactOne() {
        assertEquals(mode(640, 480, 30), CapabilityChooser.choose(
                List.of(mode(1280, 720, 10), mode(640, 480, 30)), 1280, 720, 30));
    }

    @Test
    void prefersTheNearestSizeAndScalesDownRatherThanUp() {
        assertEquals(mode(1280, 800, 30), CapabilityChooser.choose(
                List.of(mode(640, 360, 30), mode(1280, 800, 30), mode(1920, 1080, 30)), 1280, 720, 30));
        assertEquals(mode(600, 500, 30), CapabilityChooser.choose(
                List.of(mode(400, 500, 30), mode(600, 500, 30)), 500, 500, 30), "equally far: the bigger one");
    }

    @Test
    void fallsBackTo640x480WhenTheCameraListsNothing() {
        assertEquals(mode(640, 480, 30), CapabilityChooser.choose(List.of(), 1280, 720, 30));
        assertEquals(mode(640, 480, 30), CapabilityChooser.choose(null, 1280, 720, 30));
    }
}
