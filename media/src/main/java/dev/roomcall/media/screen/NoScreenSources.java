package dev.roomcall.media.screen;

import java.util.List;
import java.util.Optional;

/** Where nothing can be captured: an empty list that says why. */
final class NoScreenSources implements ScreenSources {
    private final String reason;

    NoScreenSources(String reason) {
        this.reason = reason;
    }

    @Override
    public ScreenListing list() {
        return new ScreenListing(List.of(), Optional.of(reason));
    }

    @Override
    public ScreenCapture open(ScreenSource source, ShareSettings settings) throws ScreenCaptureException {
        throw new ScreenCaptureException(reason);
    }
}
