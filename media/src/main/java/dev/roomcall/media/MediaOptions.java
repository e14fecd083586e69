package dev.roomcall.media;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link MediaEngine#start(MediaOptions)} sets up local media.
 *
 * @param fakeMedia     send a synthetic test pattern and tone instead of opening camera and microphone
 * @param width         wanted video width in pixels (the camera capability closest to it is used)
 * @param height        wanted video height in pixels
 * @param fps           wanted frames per second
 * @param audioMode     whether to try the platform audio system at all
 * @param deviceTimeout how long a device query may take before the engine gives up on it; native device
 *                      enumeration can block forever (e.g. PulseAudio libraries without a running server)
 */
public record MediaOptions(boolean fakeMedia, int width, int height, int fps, AudioMode audioMode,
                           Duration deviceTimeout) {

    public MediaOptions {
        Objects.requireNonNull(audioMode, "audioMode");
        Objects.requireNonNull(deviceTimeout, "deviceTimeout");
        if (width < 16 || height < 16 || width > 7680 || height > 4320) {
            throw new IllegalArgumentException("unsupported video size " + width + "x" + height);
        }
        if (fps < 1 || fps > 60) {
            throw new IllegalArgumentException("fps must be within 1..60, was " + fps);
        }
        if (deviceTimeout.isNegative() || deviceTimeout.isZero()) {
            throw new IllegalArgumentException("deviceTimeout must be positive");
        }
    }

    /** Real devices, 1280x720 at 30 fps, {@link AudioMode#AUTO}, 3 s device timeout. */
    public static MediaOptions defaults() {
        return new MediaOptions(false, 1280, 720, 30, AudioMode.AUTO, Duration.ofSeconds(3));
    }

    public MediaOptions withFakeMedia(boolean fake) {
        return new MediaOptions(fake, width, height, fps, audioMode, deviceTimeout);
    }

    public MediaOptions withResolution(int newWidth, int newHeight) {
        return new MediaOptions(fakeMedia, newWidth, newHeight, fps, audioMode, deviceTimeout);
    }

    public MediaOptions withFps(int newFps) {
        return new MediaOptions(fakeMedia, width, height, newFps, audioMode, deviceTimeout);
    }

    public MediaOptions withAudioMode(AudioMode mode) {
        return new MediaOptions(fakeMedia, width, height, fps, mode, deviceTimeout);
    }

    public MediaOptions withDeviceTimeout(Duration timeout) {
        return new MediaOptions(fakeMedia, width, height, fps, audioMode, timeout);
    }
}
