package dev.roomcall.app.presentation;

import dev.roomcall.media.screen.DisplayServer;
import dev.roomcall.media.screen.ScreenListing;
import dev.roomcall.media.screen.ScreenSource;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the share picker offers, decided from a listing: every screen and window except Roomcall's own windows
 * (sharing the call's own window shows the call inside itself), and, when part of the desktop is out of reach,
 * a sentence saying so in the person's language.
 */
public record ShareChoices(List<ScreenSource> sources, String notice) {

    public static final ShareChoices NONE = new ShareChoices(List.of(), "");

    public ShareChoices {
        sources = List.copyOf(sources);
    }

    /**
     * @param ownTitles the titles of Roomcall's open windows
     * @param env       the session's environment, which tells a Wayland desktop from a missing display
     */
    public static ShareChoices of(ScreenListing listing, Set<String> ownTitles, Map<String, String> env) {
        List<ScreenSource> offered = listing.sources().stream()
                .filter(s -> s.kind() == ScreenSource.Kind.SCREEN || s.title().isBlank()
                        || !ownTitles.contains(s.title()))
                .toList();
        return new ShareChoices(offered, notice(listing, DisplayServer.decide(env), env));
    }

    private static String notice(ScreenListing listing, DisplayServer server, Map<String, String> env) {
        if (listing.notice().isEmpty()) {
            return offeredNothing(listing) ? CallStatus.text("share.notice.nothing") : "";
        }
        boolean wayland = "wayland".equalsIgnoreCase(env.getOrDefault("XDG_SESSION_TYPE", "").trim())
                || !env.getOrDefault("WAYLAND_DISPLAY", "").isBlank();
        if (wayland && server.windows()) {
            return CallStatus.text("share.notice.waylandWindows");
        }
        if (wayland) {
            return CallStatus.text("share.notice.waylandNothing");
        }
        return CallStatus.text("share.notice.other", listing.notice().get());
    }

    private static boolean offeredNothing(ScreenListing listing) {
        return listing.sources().isEmpty();
    }
}
