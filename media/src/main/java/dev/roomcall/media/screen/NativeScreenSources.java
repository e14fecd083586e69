package dev.roomcall.media.screen;

import dev.onvoid.webrtc.media.video.VideoDesktopSource;
import dev.onvoid.webrtc.media.video.VideoTrackSource;
import dev.onvoid.webrtc.media.video.desktop.DesktopCapturer;
import dev.onvoid.webrtc.media.video.desktop.DesktopSource;
import dev.onvoid.webrtc.media.video.desktop.ScreenCapturer;
import dev.onvoid.webrtc.media.video.desktop.WindowCapturer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Windows and macOS: webrtc-java's own desktop capturers. Never used on Linux, where these natives crash
 * ({@link CapturePlatform}). Not tested on this project's Linux CI; the sizes of native sources are unknown
 * before capture, so they are listed as 0x0.
 */
final class NativeScreenSources implements ScreenSources {

    @Override
    public ScreenListing list() {
        List<ScreenSource> sources = new ArrayList<>();
        collect(ScreenCapturer::new, ScreenSource.Kind.SCREEN, sources);
        collect(WindowCapturer::new, ScreenSource.Kind.WINDOW, sources);
        return new ScreenListing(sources, Optional.empty());
    }

    private static void collect(Supplier<DesktopCapturer> capturer, ScreenSource.Kind kind, List<ScreenSource> out) {
        DesktopCapturer c = capturer.get();
        try {
            for (DesktopSource source : c.getDesktopSources()) {
                out.add(new ScreenSource(kind, source.id, source.title, 0, 0, 0, 0));
            }
        } finally {
            c.dispose();
        }
    }

    @Override
    public ScreenCapture open(ScreenSource source, ShareSettings settings) {
        VideoDesktopSource desktop = new VideoDesktopSource();
        desktop.setSourceId(source.id(), source.kind() == ScreenSource.Kind.WINDOW);
        desktop.setFrameRate(settings.fps());
        desktop.setMaxFrameSize(settings.maxWidth(), settings.maxHeight());
        return new ScreenCapture() {
            private boolean closed;

            @Override
            public VideoTrackSource source() {
                return desktop;
            }

            @Override
            public ScreenSource shared() {
                return source;
            }

            @Override
            public void start(Consumer<String> onStopped) {
                desktop.start();
            }

            @Override
            public long framesSent() {
                return 0;
            }

            @Override
            public synchronized void close() {
                if (!closed) {
                    closed = true;
                    desktop.stop();
                    desktop.dispose();
                }
            }
        };
    }
}
