package dev.roomcall.media;

import dev.onvoid.webrtc.PeerConnectionFactory;
import dev.roomcall.media.local.AudioSetup;
import dev.roomcall.media.local.DeviceCatalog;
import dev.roomcall.media.local.DeviceChoice;
import dev.roomcall.media.local.DeviceInfo;
import dev.roomcall.media.local.LocalMedia;
import dev.roomcall.media.local.LocalMediaOpener;
import dev.roomcall.media.session.PeerSession;
import dev.roomcall.media.session.SessionListener;
import dev.roomcall.media.session.Signaller;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(5);
    private static MediaEngine open;

    private final MediaOptions options;
    private final AudioSetup audio;
    private final PeerConnectionFactory factory;
    private final LocalMedia localMedia;
    private final DeviceCatalog catalog;
    private final DeviceChoice choice;
    private final List<MediaWarning> warnings = new CopyOnWriteArrayList<>();
    private final List<PeerSession> sessions = new CopyOnWriteArrayList<>();
    /** Triggers periodic session work and step time-outs for every session; the work runs on each call's executor. */
    private final ScheduledExecutorService timer;
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
            LocalMediaOpener.Opened opened = LocalMediaOpener.open(factory, options, catalog, audio, this::warn);
            localMedia = opened.media();
            choice = new DeviceChoice(localMedia, catalog, audio, options, opened.cameraId(),
                    () -> sessions.stream().anyMatch(PeerSession::started));
        } catch (RuntimeException | Error e) {
            WebRtcNatives.dispose("peer connection factory", factory::dispose);
            audio.dispose();
            throw new IllegalStateException("cannot open local media", e);
        }
        timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "roomcall-media-timer");
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
     * A new call leg with one peer. The session sends every local track once {@link PeerSession#start(boolean)} is
     * called, talks to the peer through {@code signaller} and reports to {@code listener}. A call with several peers
     * holds one session per peer, all on the same {@code executor}.
     *
     * @param executor the call's one serial executor: every peer-connection call of the session and every
     *                 listener and signaller callback runs on it. It must queue tasks and run them one at a time,
     *                 in order (a single-thread executor), never on the thread that hands them over.
     */
    public synchronized PeerSession createSession(SessionConfig config, Executor executor, Signaller signaller,
                                                  SessionListener listener) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(executor, "executor");
        Objects.requireNonNull(signaller, "signaller");
        Objects.requireNonNull(listener, "listener");
        if (closed) {
            throw new IllegalStateException("the media engine is closed");
        }
        String id = Long.toString(sessionIds.incrementAndGet());
        PeerSession session = new PeerSession(id, factory, localMedia, config, executor, signaller, listener, timer,
                sessions::remove);
        sessions.add(session);
        return session;
    }

    /** Lists cameras, microphones and speakers, bounded in time; still call it off a UI thread. */
    public DeviceCatalog devices() {
        return catalog;
    }

    /**
     * Uses another camera, microphone or speaker from now on, in every session, without renegotiating. Slow (a
     * camera starts, the audio system may block): call it off a UI thread and off a call's executor.
     *
     * @param deviceId a {@link DeviceInfo#id()} from {@link #devices()}
     * @return empty on success, else why the previous device (or slate) stays
     */
    public Optional<MediaWarning> select(DeviceKind kind, String deviceId) {
        return choice.select(kind, deviceId);
    }

    /** The device chosen with {@link #select} (or opened at start), empty for the system default. */
    public Optional<String> selected(DeviceKind kind) {
        return choice.selected(kind);
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
     * Idempotent. Afterwards no object obtained from this engine may be used. Call it off every call executor: it
     * waits (at most 5 s) for each session's teardown, which runs on that session's executor.
     */
    @Override
    public void close() {
        List<PeerSession> open;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            open = new ArrayList<>(sessions);
        }
        // Waiting happens outside the engine's lock, so a call executor may still ask it something meanwhile.
        choice.close();
        localMedia.stopCapture();
        List<CompletableFuture<Void>> teardowns = new ArrayList<>();
        for (PeerSession session : open) {
            session.close();
            teardowns.add(session.whenClosed().toCompletableFuture());
        }
        boolean tornDown = awaitTeardowns(teardowns);
        timer.shutdownNow();
        if (tornDown) {
            localMedia.dispose();
            WebRtcNatives.dispose("peer connection factory", factory::dispose);
            audio.dispose();
            LOG.info("media engine closed");
        } else {
            // Freeing the factory under a peer connection that is still open would crash the process: leave both.
            LOG.warn("a session did not finish closing within {} ms; the peer connection factory is left to the "
                    + "process", CLOSE_TIMEOUT.toMillis());
        }
        synchronized (MediaEngine.class) {
            if (MediaEngine.open == this) {
                MediaEngine.open = null;
            }
        }
    }

    /**
     * Waits for each session's teardown, which runs on that session's call executor: call {@link #close()} from
     * outside every call executor, else a session's teardown waits behind the caller until the time-out.
     */
    private static boolean awaitTeardowns(List<CompletableFuture<Void>> teardowns) {
        try {
            CompletableFuture.allOf(teardowns.toArray(CompletableFuture[]::new))
                    .get(CLOSE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException | ExecutionException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
