package dev.roomcall.media.local;

import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.video.VideoTrack;
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
}
