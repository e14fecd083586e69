package dev.roomcall.media;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.AudioTrackSource;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.VideoTrackSource;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This side's camera and microphone (real, synthetic, or the "camera off" slate), shared by every session of the
 * engine. Obtained from {@link MediaEngine#localMedia()}; closed by the engine.
 */
public final class LocalMedia {

    /** A capture source plus how to stop it (pumps and devices must stop before anything is disposed). */
    record Input<S>(S source, Runnable stop) {}

    private final PeerConnectionFactory factory;
    private final Input<? extends VideoTrackSource> video;
    private final Input<? extends AudioTrackSource> audio;
    private final CameraState camera;
    private final boolean headlessAudio;
    private final VideoTrack previewTrack;
    private final ConvertingFrameSink preview = new ConvertingFrameSink("preview");
    private final List<MediaStreamTrack> sessionTracks = new ArrayList<>();
    private final AtomicLong trackIds = new AtomicLong();
    private boolean cameraEnabled = true;
    private boolean microphoneEnabled = true;
    private boolean stopped;

    LocalMedia(PeerConnectionFactory factory, Input<? extends VideoTrackSource> video,
               Input<? extends AudioTrackSource> audio, CameraState camera, boolean headlessAudio) {
        this.factory = factory;
        this.video = video;
        this.audio = audio;
        this.camera = camera;
        this.headlessAudio = headlessAudio;
        this.previewTrack = factory.createVideoTrack("roomcall-preview", video.source());
        previewTrack.addSink(preview);
    }

    /** What this side sends, converted for display (the slate when there is no camera). */
    public FrameSource preview() {
        return preview;
    }

    public CameraState camera() {
        return camera;
    }

    /** True if a microphone is captured (real or synthetic) and sent to the peer. */
    public boolean hasMicrophone() {
        return audio != null;
    }

    /** True if no real audio device is used: nothing is captured from or played to a sound card. */
    public boolean headlessAudio() {
        return headlessAudio;
    }

    /** Sends black video instead of the picture in every session while false (the preview keeps running). */
    public synchronized void setCameraEnabled(boolean enabled) {
        cameraEnabled = enabled;
        applyEnabled();
    }

    public synchronized boolean cameraEnabled() {
        return cameraEnabled;
    }

    /** Sends silence instead of the microphone in every session while false. */
    public synchronized void setMicrophoneEnabled(boolean enabled) {
        microphoneEnabled = enabled;
        applyEnabled();
    }

    public synchronized boolean microphoneEnabled() {
        return microphoneEnabled;
    }

    synchronized LocalTracks createTracks(String sessionId) {
        if (stopped) {
            throw new IllegalStateException("local media is closed");
        }
        long n = trackIds.incrementAndGet();
        AudioTrack audioTrack = audio == null ? null
                : factory.createAudioTrack("roomcall-audio-" + sessionId + "-" + n, audio.source());
        VideoTrack videoTrack = factory.createVideoTrack("roomcall-video-" + sessionId + "-" + n, video.source());
        if (audioTrack != null) {
            audioTrack.setEnabled(microphoneEnabled);
            sessionTracks.add(audioTrack);
        }
        videoTrack.setEnabled(cameraEnabled);
        sessionTracks.add(videoTrack);
        return new LocalTracks(audioTrack, videoTrack);
    }

    /** Disposes a session's tracks; call only after that session's peer connection is closed. */
    synchronized void releaseTracks(LocalTracks tracks) {
        if (tracks.audio() != null && sessionTracks.remove(tracks.audio())) {
            AudioSetup.dispose("session audio track", tracks.audio()::dispose);
        }
        if (sessionTracks.remove(tracks.video())) {
            AudioSetup.dispose("session video track", tracks.video()::dispose);
        }
    }

    private void applyEnabled() {
        for (MediaStreamTrack track : sessionTracks) {
            boolean enabled = MediaStreamTrack.AUDIO_TRACK_KIND.equals(track.getKind()) ? microphoneEnabled : cameraEnabled;
            track.setEnabled(enabled);
        }
    }

    /** First step of shutdown: no more frames or samples are produced. */
    synchronized void stopCapture() {
        if (stopped) {
            return;
        }
        stopped = true;
        video.stop().run();
        if (audio != null) {
            audio.stop().run();
        }
    }

    /** Last step before the factory goes: after every session is closed. */
    synchronized void dispose() {
        stopCapture();
        previewTrack.removeSink(preview);
        AudioSetup.dispose("preview track", previewTrack::dispose);
        for (MediaStreamTrack track : List.copyOf(sessionTracks)) {
            AudioSetup.dispose("leftover session track", track::dispose);
        }
        sessionTracks.clear();
        AudioSetup.dispose("video source", () -> disposeSource(video.source()));
        if (audio != null) {
            AudioSetup.dispose("audio source", () -> disposeSource(audio.source()));
        }
    }

    private static void disposeSource(Object source) {
        // Only the source classes webrtc-java lets us create have a dispose(); the factory-made audio source is
        // freed with its tracks.
        if (source instanceof dev.onvoid.webrtc.media.video.CustomVideoSource s) {
            s.dispose();
        } else if (source instanceof dev.onvoid.webrtc.media.video.VideoDeviceSource s) {
            s.dispose();
        } else if (source instanceof dev.onvoid.webrtc.media.audio.CustomAudioSource s) {
            s.dispose();
        }
    }
}
