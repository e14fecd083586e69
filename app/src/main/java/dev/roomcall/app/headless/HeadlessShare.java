package dev.roomcall.app.headless;

import dev.roomcall.app.call.CallController;
import dev.roomcall.app.call.CallEvent;
import dev.roomcall.app.call.ShareRequest;
import dev.roomcall.media.screen.ScreenListing;
import dev.roomcall.media.screen.ScreenSource;
import dev.roomcall.media.screen.ScreenSources;

/**
 * {@code --share} in a headless run: the source is found before anything connects (so a missing window is an error
 * and exit code 2, never a silent camera call), and sharing starts once the call first connects.
 */
final class HeadlessShare {

    /** Nothing on this desktop fits the request; the message says what was asked and why it cannot be had. */
    static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message);
        }
    }

    private final ScreenSource source;
    private CallController call;
    private boolean connected;
    private boolean started;

    private HeadlessShare(ScreenSource source) {
        this.source = source;
    }

    static HeadlessShare resolve(ShareRequest request, ScreenSources sources) throws Unavailable {
        ScreenListing listing = sources.list();
        return new HeadlessShare(request.pick(listing).orElseThrow(() -> new Unavailable(request.notFound(listing))));
    }

    ScreenSource source() {
        return source;
    }

    /** The call to share into, once it exists. */
    synchronized void attach(CallController running) {
        call = running;
        startIfReady();
    }

    /** Follows the call's events (on the call's thread). */
    synchronized void onEvent(CallEvent event) {
        // In a room on the media server there is no connection per person: moving there is being connected.
        if (event instanceof CallEvent.Connected || event instanceof CallEvent.MovedToSfu) {
            connected = true;
            startIfReady();
        }
    }

    private void startIfReady() {
        if (call != null && connected && !started) {
            started = true;
            call.share().start(source);
        }
    }
}
