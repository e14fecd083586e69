package dev.roomcall.app.call;

import dev.roomcall.media.render.FrameSource;
import dev.roomcall.media.screen.ScreenListing;
import dev.roomcall.media.screen.ScreenSource;
import dev.roomcall.media.screen.Thumbnail;
import java.util.Optional;

/** What a screen can ask of a call's screen share; {@link ShareController} is the real one. Any thread. */
public interface ShareControls {

    /** Screens and windows that can be shared now, with a notice when part of the desktop is out of reach. */
    ScreenListing list();

    /** A small picture of {@code source} as it is now; empty if it cannot be grabbed. Blocks briefly (one grab). */
    Optional<Thumbnail> thumbnail(ScreenSource source, int maxWidth, int maxHeight);

    /** Shares {@code source} with everyone in the call, instead of what is shared now. */
    void start(ScreenSource source);

    /** Stops sharing, if sharing. */
    void stop();

    /** What is shared now, if anything. */
    Optional<ScreenSource> current();

    /** What is being sent, converted for display; null while not sharing. */
    FrameSource preview();
}
