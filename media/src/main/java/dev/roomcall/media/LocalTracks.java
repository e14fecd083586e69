package dev.roomcall.media;

import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.video.VideoTrack;

/**
 * The tracks one session sends; each session gets its own so that closing one call cannot end another's media.
 *
 * @param audio null when there is no microphone (headless without fake media)
 * @param video never null: camera, test pattern or slate
 */
record LocalTracks(AudioTrack audio, VideoTrack video) {}
