package dev.roomcall.media.local;

import dev.onvoid.webrtc.media.video.VideoCaptureCapability;
import java.util.Comparator;
import java.util.List;

/** Picks the camera mode closest to what was asked for. */
final class CapabilityChooser {
    /** What to ask a camera for when it lists no modes at all: nearly every webcam can do it. */
    static final VideoCaptureCapability FALLBACK = new VideoCaptureCapability(640, 480, 30);

    private CapabilityChooser() {}

    /** Below this many frames per second a mode is only taken when nothing smoother exists. */
    static final int SMOOTH_FPS = 15;

    /**
     * Prefers modes at least as fast as asked, then modes of at least {@link #SMOOTH_FPS} (a webcam's 720p at
     * 10 fps makes a worse call than its 480p at 30); within that, the nearest pixel count (a bigger mode beats a
     * smaller one at equal distance, since scaling down looks better than up), then the nearest frame rate.
     */
    static VideoCaptureCapability choose(List<VideoCaptureCapability> modes, int width, int height, int fps) {
        long wantedPixels = (long) width * height;
        Comparator<VideoCaptureCapability> byCloseness = Comparator
                .comparingInt((VideoCaptureCapability c) -> c.frameRate >= fps ? 0 : c.frameRate >= SMOOTH_FPS ? 1 : 2)
                .thenComparingLong(c -> Math.abs((long) c.width * c.height - wantedPixels))
                .thenComparing(c -> (long) c.width * c.height < wantedPixels)
                .thenComparingInt(c -> Math.abs(c.frameRate - fps));
        return modes == null ? FALLBACK : modes.stream()
                .filter(c -> c != null && c.width > 0 && c.height > 0 && c.frameRate > 0)
                .min(byCloseness)
                .orElse(FALLBACK);
    }
}
