package dev.roomcall.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.server.ServerConfig;
import dev.roomcall.server.SignalingServer;
import dev.roomcall.signaling.RoomCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The real window presenting both ways, on a virtual X display. First the page presents (a second video track): the window shows that screen large, upright and in place, with the
 * page's camera in an inset. Then the person presses S and Space in the window: the first screen is shared, the
 * page decodes it as a second track at the screen's size, and the window says "You are sharing". The screenshots
 * stay under target/screenshots (docs/screenshots has copies).
 */
class PresenterScreenshotIT {

    private static final Duration CALL = Duration.ofSeconds(60);
    private static final int WIDTH = 1280;
    private static final int HEIGHT = 800;
    private static final ScreenPixels.Colour RED = (r, g, b) -> r > 200 && g < 60 && b < 60;
    private static final ScreenPixels.Colour GREEN = (r, g, b) -> g > 200 && r < 60 && b < 60;
    private static final ScreenPixels.Colour BLUE = (r, g, b) -> b > 200 && r < 60 && g < 60;

    @Test
    void theWindowShowsThePagesScreenLargeThenSharesItsOwnScreen() throws Exception {
        Path shots = Files.createDirectories(E2eDirs.target().resolve("screenshots"));
        String room = RoomCode.newRoomName();
        try (VirtualDisplay desktop = VirtualDisplay.start(WIDTH, HEIGHT);
                SignalingServer server = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0).build());
                CallWindowScreenshotIT.WindowApp app = CallWindowScreenshotIT.WindowApp.start(desktop.display(),
                        "--fake-media", "--server", server.uri().toString(), "--room", room);
                BrowserPeer page = ScreenTrackProbe.open("presenter-page", server.httpUri() + "#" + room)) {
            page.awaitFramesDecoded(30, CALL);

            // 1. The page presents: its screen fills the call view, red top left, green right of it, blue below.
            PageScreen.start(page, 1280, 720);
            ScreenPixels remote = app.awaitScreen(desktop::screenshot, shots.resolve("presenter-remote.png"),
                    pixels -> pixels.find(RED).share() > 0.05 && pixels.find(BLUE).share() > 0.05,
                    "the page's screen large in the window");
            ScreenPixels.Region red = remote.find(RED);
            ScreenPixels.Region green = remote.find(GREEN);
            ScreenPixels.Region blue = remote.find(BLUE);
            assertTrue(green.centreX() > red.centreX() + 200 && Math.abs(green.centreY() - red.centreY()) < 80,
                    "green is right of red: " + red + " " + green);
            assertTrue(blue.centreY() > red.centreY() + 150 && Math.abs(blue.centreX() - red.centreX()) < 80,
                    "blue is below red: " + red + " " + blue);
            PageScreen.stop(page);
            app.awaitScreen(desktop::screenshot, shots.resolve("presenter-remote-stopped.png"),
                    pixels -> pixels.find(RED).share() < 0.01, "the page's camera again after its share");

            // 2. The window presents: S opens the picker (focus on the first choice, the screen), Space shares it.
            X11Keyboard.send(desktop.display(), "move:640,300", "key:S", "wait:2500");
            desktop.screenshot(shots.resolve("share-picker.png"));
            X11Keyboard.send(desktop.display(), "key:SPACE");
            ScreenTrackProbe.Sample shared = awaitWidth(page, WIDTH);
            // The page's second video is this desktop: black around the window, the window's dark call view inside.
            assertEquals(HEIGHT, shared.height(), "the page decodes the whole screen: " + shared);
            Thread.sleep(2000);
            desktop.screenshot(shots.resolve("presenter-local.png"));
            app.assertAlive();
        }
    }

    private static ScreenTrackProbe.Sample awaitWidth(BrowserPeer page, int width) throws InterruptedException {
        Instant deadline = Instant.now().plus(CALL);
        ScreenTrackProbe.Sample last = null;
        while (Instant.now().isBefore(deadline)) {
            last = ScreenTrackProbe.sample(page, 1, SharedDesktop.QUADRANT_CENTRES);
            if (last.error() == null && last.width() == width) {
                return last;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("the page never decoded the window's screen share: " + last);
    }
}
