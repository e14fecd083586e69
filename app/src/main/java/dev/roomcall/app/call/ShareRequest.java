package dev.roomcall.app.call;

import dev.roomcall.media.screen.ScreenListing;
import dev.roomcall.media.screen.ScreenSource;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the command line asks to share: {@code screen} (the primary screen) or {@code window:TEXT} (the first
 * window whose title contains TEXT, ignoring case), and the source it means in a listing.
 *
 * @param windowTitle null for the screen, else the text a window's title must contain
 */
public record ShareRequest(String windowTitle) {

    public static final ShareRequest SCREEN = new ShareRequest(null);
    private static final String WINDOW = "window:";

    /**
     * @throws IllegalArgumentException with a sentence for the person if {@code text} is neither form
     */
    public static ShareRequest parse(String text) {
        String value = Objects.requireNonNull(text, "text").trim();
        if (value.equalsIgnoreCase("screen")) {
            return SCREEN;
        }
        if (value.regionMatches(true, 0, WINDOW, 0, WINDOW.length())) {
            String title = value.substring(WINDOW.length()).trim();
            if (title.isEmpty()) {
                throw new IllegalArgumentException("'" + text + "': say which window, e.g. window:Firefox");
            }
            return new ShareRequest(title);
        }
        throw new IllegalArgumentException("'" + text + "' is not something to share; use screen or window:TEXT");
    }

    public boolean isScreen() {
        return windowTitle == null;
    }

    /** The first source in {@code listing} this request means, in the listing's order. */
    public Optional<ScreenSource> pick(ScreenListing listing) {
        String wanted = isScreen() ? null : windowTitle.toLowerCase(Locale.ROOT);
        return listing.sources().stream()
                .filter(s -> isScreen() ? s.kind() == ScreenSource.Kind.SCREEN
                        : s.kind() == ScreenSource.Kind.WINDOW && s.title().toLowerCase(Locale.ROOT).contains(wanted))
                .findFirst();
    }

    /** Why nothing in {@code listing} fits, for the person: what was asked, and the listing's own notice. */
    public String notFound(ScreenListing listing) {
        String what = isScreen() ? "There is no screen that can be shared"
                : "No window whose title contains \"" + windowTitle + "\" is open";
        return what + listing.notice().map(n -> ": " + n).orElse(".");
    }

    @Override
    public String toString() {
        return isScreen() ? "screen" : WINDOW + windowTitle;
    }
}
