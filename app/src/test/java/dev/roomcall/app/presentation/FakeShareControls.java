package dev.roomcall.app.presentation;

import dev.roomcall.app.call.ShareControls;
import dev.roomcall.media.render.FrameSource;
import dev.roomcall.media.screen.ScreenListing;
import dev.roomcall.media.screen.ScreenSource;
import dev.roomcall.media.screen.Thumbnail;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Share controls without a display: a fixed listing, solid-colour thumbnails, and a record of what was asked. */
public final class FakeShareControls implements ShareControls {

    public final List<String> calls = new CopyOnWriteArrayList<>();
    private volatile ScreenListing listing;
    private volatile ScreenSource current;

    public FakeShareControls(ScreenListing listing) {
        this.listing = listing;
    }

    public void listing(ScreenListing next) {
        listing = next;
    }

    @Override
    public ScreenListing list() {
        calls.add("list");
        return listing;
    }

    @Override
    public Optional<Thumbnail> thumbnail(ScreenSource source, int maxWidth, int maxHeight) {
        byte[] teal = new byte[16 * 9 * 4];
        for (int i = 0; i < teal.length; i += 4) {
            teal[i] = (byte) 168;
            teal[i + 1] = (byte) 200;
            teal[i + 2] = 92;
            teal[i + 3] = (byte) 255;
        }
        return Optional.of(new Thumbnail(16, 9, teal));
    }

    @Override
    public void start(ScreenSource source) {
        calls.add("start " + source.name());
        current = source;
    }

    @Override
    public void stop() {
        calls.add("stop");
        current = null;
    }

    @Override
    public Optional<ScreenSource> current() {
        return Optional.ofNullable(current);
    }

    @Override
    public FrameSource preview() {
        return null;
    }
}
