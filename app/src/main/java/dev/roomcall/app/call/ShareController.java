package dev.roomcall.app.call;

import dev.roomcall.media.local.LocalMedia;
import dev.roomcall.media.local.TrackPlacement;
import dev.roomcall.media.screen.ScreenCaptureException;
import dev.roomcall.media.screen.ScreenListing;
import dev.roomcall.media.screen.ScreenShare;
import dev.roomcall.media.screen.ScreenSource;
import dev.roomcall.media.screen.ScreenSources;
import dev.roomcall.media.screen.ShareSettings;
import dev.roomcall.media.screen.Thumbnail;
import dev.roomcall.media.render.FrameSource;
import dev.roomcall.signaling.SignalMessage;
import java.util.HashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A call's screen share: starts and stops sharing a screen or window with everyone in the call, decides where the
 * screen goes ({@link SharePlacement}, from what the signaling says about the room) and turns what happens into
 * {@link CallEvent}s. A share that ends by itself (the window closed, the screen changed) is reported with its
 * reason; the call goes on. The call owns one and stops it when the call ends, since the outgoing tracks belong to
 * the engine and outlive the call.
 *
 * <p>Commands may come from any thread and run on the call's thread; so do the signaling observations and the
 * capture's own stop report.
 */
public final class ShareController implements ShareControls {

    private static final Logger log = LoggerFactory.getLogger(ShareController.class);

    private final ScreenShare screen;
    private final CallSide call;
    /** True while this thread is in one of this controller's steps, so the share's reports need no hop. */
    private final ThreadLocal<Boolean> inStep = ThreadLocal.withInitial(() -> false);
    private volatile ShareSettings settings = ShareSettings.DEFAULT;
    private volatile ScreenSource shared;

    // Only on the call's thread.
    private boolean roomcallServer;
    private final Set<String> demoPeers = new HashSet<>();
    private TrackPlacement placement;
    private boolean replacing;

    /**
     * @param onCallThread runs a step on the call's thread (dropped once the call ended)
     * @param emit         reports an event; called on the call's thread
     */
    ShareController(LocalMedia media, ScreenSources sources, Consumer<Runnable> onCallThread, Consumer<CallEvent> emit) {
        this.call = new CallSide(Objects.requireNonNull(onCallThread, "onCallThread"), Objects.requireNonNull(emit, "emit"));
        this.screen = new ScreenShare(media, sources, new Reports());
    }

    @Override
    public ScreenListing list() {
        return screen.list();
    }

    @Override
    public Optional<Thumbnail> thumbnail(ScreenSource source, int maxWidth, int maxHeight) {
        return screen.thumbnail(source, maxWidth, maxHeight);
    }

    @Override
    public FrameSource preview() {
        return screen.preview();
    }

    /** The capture size cap, frame rate and bit rate of shares started from now on. */
    public void configure(ShareSettings next) {
        settings = Objects.requireNonNull(next, "settings");
    }

    public ShareSettings settings() {
        return settings;
    }

    /**
     * Shares {@code source} with everyone in the call (instead of what is shared now). If it cannot be captured,
     * the call reports an {@code share-failed} error and nothing is sent.
     */
    @Override
    public void start(ScreenSource source) {
        Objects.requireNonNull(source, "source");
        call.run(() -> step(() -> begin(source)));
    }

    @Override
    public void stop() {
        call.run(() -> step(screen::stop));
    }

    @Override
    public Optional<ScreenSource> current() {
        return Optional.ofNullable(shared);
    }

    /** Where the screen goes for the people in the call as the room stands now; on the call's thread. */
    TrackPlacement placement() {
        return SharePlacement.decide(roomcallServer, !demoPeers.isEmpty());
    }

    /** Frames captured and sent in the current share; 0 while not sharing. */
    long framesSent() {
        return screen.framesSent();
    }

    /** Follows who is in the room, which decides the placement; on the call's thread, for every signal. */
    void observe(SignalMessage message) {
        if (message instanceof SignalMessage.Joined joined) {
            roomcallServer = true;
            demoPeers.clear();
            joined.members().stream().filter(SignalMessage.Peer::demo).forEach(p -> demoPeers.add(p.id()));
        } else if (message instanceof SignalMessage.PeerJoined joined && joined.demo()) {
            demoPeers.add(joined.peer() == null ? "" : joined.peer());
        } else if (message instanceof SignalMessage.PeerLeft left) {
            if (left.peer() == null) {
                demoPeers.clear();
            } else {
                demoPeers.remove(left.peer());
            }
        } else {
            return;
        }
        step(this::followPlacement);
    }

    /** The call ends: the share stops (reported before the call's end). On the call's thread. */
    void close() {
        step(screen::stop);
    }

    private void begin(ScreenSource source) {
        screen.stop();
        TrackPlacement where = placement();
        try {
            placement = where;
            screen.start(source, settings, where);
        } catch (ScreenCaptureException | RuntimeException e) {
            placement = null;
            shared = null;
            log.warn("event=share-failed source={} reason={}", source.name(), e.getMessage());
            call.emit(new CallEvent.Error("share-failed", "Cannot share " + source.name() + ": " + e.getMessage()));
        }
    }

    /** Someone arrived who needs the screen elsewhere (a demo page, or the first roomcall.v1 peer after one). */
    private void followPlacement() {
        ScreenSource now = shared;
        TrackPlacement wanted = placement();
        if (now == null || placement == null || placement == wanted) {
            return;
        }
        log.info("event=share-placement from={} to={}", placement, wanted);
        replacing = true;
        try {
            placement = wanted;
            screen.start(now, settings, wanted);
        } catch (ScreenCaptureException | RuntimeException e) {
            placement = null;
            shared = null;
            call.emit(new CallEvent.ShareStopped(e.getMessage()));
        } finally {
            replacing = false;
        }
    }

    private void step(Runnable action) {
        boolean outer = !inStep.get();
        inStep.set(true);
        try {
            action.run();
        } finally {
            if (outer) {
                inStep.set(false);
            }
        }
    }

    /** What the controller needs from its call. */
    private record CallSide(Consumer<Runnable> onCallThread, Consumer<CallEvent> events) {
        void run(Runnable step) {
            onCallThread.accept(step);
        }

        void emit(CallEvent event) {
            events.accept(event);
        }
    }

    /** The share's reports: on the call's thread inside a step, else from the capture thread (hopped over). */
    private final class Reports implements ScreenShare.Listener {
        @Override
        public void onShareStarted(ScreenSource source, int width, int height) {
            shared = source;
            if (!replacing) {
                call.emit(new CallEvent.ShareStarted(source.name(), source.kind() == ScreenSource.Kind.WINDOW,
                        width, height));
            }
        }

        @Override
        public void onShareStopped(ScreenSource source, String reason) {
            if (inStep.get()) {
                stopped(source, reason);
            } else {
                call.run(() -> step(() -> stopped(source, reason)));
            }
        }

        private void stopped(ScreenSource source, String reason) {
            if (replacing) {
                return;
            }
            if (shared == source) {
                shared = null;
                placement = null;
            }
            log.info("event=share-stopped source={} reason={}", source.name(), reason);
            call.emit(new CallEvent.ShareStopped(reason));
        }
    }
}
