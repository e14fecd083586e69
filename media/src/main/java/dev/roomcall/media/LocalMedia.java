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
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This side's camera and microphone (real, synthetic, or the "camera off" slate), shared by every session of the
 * engine. Obtained from {@link MediaEngine#localMedia()}; closed by the engine. Thread-safe.
 */
public final class LocalMedia {

    /** A capture source plus how to stop it (pumps and devices must stop before anything is disposed). */
    record Input<S>(S source, Runnable stop) {}

    /** How local media reaches into one session's senders; every change is carried out on the session's thread. */
    interface TrackSwitches {
        /** Send the picture (true) or the "camera off" slate (false). */
        void cameraEnabled(boolean enabled);

        /**
         * Another camera was chosen: send {@code replaced.video()} from now on (if the camera is on), then run
         * {@code afterwards}, which releases the old track. {@code afterwards} must run exactly once, even if the
         * session is closing.
         */
        void cameraReplaced(LocalTracks replaced, Runnable afterwards);
    }

    /** One session's tracks as they are now, and how to reach its senders. */
    private static final class SessionEntry {
        LocalTracks tracks;
        final TrackSwitches switches;

        SessionEntry(LocalTracks tracks, TrackSwitches switches) {
            this.tracks = tracks;
            this.switches = switches;
        }
    }

    private final PeerConnectionFactory factory;
    private final Input<? extends VideoTrackSource> cameraOff;
    private final Input<? extends AudioTrackSource> audio;
    private final boolean headlessAudio;
    private final ConvertingFrameSink preview = new ConvertingFrameSink("preview");
    private final List<MediaStreamTrack> sessionTracks = new ArrayList<>();
    private final List<AudioTrack> sessionAudio = new ArrayList<>();
    private final Map<String, SessionEntry> sessions = new HashMap<>();
    private final AtomicLong trackIds = new AtomicLong();
    // Guarded by this: another camera can be chosen during a call.
    private Input<? extends VideoTrackSource> video;
    private VideoTrack previewTrack;
    private volatile CameraState camera;
    private volatile String cameraId;
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
               CameraState camera, String cameraId, boolean headlessAudio) {
        this.factory = factory;
        this.video = video;
        this.cameraOff = cameraOff;
        this.audio = audio;
        this.camera = camera;
        this.cameraId = cameraId;
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

    /** The {@link DeviceInfo#id()} of the camera in use, or null for the test pattern or the slate. */
    public String cameraId() {
        return cameraId;
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
        List<TrackSwitches> switches = new ArrayList<>();
        synchronized (this) {
            if (cameraEnabled == enabled) {
                return;
            }
            cameraEnabled = enabled;
            for (SessionEntry entry : sessions.values()) {
                entry.tracks = entry.tracks.withCameraEnabled(enabled);
                switches.add(entry.switches);
            }
        }
        switches.forEach(s -> s.cameraEnabled(enabled));
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
     * New tracks for one session. {@code switches} hears every later camera change (on the caller's thread of
     * {@link #setCameraEnabled} or {@link #replaceCamera}) until {@link #releaseTracks}.
     */
    synchronized LocalTracks createTracks(String sessionId, TrackSwitches switches) {
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
        sessions.put(sessionId, new SessionEntry(tracks, switches));
        return tracks;
    }

    /**
     * Sends and previews {@code replacement} from now on, in every session, without renegotiating. The old input
     * is stopped and disposed once every session has moved off it (unless it is the slate, which stays).
     */
    void replaceCamera(Input<? extends VideoTrackSource> replacement, CameraState state, String id) {
        Input<? extends VideoTrackSource> old;
        VideoTrack oldPreview;
        List<VideoTrack> oldTracks = new ArrayList<>();
        Map<TrackSwitches, LocalTracks> moves = new IdentityHashMap<>();
        synchronized (this) {
            if (stopped) {
                replacement.stop().run();
                throw new IllegalStateException("local media is closed");
            }
            old = video;
            video = replacement;
            camera = state;
            cameraId = id;
            oldPreview = previewTrack;
            previewTrack = factory.createVideoTrack("roomcall-preview-" + trackIds.incrementAndGet(), replacement.source());
            previewTrack.addSink(preview);
            oldPreview.removeSink(preview);
            for (Map.Entry<String, SessionEntry> e : sessions.entrySet()) {
                SessionEntry entry = e.getValue();
                VideoTrack fresh = factory.createVideoTrack(
                        "roomcall-video-" + e.getKey() + "-" + trackIds.incrementAndGet(), replacement.source());
                sessionTracks.add(fresh);
                oldTracks.add(entry.tracks.video());
                entry.tracks = entry.tracks.withVideo(fresh);
                moves.put(entry.switches, entry.tracks);
            }
        }
        // Each session swaps on its own thread; the old input may only go once all of them have moved off it.
        AtomicInteger pending = new AtomicInteger(moves.size() + 1);
        Runnable oneDone = () -> {
            if (pending.decrementAndGet() == 0) {
                retire(old, oldTracks, oldPreview);
            }
        };
        moves.forEach((switches, replaced) -> switches.cameraReplaced(replaced, oneDone));
        oneDone.run();
    }

    private void retire(Input<? extends VideoTrackSource> old, List<VideoTrack> oldTracks, VideoTrack oldPreview) {
        synchronized (this) {
            for (VideoTrack track : oldTracks) {
                disposeTrack(track, "replaced camera track");
            }
            AudioSetup.dispose("replaced preview track", oldPreview::dispose);
            if (old == cameraOff || disposed) {
                return;
            }
        }
        old.stop().run();
        AudioSetup.dispose("replaced video source", () -> disposeSource(old.source()));
    }

    /** Disposes a session's tracks; call only after that session's peer connection is closed. */
    synchronized void releaseTracks(String sessionId) {
        SessionEntry entry = sessions.remove(sessionId);
        if (entry == null) {
            return;
        }
        LocalTracks tracks = entry.tracks;
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
        sessions.clear();
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
