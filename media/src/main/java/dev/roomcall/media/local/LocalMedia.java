package dev.roomcall.media.local;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.MediaStreamTrack;
import dev.onvoid.webrtc.media.audio.AudioTrackSource;
import dev.onvoid.webrtc.media.video.VideoTrack;
import dev.onvoid.webrtc.media.video.VideoTrackSource;
import dev.roomcall.media.CameraState;
import dev.roomcall.media.WebRtcNatives;
import dev.roomcall.media.render.FrameSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * This side's outgoing media, shared by every session of the engine: a set of local tracks, each under a key
 * ({@link #MICROPHONE}, {@link #CAMERA}, and any video added with {@link #addVideoTrack}). Every attached session
 * sends each of them on its own libwebrtc track, so that closing one call cannot end another's media; a track added
 * or removed here is added to or removed from every session. Thread-safe.
 */
public final class LocalMedia {
    /** The key of the microphone (or synthetic tone) track. */
    public static final String MICROPHONE = "microphone";
    /** The key of the camera track: the camera, the test pattern, or the "camera off" slate. */
    public static final String CAMERA = "camera";
    /** The key of a shared screen or window. */
    public static final String SCREEN = "screen";

    /** A capture source plus how to stop it (pumps and devices must stop before anything is disposed). */
    public record Input<S>(S source, Runnable stop) {}

    /** A track a session starts sending when it attaches. */
    public record Outgoing(String key, MediaStreamTrack track) {}

    /**
     * One session's senders as local media drives them. Both methods only hand the work to the session's executor;
     * the session carries them out in the order they were called.
     */
    public interface Senders {
        /**
         * Sends {@code track} under {@code key} from now on: on the key's sender if there is one (no renegotiation),
         * else on a new sender. Then runs {@code afterwards} exactly once, also when the session is closing.
         */
        void send(String key, MediaStreamTrack track, Runnable afterwards);

        /** Stops sending {@code key}; then runs {@code afterwards} exactly once. */
        void stop(String key, Runnable afterwards);
    }

    private static final Runnable NOTHING = () -> { };

    private final PeerConnectionFactory factory;
    private final Input<? extends VideoTrackSource> cameraOff;
    private final Input<? extends AudioTrackSource> audio;
    private final boolean headlessAudio;
    /** The camera's picture for the self-view; guarded by this. */
    private final LocalPreview preview = new LocalPreview("preview", this::followWatchers);
    private final Map<String, SessionTracks> sessions = new LinkedHashMap<>();
    private final Map<String, Input<? extends VideoTrackSource>> addedInputs = new LinkedHashMap<>();
    /** Guarded by this. */
    private final AddedPreviews addedPreviews = new AddedPreviews(this::followWatchers);
    /** The key of the added track sent on the camera's sender, or null; guarded by this. */
    private String insteadOfCamera;
    private final AtomicLong trackIds = new AtomicLong();
    // Guarded by this: another camera can be chosen during a call.
    private Input<? extends VideoTrackSource> video;
    private volatile CameraState camera;
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
        preview.show(factory.createVideoTrack("roomcall-preview", video.source()));
    }

    /** What the camera (or test pattern, or slate) shows, converted while watched; unaffected by switching off. */
    public FrameSource preview() {
        return preview.frames();
    }

    /**
     * What a track added with {@link #addVideoTrack} shows, converted for display while watched (this side's view
     * of what it sends, e.g. a shared screen); null while no track has this key.
     */
    public synchronized FrameSource preview(String key) {
        return addedPreviews.get(key);
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

    /** While false every session sends the "camera off" slate instead of the picture (no renegotiation). */
    public synchronized void setCameraEnabled(boolean enabled) {
        if (cameraEnabled == enabled) {
            return;
        }
        cameraEnabled = enabled;
        if (insteadOfCamera != null) {
            return;
        }
        for (SessionTracks session : sessions.values()) {
            session.senders.send(CAMERA, enabled ? session.camera : session.cameraOff, NOTHING);
        }
    }

    public synchronized boolean cameraEnabled() {
        return cameraEnabled;
    }

    /** While false every session sends silence instead of the microphone. */
    public synchronized void setMicrophoneEnabled(boolean enabled) {
        microphoneEnabled = enabled;
        for (SessionTracks session : sessions.values()) {
            if (session.audio != null) {
                session.audio.setEnabled(enabled);
            }
        }
    }

    public synchronized boolean microphoneEnabled() {
        return microphoneEnabled;
    }

    /**
     * Sends another video track in every session from now on (each session renegotiates), and in every session
     * attached later, until {@link #removeTrack}. For outgoing video beside the camera, such as a shared screen.
     *
     * @throws IllegalArgumentException if a track with this key is sent already
     */
    public void addVideoTrack(String key, Input<? extends VideoTrackSource> input) {
        addVideoTrack(key, input, TrackPlacement.BESIDE_CAMERA);
    }

    /**
     * Sends another video track in every session, now and in sessions attached later, until {@link #removeTrack}:
     * beside the camera, or in its place.
     *
     * @throws IllegalArgumentException if a track with this key is sent already, or another one replaces the camera
     */
    public synchronized void addVideoTrack(String key, Input<? extends VideoTrackSource> input, TrackPlacement placement) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(placement, "placement");
        Objects.requireNonNull(input, "input");
        if (stopped) {
            input.stop().run();
            throw new IllegalStateException("local media is closed");
        }
        if (key.equals(CAMERA) || key.equals(MICROPHONE) || addedInputs.containsKey(key)) {
            input.stop().run();
            throw new IllegalArgumentException("a local track '" + key + "' is sent already");
        }
        if (placement == TrackPlacement.INSTEAD_OF_CAMERA && insteadOfCamera != null) {
            input.stop().run();
            throw new IllegalArgumentException("'" + insteadOfCamera + "' is sent instead of the camera already");
        }
        addedInputs.put(key, input);
        addedPreviews.add(factory, key, "roomcall-" + key + "-preview-" + trackIds.incrementAndGet(), input.source());
        if (placement == TrackPlacement.INSTEAD_OF_CAMERA) {
            insteadOfCamera = key;
        }
        sessions.forEach((sessionId, session) -> {
            VideoTrack track = newVideoTrack(key, sessionId, input);
            session.added.put(key, track);
            session.senders.send(placement == TrackPlacement.INSTEAD_OF_CAMERA ? CAMERA : key, track, NOTHING);
        });
    }

    /**
     * Stops sending a track added with {@link #addVideoTrack} in every session, then stops its input once every
     * session has let go of it.
     *
     * @return false if no such track was added
     */
    public boolean removeTrack(String key) {
        Input<? extends VideoTrackSource> input;
        List<VideoTrack> tracks = new ArrayList<>();
        AtomicInteger pending;
        Runnable oneDone;
        synchronized (this) {
            input = addedInputs.remove(key);
            if (input == null) {
                return false;
            }
            VideoTrack preview = addedPreviews.remove(key);
            if (preview != null) {
                tracks.add(preview);
            }
            pending = new AtomicInteger(sessions.size() + 1);
            oneDone = () -> {
                if (pending.decrementAndGet() == 0) {
                    retire(input, tracks, null);
                }
            };
            boolean onCameraSender = key.equals(insteadOfCamera);
            if (onCameraSender) {
                insteadOfCamera = null;
            }
            for (SessionTracks session : sessions.values()) {
                tracks.add(session.added.remove(key));
                if (onCameraSender) {
                    session.senders.send(CAMERA, cameraEnabled ? session.camera : session.cameraOff, oneDone);
                } else {
                    session.senders.stop(key, oneDone);
                }
            }
        }
        oneDone.run();
        return true;
    }

    /**
     * Creates this session's copies of every local track and remembers {@code senders} for every later change,
     * until {@link #detach}.
     *
     * @return what the session sends from the start, microphone first
     */
    public synchronized List<Outgoing> attach(String sessionId, Senders senders) {
        if (stopped) {
            throw new IllegalStateException("local media is closed");
        }
        if (sessions.containsKey(sessionId)) {
            throw new IllegalStateException("session " + sessionId + " is attached already");
        }
        SessionTracks session = new SessionTracks(senders);
        List<Outgoing> outgoing = new ArrayList<>();
        if (audio != null) {
            session.audio = factory.createAudioTrack("roomcall-audio-" + sessionId + "-" + trackIds.incrementAndGet(),
                    audio.source());
            session.audio.setEnabled(microphoneEnabled);
            outgoing.add(new Outgoing(MICROPHONE, session.audio));
        }
        session.camera = newVideoTrack(CAMERA, sessionId, video);
        session.cameraOff = newVideoTrack("camera-off", sessionId, cameraOff);
        addedInputs.forEach((key, input) -> session.added.put(key, newVideoTrack(key, sessionId, input)));
        outgoing.add(new Outgoing(CAMERA, insteadOfCamera != null ? session.added.get(insteadOfCamera)
                : cameraEnabled ? session.camera : session.cameraOff));
        session.added.forEach((key, track) -> {
            if (!key.equals(insteadOfCamera)) {
                outgoing.add(new Outgoing(key, track));
            }
        });
        sessions.put(sessionId, session);
        return outgoing;
    }

    /** Disposes a session's tracks; call only after that session's peer connection is closed. */
    public synchronized void detach(String sessionId) {
        SessionTracks session = sessions.remove(sessionId);
        if (session == null || disposed) {
            return;
        }
        session.dispose();
    }

    /**
     * Sends and previews {@code replacement} as the camera from now on, in every session, without renegotiating.
     * The old input is stopped and disposed once every session has moved off it (unless it is the slate, which
     * stays).
     */
    void replaceCamera(Input<? extends VideoTrackSource> replacement, CameraState state) {
        Input<? extends VideoTrackSource> old;
        VideoTrack oldPreview;
        List<VideoTrack> oldTracks = new ArrayList<>();
        AtomicInteger pending;
        Runnable oneDone;
        synchronized (this) {
            if (stopped) {
                replacement.stop().run();
                throw new IllegalStateException("local media is closed");
            }
            old = video;
            video = replacement;
            camera = state;
            oldPreview = preview.show(
                    factory.createVideoTrack("roomcall-preview-" + trackIds.incrementAndGet(), replacement.source()));
            // Each session swaps on its own executor; the old input may only go once all of them have moved off it.
            pending = new AtomicInteger(sessions.size() + 1);
            oneDone = () -> {
                if (pending.decrementAndGet() == 0) {
                    retire(old, oldTracks, oldPreview);
                }
            };
            sessions.forEach((sessionId, session) -> {
                oldTracks.add(session.camera);
                session.camera = newVideoTrack(CAMERA, sessionId, replacement);
                if (insteadOfCamera == null) {
                    session.senders.send(CAMERA, cameraEnabled ? session.camera : session.cameraOff, oneDone);
                } else {
                    oneDone.run();
                }
            });
        }
        oneDone.run();
    }

    private VideoTrack newVideoTrack(String key, String sessionId, Input<? extends VideoTrackSource> input) {
        return factory.createVideoTrack("roomcall-" + key + "-" + sessionId + "-" + trackIds.incrementAndGet(),
                input.source());
    }

    private void retire(Input<? extends VideoTrackSource> old, List<VideoTrack> oldTracks, VideoTrack oldPreview) {
        synchronized (this) {
            if (disposed) {
                return;
            }
            for (VideoTrack track : oldTracks) {
                WebRtcNatives.dispose("retired video track", track::dispose);
            }
            if (oldPreview != null) {
                WebRtcNatives.dispose("replaced preview track", oldPreview::dispose);
            }
            if (old == cameraOff) {
                return;
            }
        }
        old.stop().run();
        WebRtcNatives.dispose("retired video source", () -> CaptureSources.dispose(old.source()));
    }

    /** A preview's watchers changed: each preview's sink is fed while it is watched, and only then. */
    private synchronized void followWatchers() {
        preview.follow();
        addedPreviews.followWatchers();
    }

    /** First step of shutdown: no more frames or samples are produced. */
    public synchronized void stopCapture() {
        if (stopped) {
            return;
        }
        stopped = true;
        video.stop().run();
        if (cameraOff != video) {
            cameraOff.stop().run();
        }
        addedInputs.values().forEach(input -> input.stop().run());
        if (audio != null) {
            audio.stop().run();
        }
    }

    /** Last step before the factory goes: after every session is closed. */
    public synchronized void dispose() {
        if (disposed) {
            return;
        }
        stopCapture();
        for (String sessionId : List.copyOf(sessions.keySet())) {
            detach(sessionId);
        }
        disposed = true;
        WebRtcNatives.dispose("preview track", preview.show(null)::dispose);
        WebRtcNatives.dispose("video source", () -> CaptureSources.dispose(video.source()));
        if (cameraOff != video) {
            WebRtcNatives.dispose("camera-off source", () -> CaptureSources.dispose(cameraOff.source()));
        }
        addedPreviews.disposeAll();
        for (Input<? extends VideoTrackSource> input : addedInputs.values()) {
            WebRtcNatives.dispose("added video source", () -> CaptureSources.dispose(input.source()));
        }
        addedInputs.clear();
        if (audio != null) {
            WebRtcNatives.dispose("audio source", () -> CaptureSources.dispose(audio.source()));
        }
    }
}
