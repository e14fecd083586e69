package dev.roomcall.media;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.onvoid.webrtc.media.video.VideoDevice;
import dev.onvoid.webrtc.media.video.VideoDeviceSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Owns the process's one {@link PeerConnectionFactory}, the local media and every session made from them.
 *
 * <p>webrtc-java 0.14 never frees a closed peer connection, and a factory with connections still alive cannot be
 * freed either, so there is one engine per process at a time; {@link #close()} releases what can be released, in
 * the order libwebrtc needs, and a new engine may be started afterwards.
 */
public final class MediaEngine implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MediaEngine.class);
    private static MediaEngine open;

    private final MediaOptions options;
    private final AudioSetup audio;
    private final PeerConnectionFactory factory;
    private final LocalMedia localMedia;
    private final DeviceCatalog catalog;
    private volatile String microphoneId;
    private volatile String speakerId;
    private final List<MediaWarning> warnings = new CopyOnWriteArrayList<>();
    private final List<PeerSession> sessions = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService statsTimer;
    private final AtomicLong sessionIds = new AtomicLong();
    private boolean closed;

    /**
     * Creates the factory and opens local media. Never hangs on devices: every device query is bounded by
     * {@link MediaOptions#deviceTimeout()} and a missing camera or audio system becomes a {@link #warnings()} entry.
     *
     * @throws IllegalStateException if another engine is open in this process, or libwebrtc cannot start
     */
    public static MediaEngine start(MediaOptions options) {
        Objects.requireNonNull(options, "options");
        synchronized (MediaEngine.class) {
            if (open != null) {
                throw new IllegalStateException("a MediaEngine is already open in this process; close it first "
                        + "(libwebrtc allows one peer connection factory per process)");
            }
            open = new MediaEngine(options);
            return open;
        }
    }

    private MediaEngine(MediaOptions options) {
        this.options = options;
        WebRtcNatives.load();
        catalog = new DeviceCatalog(options.deviceTimeout());
        audio = AudioSetup.choose(options, catalog);
        audio.warning.ifPresent(this::warn);
        try {
            factory = audio.processing == null
                    ? new PeerConnectionFactory(audio.module)
                    : new PeerConnectionFactory(audio.module, audio.processing);
        } catch (RuntimeException | Error e) {
            audio.dispose();
            throw new IllegalStateException("cannot create the WebRTC peer connection factory", e);
        }
        audio.afterFactoryCreated();
        try {
            localMedia = LocalMediaOpener.open(factory, options, catalog, audio, this::warn);
        } catch (RuntimeException | Error e) {
            AudioSetup.dispose("peer connection factory", factory::dispose);
            audio.dispose();
            throw new IllegalStateException("cannot open local media", e);
        }
        statsTimer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "roomcall-stats");
            thread.setDaemon(true);
            return thread;
        });
        LOG.info("media engine started: camera {}, audio {}", localMedia.camera(),
                audio.headless ? "headless" : "system devices");
    }

    private void warn(MediaWarning warning) {
        LOG.warn("{}: {}", warning.code(), warning.message());
        warnings.add(warning);
    }

    public MediaOptions options() {
        return options;
    }

    public LocalMedia localMedia() {
        return localMedia;
    }

    /** What the engine worked around at start (no camera, no audio system, ...). */
    public List<MediaWarning> warnings() {
        return List.copyOf(warnings);
    }

    /**
     * A new call leg. The session sends this engine's local media once {@link PeerSession#start(boolean)} is called,
     * talks to the peer through {@code signaller} and reports to {@code listener}.
     */
    public synchronized PeerSession createSession(SessionConfig config, Signaller signaller, SessionListener listener) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(signaller, "signaller");
        Objects.requireNonNull(listener, "listener");
        if (closed) {
            throw new IllegalStateException("the media engine is closed");
        }
        String id = Long.toString(sessionIds.incrementAndGet());
        PeerSession session = new PeerSession(id, factory, localMedia, config, signaller, listener, statsTimer,
                sessions::remove);
        sessions.add(session);
        return session;
    }

    /** Lists cameras, microphones and speakers, bounded in time; still call it off a UI thread. */
    public DeviceCatalog devices() {
        return catalog;
    }

    /**
     * Sends and previews another camera from now on, in every session, without renegotiating. Slow (the camera
     * starts): call it off a UI thread.
     *
     * @param deviceId a {@link DeviceInfo#id()} from {@link #devices()}
     * @return empty on success, else why the previous camera (or slate) stays
     */
    public Optional<MediaWarning> selectCamera(String deviceId) {
        Objects.requireNonNull(deviceId, "deviceId");
        if (deviceId.equals(localMedia.cameraId())) {
            return Optional.empty();
        }
        Optional<VideoDevice> device = catalog.cameraDevices().orElse(List.of()).stream()
                .filter(d -> deviceId.equals(d.getDescriptor()))
                .findFirst();
        if (device.isEmpty()) {
            return Optional.of(new MediaWarning(MediaWarning.DEVICE_NOT_FOUND, "That camera is not connected any more."));
        }
        List<MediaWarning> failures = new ArrayList<>();
        Optional<LocalMedia.Input<VideoDeviceSource>> input =
                LocalMediaOpener.openCamera(device.get(), options, catalog, failures::add);
        if (input.isEmpty()) {
            return Optional.of(new MediaWarning(MediaWarning.DEVICE_SWITCH_FAILED,
                    "The camera \"" + device.get().getName() + "\" could not be started."));
        }
        synchronized (this) {
            if (closed) {
                input.get().stop().run();
                return Optional.of(new MediaWarning(MediaWarning.DEVICE_SWITCH_FAILED, "The call has ended."));
            }
            localMedia.replaceCamera(input.get(), CameraState.DEVICE, deviceId);
        }
        LOG.info("camera switched to {}", device.get().getName());
        return Optional.empty();
    }

    /**
     * Captures from another microphone from now on. Slow and may block on the audio system: call it off a UI thread.
     *
     * @return empty on success, else why the previous microphone stays
     */
    public Optional<MediaWarning> selectMicrophone(String deviceId) {
        Optional<MediaWarning> problem = audioSwitch("microphone", deviceId, true);
        if (problem.isEmpty()) {
            microphoneId = deviceId;
        }
        return problem;
    }

    /** Plays the other side through another output device from now on; like {@link #selectMicrophone}. */
    public Optional<MediaWarning> selectSpeaker(String deviceId) {
        Optional<MediaWarning> problem = audioSwitch("speaker", deviceId, false);
        if (problem.isEmpty()) {
            speakerId = deviceId;
        }
        return problem;
    }

    /** The microphone chosen with {@link #selectMicrophone}, or null for the system default. */
    public String microphoneId() {
        return microphoneId;
    }

    /** The speaker chosen with {@link #selectSpeaker}, or null for the system default. */
    public String speakerId() {
        return speakerId;
    }

    private Optional<MediaWarning> audioSwitch(String what, String deviceId, boolean capture) {
        Objects.requireNonNull(deviceId, "deviceId");
        if (audio.headless) {
            return Optional.of(new MediaWarning(MediaWarning.DEVICE_SWITCH_FAILED,
                    "No sound devices are in use (synthetic or no audio), so there is no " + what + " to switch."));
        }
        boolean inCall;
        synchronized (this) {
            if (closed) {
                return Optional.of(new MediaWarning(MediaWarning.DEVICE_SWITCH_FAILED, "The call has ended."));
            }
            inCall = !sessions.isEmpty();
        }
        Optional<Optional<MediaWarning>> outcome = TimedCall.call("select-" + what, options.deviceTimeout(),
                () -> AudioSwitch.apply(audio.module, deviceId, capture, inCall));
        return outcome.orElse(Optional.of(new MediaWarning(MediaWarning.DEVICE_SWITCH_FAILED,
                "The audio system did not answer; the " + what + " stays as it was.")));
    }

    /** False once {@link #close()} has begun. */
    public synchronized boolean isOpen() {
        return !closed;
    }

    PeerConnectionFactory factory() {
        return factory;
    }

    /** Sessions not yet closed. */
    public List<PeerSession> sessions() {
        return List.copyOf(sessions);
    }

    /**
     * Stops capture, closes every session, disposes tracks and sources, then the factory and the audio module.
     * Idempotent. Afterwards no object obtained from this engine may be used.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        localMedia.stopCapture();
        for (PeerSession session : new ArrayList<>(sessions)) {
            session.close();
        }
        statsTimer.shutdownNow();
        localMedia.dispose();
        AudioSetup.dispose("peer connection factory", factory::dispose);
        audio.dispose();
        synchronized (MediaEngine.class) {
            if (open == this) {
                open = null;
            }
        }
        LOG.info("media engine closed");
    }
}
