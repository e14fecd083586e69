package dev.roomcall.app.ui;

import dev.roomcall.app.call.ShareOnConnect;
import dev.roomcall.app.call.ShareRequest;
import dev.roomcall.app.i18n.I18n;
import dev.roomcall.app.presentation.ScreenCall;
import dev.roomcall.media.screen.ScreenListing;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * {@code --share} in the window: the command line's room starts sharing once connected. The source is looked up
 * before that call starts; when the screen or window is not there, the home screen says so and no call starts (the
 * window's counterpart of the headless run's exit code 2), and the person can still start a call from there.
 */
final class LaunchShare {

    /** Nothing to share at launch. */
    static final LaunchShare NONE = new LaunchShare(null, () -> {
        throw new IllegalStateException("nothing asked to share");
    });

    private static final String BUNDLE = "dev.roomcall.app.ui.window";

    private final ShareRequest request;
    private final Supplier<ScreenListing> listing;

    /**
     * @param request what {@code --share} asks for, or null
     * @param listing what can be shared now (slow: called off the FX thread)
     */
    LaunchShare(ShareRequest request, Supplier<ScreenListing> listing) {
        this.request = request;
        this.listing = Objects.requireNonNull(listing, "listing");
    }

    boolean requested() {
        return request != null;
    }

    /** Looks the source up on {@code background}; fails with {@link ShareOnConnect.Unavailable} if it is not there. */
    CompletableFuture<ShareOnConnect> resolve(Executor background) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return ShareOnConnect.resolve(request, listing.get());
            } catch (ShareOnConnect.Unavailable e) {
                throw new CompletionException(e);
            }
        }, background);
    }

    /** Starts {@code share} in {@code call} once the call connects; on the FX thread, as the call starts. */
    static void follow(ShareOnConnect share, ScreenCall call) {
        call.observe(share::onEvent);
        share.attach(call.share().controls());
    }

    /** Why the launch's share cannot start, in the person's language. */
    static String problem(ShareOnConnect.Unavailable unavailable) {
        ShareRequest asked = unavailable.request();
        String what = asked.isScreen() ? I18n.text(BUNDLE, "share.noScreen")
                : I18n.text(BUNDLE, "share.noWindow", asked.windowTitle());
        return unavailable.notice().map(n -> I18n.text(BUNDLE, "share.because", what, n)).orElse(what);
    }
}
