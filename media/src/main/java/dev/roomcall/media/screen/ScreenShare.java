package dev.roomcall.media.screen;

import dev.roomcall.media.local.LocalMedia;
import dev.roomcall.media.local.TrackPlacement;
import dev.roomcall.media.render.FrameSource;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This side's screen share: at most one at a time, sent in every session as the local track
 * {@link LocalMedia#SCREEN}, either beside the camera (a second video track, for Roomcall peers) or in its place
 * (for a peer that shows one stream; the camera comes back when sharing stops, without renegotiating).
 * Thread-safe.
 */
public final class ScreenShare {
    private static final Logger LOG = LoggerFactory.getLogger(ScreenShare.class);

    /** The reason given when sharing stopped because {@link #stop()} was called. */
    public static final String STOPPED_BY_USER = "Sharing stopped.";

    /** Hears when sharing starts and stops; stop may be reported on the capture thread. */
    public interface Listener {
        void onShareStarted(ScreenSource source, int width, int height);

        /** @param reason a sentence for the person: {@link #STOPPED_BY_USER}, or why capture ended by itself */
        void onShareStopped(ScreenSource source, String reason);
    }

    private final LocalMedia media;
    private final ScreenSources sources;
    private final Listener listener;
    // Guarded by this.
    private ScreenCapture capture;

    public ScreenShare(LocalMedia media, ScreenSources sources, Listener listener) {
        this.media = Objects.requireNonNull(media, "media");
        this.sources = Objects.requireNonNull(sources, "sources");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** What can be shared now (see {@link ScreenSources#list()}). */
    public ScreenListing list() {
        return sources.list();
    }

    /**
     * Starts sharing {@code source} in every session (stopping a share that runs already).
     *
     * @throws ScreenCaptureException if the source cannot be captured; nothing is sent then
     */
    public void start(ScreenSource source, ShareSettings settings, TrackPlacement placement)
            throws ScreenCaptureException {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(placement, "placement");
        stop();
        ScreenCapture opened = sources.open(source, settings);
        synchronized (this) {
            // On failure local media has already stopped the capture through the input's stop.
            media.addVideoTrack(LocalMedia.SCREEN, new LocalMedia.Input<>(opened.source(), opened::close), placement);
            capture = opened;
        }
        opened.start(reason -> ended(opened, reason));
        int[] size = settings.sentSize(Math.max(2, source.width()), Math.max(2, source.height()));
        LOG.info("sharing {} at {}x{}", source.name(), size[0], size[1]);
        listener.onShareStarted(source, size[0], size[1]);
    }

    /** Stops the share, if any. @return false if nothing was shared */
    public boolean stop() {
        ScreenCapture stopping;
        synchronized (this) {
            stopping = capture;
            capture = null;
            if (stopping == null) {
                return false;
            }
            media.removeTrack(LocalMedia.SCREEN);
        }
        listener.onShareStopped(stopping.shared(), STOPPED_BY_USER);
        return true;
    }

    /** What is being sent, converted for display (the self-view while sharing); null while not sharing. */
    public FrameSource preview() {
        return media.preview(LocalMedia.SCREEN);
    }

    /** A small picture of {@code source} as it looks now, for a picker; empty where the platform has none. */
    public java.util.Optional<Thumbnail> thumbnail(ScreenSource source, int maxWidth, int maxHeight) {
        return sources.thumbnail(source, maxWidth, maxHeight);
    }

    /** The source shared now, if any. */
    public synchronized Optional<ScreenSource> current() {
        return capture == null ? Optional.empty() : Optional.of(capture.shared());
    }

    /** Frames captured and handed to the encoder in the current share; 0 when not sharing. */
    public synchronized long framesSent() {
        return capture == null ? 0 : capture.framesSent();
    }

    private void ended(ScreenCapture ended, String reason) {
        synchronized (this) {
            if (capture != ended) {
                return;
            }
            capture = null;
            media.removeTrack(LocalMedia.SCREEN);
        }
        listener.onShareStopped(ended.shared(), reason);
    }
}
