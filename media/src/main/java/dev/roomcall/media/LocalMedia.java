package dev.roomcall.media;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.AudioTrack;
import dev.onvoid.webrtc.media.audio.AudioTrackSource;
import dev.onvoid.webrtc.media.audio.CustomAudioSource;
import dev.onvoid.webrtc.media.video.CustomVideoSource;
import dev.onvoid.webrtc.media.video.VideoDeviceSource;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.VideoTrackSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * This side's camera and microphone (real, synthetic, or the "camera off" slate), shared by every session of the
 * engine. Obtained from {@link MediaEngine#localMedia()}; closed by the engine. Thread-safe.
 */
public final class LocalMedia {

    /** A capture source plus how to stop it (pumps and devices must stop before anything is disposed). */
    record Input<S>(S source, Runnable stop) {}

    private final PeerConnectionFactory factory;
    private final Input<? extends VideoTrackSource> video;
    private final Input<? extends VideoTrackSource> cameraOff;
    private final Input<? extends AudioTrackSource> audio;
    private final CameraState camera;
    private final boolean headlessAudio;
    private final VideoTrack previewTrack;
    private final ConvertingFrameSink preview = new ConvertingFrameSink("preview");
    private final List<MediaStreamTrack> sessionTracks = new ArrayList<>();
    private final List<AudioTrack> sessionAudio = new ArrayList<>();
    private final Map<LocalTracks, Consumer<Boolean>> cameraSwitches = new java.util.IdentityHashMap<>();
    private final AtomicLong trackIds = new AtomicLong();
    private boolean cameraEnabled = true;
    private boolean microphoneEnabled = true;
    private boolean stopped;
    private boolean disposed;

    /**
     * @param cameraOff what to send while the camera is switched off; may be the same input as {@code video}
     *                  when that already is the slate
     */
    LocalMedia(PeerConnectionFactory factory, Input<? extends VideoTrackSource> video,
               Input<? extends VideoTrackSource> cameraOff, Input<? extends AudioTrackSource> audio,
               CameraState camera, boolean headlessAudio) {
        this.factory = factory;
        this.video = video;
        this.cameraOff = cameraOff;
        this.audio = audio;
        this.camera = camera;
        this.headlessAudio = headlessAudio;
        this.previewTrack = factory.createVideoTrack("roomcall-preview", video.source());
        previewTrack.addSink(preview);
    }

    /** What the camera (or test pattern, or slate) shows, converted for display; unaffected by switching off. */
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

    /** While false every session sends the "camera off" slate instead of the picture. */
    public void setCameraEnabled(boolean enabled) {
        List<Consumer<Boolean>> switches;
        synchronized (this) {
            if (cameraEnabled == enabled) {
                return;
            }
            cameraEnabled = enabled;
            switches = List.copyOf(cameraSwitches.values());
        }
        switches.forEach(s -> s.accept(enabled));
    }

    public synchronized boolean cameraEnabled() {
        return cameraEnabled;
    }

    /** While false every session sends silence instead of the microphone. */
    public synchronized void setMicrophoneEnabled(boolean enabled) {
        microphoneEnabled = enabled;
        for (AudioTrack track : sessionAudio) {
            track.setEnabled(enabled);
        }
    }

    public synchronized boolean microphoneEnabled() {
        return microphoneEnabled;
    }

    /**
     * New tracks for one session. {@code cameraSwitch} hears every later camera on/off change (on the caller's
     * thread of {@link #setCameraEnabled}) until {@link #releaseTracks} .
     */
    synchronized LocalTracks createTracks(String sessionId, Consumer<Boolean> cameraSwitch) {
        if (stopped) {
            throw new IllegalStateException("local media is closed");
        }
        long n = trackIds.incrementAndGet();
        String suffix = sessionId + "-" + n;
        AudioTrack audioTrack = null;
        if (audio != null) {
            audioTrack = factory.createAudioTrack("roomcall-audio-" + suffix, audio.source());
            audioTrack.setEnabled(microphoneEnabled);
            sessionAudio.add(audioTrack);
            sessionTracks.add(audioTrack);
        }
        VideoTrack videoTrack = factory.createVideoTrack("roomcall-video-" + suffix, video.source());
        VideoTrack offTrack = factory.createVideoTrack("roomcall-camera-off-" + suffix, cameraOff.source());
        sessionTracks.add(videoTrack);
        sessionTracks.add(offTrack);
        LocalTracks tracks = new LocalTracks(audioTrack, videoTrack, offTrack, cameraEnabled);
        cameraSwitches.put(tracks, cameraSwitch);
        return tracks;
    }

    /** Disposes a session's tracks; call only after that session's peer connection is closed. */
    synchronized void releaseTracks(LocalTracks tracks) {
        cameraSwitches.remove(tracks);
        if (tracks.audio() != null) {
            sessionAudio.remove(tracks.audio());
            disposeTrack(tracks.audio(), "session audio track");
        }
        disposeTrack(tracks.video(), "session video track");
        disposeTrack(tracks.cameraOff(), "session camera-off track");
    }

    private void disposeTrack(MediaStreamTrack track, String what) {
        if (sessionTracks.remove(track)) {
            AudioSetup.dispose(what, track::dispose);
        }
    }

    /** First step of shutdown: no more frames or samples are produced. */
    synchronized void stopCapture() {
        if (stopped) {
            return;
        }
        stopped = true;
        video.stop().run();
        if (cameraOff != video) {
            cameraOff.stop().run();
        }
        if (audio != null) {
            audio.stop().run();
        }
    }

    /** Last step before the factory goes: after every session is closed. */
    synchronized void dispose() {
        if (disposed) {
            return;
        }
        disposed = true;
        stopCapture();
        previewTrack.removeSink(preview);
        AudioSetup.dispose("preview track", previewTrack::dispose);
        for (MediaStreamTrack track : List.copyOf(sessionTracks)) {
            AudioSetup.dispose("leftover session track", track::dispose);
        }
        sessionTracks.clear();
        sessionAudio.clear();
        cameraSwitches.clear();
        AudioSetup.dispose("video source", () -> disposeSource(video.source()));
        if (cameraOff != video) {
            AudioSetup.dispose("camera-off source", () -> disposeSource(cameraOff.source()));
        }
        if (audio != null) {
            AudioSetup.dispose("audio source", () -> disposeSource(audio.source()));
        }
    }

    private static void disposeSource(Object source) {
        // Only the sources webrtc-java lets us construct have a dispose(); a factory-made audio source is freed
        // with its tracks.
        if (source instanceof CustomVideoSource s) {
            s.dispose();
        } else if (source instanceof VideoDeviceSource s) {
            s.dispose();
        } else if (source instanceof CustomAudioSource s) {
            s.dispose();
        }
    }
}
