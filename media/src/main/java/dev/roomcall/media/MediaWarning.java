package dev.roomcall.media;

import java.util.Objects;

/**
 * Something the engine worked around rather than failed on, worth telling the person about.
 *
 * @param code    stable machine-readable code, one of the constants below
 * @param message human-readable explanation
 */
public record MediaWarning(String code, String message) {
    /** No camera was found; the peer sees the "camera off" slate. */
    public static final String NO_CAMERA = "no-camera";
    /** A camera was found but could not be opened; the peer sees the "camera off" slate. */
    public static final String CAMERA_FAILED = "camera-failed";
    /** The audio system did not answer in time; no microphone, received audio is not played. */
    public static final String NO_AUDIO_SYSTEM = "no-audio-system";
    /**
     * Mid-call, the microphone's sound stopped arriving although nobody muted it: the sound system went away (a
     * PulseAudio server killed, a headset's stack restarting). Video goes on.
     */
    public static final String AUDIO_SYSTEM_LOST = "audio-system-lost";
    /** The microphone's sound arrives again after {@link #AUDIO_SYSTEM_LOST}. */
    public static final String AUDIO_SYSTEM_BACK = "audio-system-back";
    /** A device chosen during a call is not (or no longer) there. */
    public static final String DEVICE_NOT_FOUND = "device-not-found";
    /** A device chosen during a call could not be switched to; the previous one stays in use. */
    public static final String DEVICE_SWITCH_FAILED = "device-switch-failed";

    public MediaWarning {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }
}
