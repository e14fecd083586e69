package dev.roomcall.media;

import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.video.VideoTrack;

/**
 * The tracks one session sends; each session gets its own so that closing one call cannot end another's media.
 *
 * @param audio            null when there is no microphone (headless without fake media)
 * @param video            camera, test pattern or slate
 * @param cameraOff        the "camera off" slate, swapped in while the camera is switched off (a disabled
 *                         libwebrtc video track sends nothing at all, which the peer sees as a frozen picture)
 * @param cameraEnabled    whether {@code video} (true) or {@code cameraOff} should be sent
 */
record LocalTracks(AudioTrack audio, VideoTrack video, VideoTrack cameraOff, boolean cameraEnabled) {
    VideoTrack videoToSend(boolean enabled) {
        return enabled ? video : cameraOff;
    }

    LocalTracks withVideo(VideoTrack replacement) {
        return new LocalTracks(audio, replacement, cameraOff, cameraEnabled);
    }

    LocalTracks withCameraEnabled(boolean enabled) {
        return new LocalTracks(audio, video, cameraOff, enabled);
    }
}
