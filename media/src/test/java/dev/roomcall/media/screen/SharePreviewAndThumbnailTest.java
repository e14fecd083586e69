package dev.roomcall.media.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.media.Await;
import dev.roomcall.media.MediaEngine;
import dev.roomcall.media.SharedEngine;
import dev.roomcall.media.local.TrackPlacement;
import dev.roomcall.media.render.Frame;
import dev.roomcall.media.render.FrameSource;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a picker and the self-view show of a share: a small picture of each source as it is now, and, while
 * sharing, the very frames being sent.
 */
class SharePreviewAndThumbnailTest {
    private static Xvfb x;
    private static X11ScreenSources sources;

    @BeforeAll
    static void startX() throws Exception {
        x = Xvfb.start();
        x.paintQuadrants(Xvfb.tempDir());
        sources = new X11ScreenSources(x.display(), DisplayServer.decide(Map.of("DISPLAY", x.display())));
    }

    @AfterAll
    static void stopX() throws Exception {
        x.close();
    }

    private static ScreenSource screen() {
        return sources.list().sources().stream().filter(s -> s.kind() == ScreenSource.Kind.SCREEN).findFirst()
                .orElseThrow();
    }

    @Test
    void aScreensThumbnailIsTheScreenScaledIntoTheBoxKeepingItsShape() {
        Thumbnail thumbnail = sources.thumbnail(screen(), 160, 160).orElseThrow();
        assertEquals(160, thumbnail.width());
        assertEquals(120, thumbnail.height(), "640x480 keeps its 4:3 shape");
        assertPixel(thumbnail, 40, 30, 255, 0, 0);
        assertPixel(thumbnail, 120, 30, 0, 255, 0);
        assertPixel(thumbnail, 40, 90, 0, 0, 255);
        assertPixel(thumbnail, 120, 90, 255, 255, 255);
    }

    @Test
    void aWindowsThumbnailShowsTheWindowAndAClosedOneHasNone() throws Exception {
        Process window = x.openWindow("roomcall-thumbnail-window");
        Await.until("the window is listed", () -> find("roomcall-thumbnail-window").isPresent());
        ScreenSource source = find("roomcall-thumbnail-window").orElseThrow();
        Thumbnail thumbnail = sources.thumbnail(source, 64, 64).orElseThrow();
        assertTrue(thumbnail.width() <= 64 && thumbnail.height() <= 64, thumbnail.width() + "x" + thumbnail.height());
        assertPixel(thumbnail, 2, 2, 255, 255, 0);

        window.destroy();
        window.waitFor();
        Await.until("a closed window has no thumbnail", () -> sources.thumbnail(source, 64, 64).isEmpty());
    }

    @Test
    void whileSharingThePreviewShowsWhatIsSentAndAfterwardsThereIsNone() throws Exception {
        MediaEngine engine = SharedEngine.get();
        ScreenShare share = new ScreenShare(engine.localMedia(), sources, new ScreenShare.Listener() {
            @Override
            public void onShareStarted(ScreenSource source, int width, int height) {}

            @Override
            public void onShareStopped(ScreenSource source, String reason) {}
        });
        assertNull(share.preview());
        share.start(screen(), ShareSettings.DEFAULT, TrackPlacement.BESIDE_CAMERA);
        try (FrameSource.Watch selfView = share.preview().watch()) {
            Await.until("the preview shows the screen", () -> {
                Frame frame = share.preview() == null ? null : share.preview().latest();
                return frame != null && frame.width() == 640 && red(frame, 160, 120);
            });
        } finally {
            share.stop();
        }
        assertNull(share.preview(), "no preview once the share stopped");
    }

    private static Optional<ScreenSource> find(String title) {
        return sources.list().sources().stream().filter(s -> s.title().equals(title)).findFirst();
    }

    private static boolean red(Frame frame, int x, int y) {
        ByteBuffer bgra = frame.bgra();
        int at = (y * frame.width() + x) * 4;
        return (bgra.get(at + 2) & 0xff) > 200 && (bgra.get(at + 1) & 0xff) < 60 && (bgra.get(at) & 0xff) < 60;
    }

    private static void assertPixel(Thumbnail t, int x, int y, int r, int g, int b) {
        int at = (y * t.width() + x) * 4;
        int[] seen = {t.bgra()[at + 2] & 0xff, t.bgra()[at + 1] & 0xff, t.bgra()[at] & 0xff};
        assertTrue(Math.abs(seen[0] - r) < 8 && Math.abs(seen[1] - g) < 8 && Math.abs(seen[2] - b) < 8,
                "pixel " + x + "," + y + " is " + seen[0] + "," + seen[1] + "," + seen[2]);
    }
}
