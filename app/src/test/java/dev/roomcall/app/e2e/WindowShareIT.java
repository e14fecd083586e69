package dev.roomcall.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.server.ServerConfig;
import dev.roomcall.server.SignalingServer;
import dev.roomcall.signaling.RoomCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * {@code --share screen} in the real window, on an Xvfb showing a known pattern: once the page joins the command
 * line's room, the window shares the whole screen, Chromium on Roomcall's page decodes it as a second video track
 * whose colours are the pattern's where the pattern is, and the window shows the "You are sharing … Stop" bar. The
 * statistics overlay (I) is photographed with the camera's and the screen's figures, then with the page presenting
 * too (its screen received as well); the PNGs stay under target/screenshots.
 */
class WindowShareIT {

    private static final Duration CALL = Duration.ofSeconds(60);
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;
    /**
     * The pattern's quadrants where the window does not cover them: a fresh window is 1040x720 in the middle, which
     * leaves 120 pixels on either side; the red point is below the quadrant's text.
     */
    private static final double[][] BESIDE_THE_WINDOW = {{0.04, 0.4}, {0.96, 0.25}, {0.04, 0.75}, {0.96, 0.75}};
    /** The Stop button of the sharing bar (call.css's -rc-danger, #e5484d). */
    private static final ScreenPixels.Colour STOP_RED = (r, g, b) -> Math.abs(r - 229) < 25 && Math.abs(g - 72) < 25
            && Math.abs(b - 77) < 25;

    private static final ScreenPixels.Colour WHITE = (r, g, b) -> r > 230 && g > 230 && b > 230;

    @Test
    void theWindowSharesTheScreenOnceConnectedAndThePageDecodesThePattern() throws Exception {
        Path shots = Files.createDirectories(E2eDirs.target().resolve("screenshots"));
        String room = RoomCode.newRoomName();
        try (SharedDesktop desktop = SharedDesktop.start(WIDTH, HEIGHT);
                SignalingServer server = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0).build());
                CallWindowScreenshotIT.WindowApp app = CallWindowScreenshotIT.WindowApp.start(desktop.display(),
                        "--fake-media", "--server", server.uri().toString(), "--room", room, "--share", "screen")) {
            // Waiting for the other person: the call view is up (its self-view shows the test pattern's blue bar),
            // and nothing is shared yet.
            ScreenPixels waiting = app.awaitScreen(desktop::screenshot, shots.resolve("window-share-waiting.png"),
                    pixels -> pixels.find(ScreenPixels.PATTERN_BLUE).count() > 2_000, "the call view waiting");
            assertEquals(0, sharingBar(waiting).find(STOP_RED).count(), "no sharing bar before the call connects");

            try (BrowserPeer page = ScreenTrackProbe.open("window-share-page", server.httpUri() + "#" + room)) {
                ScreenTrackProbe.Sample screen = ScreenTrackProbe.awaitColours(page, 1, BESIDE_THE_WINDOW,
                        SharedDesktop.QUADRANT_COLOURS, CALL);
                assertEquals(WIDTH, screen.width(), "the page decodes the whole screen at its size: " + screen);
                assertEquals(HEIGHT, screen.height(), screen.toString());
                ScreenTrackProbe.Sample camera = ScreenTrackProbe.sample(page, 0, BESIDE_THE_WINDOW);
                assertFalse(camera.matches(SharedDesktop.QUADRANT_COLOURS, 60),
                        "the first video is still the camera, not the screen: " + camera);

                ScreenPixels sharing = app.awaitScreen(desktop::screenshot, shots.resolve("window-share-sharing.png"),
                        pixels -> sharingBar(pixels).find(STOP_RED).count() > 300, "the sharing bar's Stop button");
                ScreenPixels.Region stop = sharingBar(sharing).find(STOP_RED);
                assertTrue(stop.maxX() - stop.minX() < 120 && stop.maxY() - stop.minY() < 50,
                        "one button, not a red picture: " + stop);

                // The statistics overlay, with a few seconds of both tracks behind it.
                X11Keyboard.send(desktop.display(), "move:640,300", "key:I");
                Thread.sleep(6_000);
                app.awaitScreen(desktop::screenshot, shots.resolve("window-share-stats.png"),
                        pixels -> pixels.find(ScreenPixels.ACCENT).count() > 150, "the statistics overlay's charts");

                // The page presents as well: the window shows its screen large (its white quadrant lower right of
                // the call view), and the overlay gets the screen received beside the rest.
                PageScreen.start(page, 1280, 720);
                app.awaitScreen(desktop::screenshot, shots.resolve("window-share-stats-both.png"),
                        pixels -> pixels.region(660, 420, 900, 520).find(WHITE).share() > 0.8,
                        "the page's screen in the window");
                Thread.sleep(3_000);
                desktop.screenshot(shots.resolve("window-share-stats-both.png"));
                app.assertAlive();
            }
        }
    }

    /** Where the sharing bar sits: at the top of the call view, which fills the centred window. */
    private static ScreenPixels sharingBar(ScreenPixels screen) {
        return screen.region(300, 60, 980, 200);
    }
}
