package dev.roomcall.media.local;

import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.VideoDeviceSource;

/** Frees the capture sources {@link LocalMedia} sends from. */
final class CaptureSources {

    private CaptureSources() {
    }

    /**
     * Disposes {@code source} if it is one webrtc-java lets us construct (only those have a dispose()); a
     * factory-made audio source is freed with its tracks.
     */
    static void dispose(Object source) {
        if (source instanceof CustomVideoSource s) {
            s.dispose();
        } else if (source instanceof VideoDeviceSource s) {
            s.dispose();
        } else if (source instanceof CustomAudioSource s) {
            s.dispose();
        }
    }
}
