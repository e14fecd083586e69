package dev.roomcall.media.screen;

import java.util.List;
import java.util.Optional;

/**
 * What can be shared right now, and, when some of the desktop cannot be captured (a Wayland session, no display),
 * a plain sentence saying so that a picker shows above the list.
 */
public record ScreenListing(List<ScreenSource> sources, Optional<String> notice) {
    public ScreenListing {
        sources = List.copyOf(sources);
    }

    public static ScreenListing of(List<ScreenSource> sources) {
        return new ScreenListing(sources, Optional.empty());
    }
}
