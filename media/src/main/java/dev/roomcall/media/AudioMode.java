package dev.roomcall.media;

/** How the engine picks its audio device module (microphone and speaker). */
public enum AudioMode {
    /**
     * Use the platform's audio system (PulseAudio/ALSA, CoreAudio, WASAPI) if it answers within
     * {@link MediaOptions#deviceTimeout()}; otherwise fall back to {@link #HEADLESS} and report
     * {@link MediaWarning#NO_AUDIO_SYSTEM}.
     */
    AUTO,
    /** Never touch a sound card: no microphone is captured and received audio is discarded. */
    HEADLESS
}
