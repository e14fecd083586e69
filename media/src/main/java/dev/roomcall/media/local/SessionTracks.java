package dev.roomcall.media.local;

import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.roomcall.media.WebRtcNatives;
import java.util.LinkedHashMap;
import java.util.Map;

/** One session attached to {@link LocalMedia}: its copies of the local tracks and how to reach its senders. */
final class SessionTracks {
    final LocalMedia.Senders senders;
    AudioTrack audio;
    VideoTrack camera;
    VideoTrack cameraOff;
    final Map<String, VideoTrack> added = new LinkedHashMap<>();

    SessionTracks(LocalMedia.Senders senders) {
        this.senders = senders;
    }

    /** Frees this session's tracks; only once its peer connection is closed. */
    void dispose() {
        if (audio != null) {
            WebRtcNatives.dispose("session audio track", audio::dispose);
        }
        WebRtcNatives.dispose("session camera track", camera::dispose);
        WebRtcNatives.dispose("session camera-off track", cameraOff::dispose);
        for (VideoTrack track : added.values()) {
            WebRtcNatives.dispose("session video track", track::dispose);
        }
    }
}
