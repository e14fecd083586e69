package dev.roomcall.app.call;

import dev.roomcall.media.screen.ScreenListing;
import dev.roomcall.media.screen.ScreenSource;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code --share} for one call, headless or in the window: the source is found before the call starts (so a missing
 * window is said at once, never a silent camera call), and sharing starts the first time the call connects.
 */
public final class ShareOnConnect {

    /** Nothing on this desktop fits the request; the message says what was asked and why it cannot be had. */
    public static final class Unavailable extends Exception {
        private final transient ShareRequest request;
        private final String notice;

        Unavailable(ShareRequest request, ScreenListing listing) {
            super(request.notFound(listing));
            this.request = request;
            this.notice = listing.notice().orElse(null);
        }

        /** What was asked for. */
        public ShareRequest request() {
            return request;
        }

        /** The listing's own sentence about what is out of reach (a Wayland session, no display), if any. */
        public Optional<String> notice() {
            return Optional.ofNullable(notice);
        }
    }

    private final ScreenSource source;
    private ShareControls controls;
    private boolean connected;
    private boolean started;

    private ShareOnConnect(ScreenSource source) {
        this.source = source;
    }

    /**
     * The source {@code request} means in {@code listing}.
     *
     * @throws Unavailable if there is none
     */
    public static ShareOnConnect resolve(ShareRequest request, ScreenListing listing) throws Unavailable {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(listing, "listing");
        return new ShareOnConnect(request.pick(listing).orElseThrow(() -> new Unavailable(request, listing)));
    }

    public ScreenSource source() {
        return source;
    }

    /** The call's share to start, once the call exists. */
    public synchronized void attach(ShareControls share) {
        controls = Objects.requireNonNull(share, "share");
        startIfReady();
    }

    /**
     * Follows the call's events (on any one thread); the first {@link CallEvent.Connected} starts the share, or the
     * move to the media server: in a room on Janus there is no connection per person, so moving there is being
     * connected.
     */
    public synchronized void onEvent(CallEvent event) {
        if (event instanceof CallEvent.Connected || event instanceof CallEvent.MovedToSfu) {
            connected = true;
            startIfReady();
        }
    }

    private void startIfReady() {
        if (controls != null && connected && !started) {
            started = true;
            controls.start(source);
        }
    }
}
