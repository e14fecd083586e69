package dev.roomcall.media.screen;

import dev.onvoid.webrtc.media.video.VideoTrackSource;
import java.util.function.Consumer;

/** One running capture of a {@link ScreenSource}, feeding a video source. */
public interface ScreenCapture extends AutoCloseable {
    /**
     * Frames of the shared source. A {@code CustomVideoSource} (Linux) is disposed by whoever sends it
     * ({@code LocalMedia}); a native desktop source is disposed by {@link #close()}.
     */
    VideoTrackSource source();

    ScreenSource shared();

    /**
     * Starts capturing. {@code onStopped} is told once, with a sentence a person can read, if capture ends by
     * itself (the window closed, the screen changed size); never after {@link #close()}.
     */
    void start(Consumer<String> onStopped);

    /** How many frames were pushed so far. */
    long framesSent();

    /** Stops capturing, waits for a frame in flight and releases the display. Idempotent. */
    @Override
    void close();
}
