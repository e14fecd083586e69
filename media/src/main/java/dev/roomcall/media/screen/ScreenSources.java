package dev.roomcall.media.screen;

/**
 * Lists what can be shared and opens a capture of it; one implementation per platform, chosen by
 * {@link PlatformScreenSources}.
 */
public interface ScreenSources {
    /** Screens and windows that can be shared now, with a notice if part of the desktop is out of reach. */
    ScreenListing list();

    /**
     * Opens (but does not start) a capture.
     *
     * @throws ScreenCaptureException if the source is gone or cannot be captured
     */
    ScreenCapture open(ScreenSource source, ShareSettings settings) throws ScreenCaptureException;

    /**
     * A small picture of {@code source} as it is now (scaled to fit {@code maxWidth}x{@code maxHeight}), for a
     * picker; empty if it cannot be grabbed (gone, hidden) or the platform offers none.
     */
    default java.util.Optional<Thumbnail> thumbnail(ScreenSource source, int maxWidth, int maxHeight) {
        return java.util.Optional.empty();
    }
}
