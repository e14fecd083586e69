package dev.roomcall.app.e2e;

import dev.roomcall.testkit.ChromiumOptions;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.server.ServerConfig;
import dev.roomcall.server.SignalingServer;
import dev.roomcall.signaling.RoomCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The real window, on a virtual X display, in a call with a real Chromium whose camera plays a drawn portrait.
 * Screenshots of the whole screen prove by their pixels that the other person's picture is what fills the call
 * view (skin and shirt colours that only that picture has, in a large region in the middle), and the statistics
 * charts and chat work in the real window. Keys are pressed as a person would press them. The PNGs stay under
 * target/screenshots for people to look at.
 */
class CallWindowScreenshotIT {

    private static final Duration CALL = Duration.ofSeconds(60);
    private static final int SCREEN_WIDTH = 1280;
    private static final int SCREEN_HEIGHT = 800;

    @Test
    void theWindowShowsTheBrowsersPictureAndItsStatisticsAndChatWork() throws Exception {
        Path shots = E2eDirs.target().resolve("screenshots");
        Files.createDirectories(shots);
        Path portrait = PortraitVideo.write(E2eDirs.target().resolve("e2e-work").resolve("portrait.y4m"));
        String room = RoomCode.newRoomName();
        try (SignalingServer server = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0).build());
                VirtualDisplay screen = VirtualDisplay.start(SCREEN_WIDTH, SCREEN_HEIGHT);
                WindowApp app = WindowApp.start(screen.display(), "--fake-media", "--server", server.uri().toString(),
                        "--room", room)) {
            // 0. Waiting: the call view is up (its self-view shows this side's test-pattern bars) and the pane where
            //    the other person will appear holds no trace of them: the control for what follows.
            ScreenPixels waiting = app.awaitScreen(screen::screenshot, shots.resolve("call-waiting.png"),
                    pixels -> pixels.find(ScreenPixels.PATTERN_BLUE).count() > 2_000, "the call view waiting");
            assertTrue(waiting.find(ScreenPixels.SKIN).share() < 0.001, "nobody's picture yet: " + waiting);
            assertTrue(waiting.find(ScreenPixels.SHIRT).share() < 0.001, "nobody's picture yet: " + waiting);

            try (BrowserPeer browser = BrowserPeer.open("window-browser", server.httpUri() + "#" + room,
                    ChromiumOptions.defaults().withFakeVideo(portrait))) {
                browser.awaitFramesDecoded(30, CALL);

                // 1. Connected: the portrait fills the middle of the window.
                ScreenPixels connected = app.awaitScreen(screen::screenshot, shots.resolve("call-connected.png"),
                        pixels -> pixels.find(ScreenPixels.SKIN).share() > 0.01, "the browser's picture in the window");
                ScreenPixels.Region skin = connected.find(ScreenPixels.SKIN);
                ScreenPixels.Region shirt = connected.find(ScreenPixels.SHIRT);
                assertTrue(shirt.share() > 0.02, "the shirt below the face: " + connected);
                assertTrue(skin.count() > 10_000, "a face, not a few stray pixels: " + skin);
                assertTrue(Math.abs(skin.centreX() - SCREEN_WIDTH / 2.0) < SCREEN_WIDTH / 8.0,
                        "the face is in the middle: the remote picture fills the centred window: " + skin);
                assertTrue(shirt.centreY() > skin.centreY() + 50, "the shirt is below the face: the picture is upright");
                int cx = (int) skin.centreX();
                int cy = (int) skin.centreY();
                double[] picture = connected.brightness(cx - 200, cy - 150, cx + 200, cy + 150);
                double[] before = waiting.brightness(cx - 200, cy - 150, cx + 200, cy + 150);
                // The strip above the letterboxed picture is the call view's empty background.
                double[] empty = connected.brightness(700, 50, 1100, 95);
                assertTrue(picture[1] > 20 && picture[1] > 4 * empty[1],
                        "the picture has contrast (face, hair, wall), the empty pane has none: " + picture[1] + " vs " + empty[1]);
                assertTrue(picture[0] > empty[0] + 40 && picture[0] > before[0] + 30,
                        "and it is brighter than the dark pane, and than the same place while waiting: "
                                + picture[0] + " vs " + empty[0] + " and " + before[0]);

                // 2. Statistics (I): the live charts are drawn in the accent colour.
                X11Keyboard.send(screen.display(), "move:640,300", "key:I");
                Thread.sleep(12_000); // a dozen seconds of history, so the charts show a line rather than a dot
                app.awaitScreen(screen::screenshot, shots.resolve("call-stats.png"),
                        pixels -> pixels.find(ScreenPixels.ACCENT).count() > 150
                                && pixels.find(ScreenPixels.SKIN).share() > 0.005, "the statistics charts");

                // 3. Chat: the browser writes, the window shows it, a reply typed in the window reaches the browser.
                X11Keyboard.send(screen.display(), "key:I");
                assertEquals(Boolean.TRUE, browser.execute("return window.roomcall.chatOpen();"));
                assertEquals(Boolean.TRUE, browser.execute(
                        "return window.roomcall.sendChat('Hello from the browser! Can you hear me?');"));
                X11Keyboard.send(screen.display(), "move:640,300", "wait:500", "key:C", "wait:500",
                        "type:loud and clear", "key:ENTER");
                browser.awaitTrue("return window.roomcall.chatLines().some(l => l.from === 'peer' && l.text === 'loud and clear');",
                        CALL);
                app.awaitScreen(screen::screenshot, shots.resolve("call-chat.png"),
                        pixels -> pixels.find(ScreenPixels.SKIN).share() > 0.005, "the chat beside the picture");

                // 4. Mute in the window: the browser is told and shows it.
                X11Keyboard.send(screen.display(), "key:ESCAPE", "wait:300", "move:640,300", "key:M");
                browser.awaitTrue("return window.roomcall.remoteMedia().microphone === false"
                        + " && !document.getElementById('remote-muted').hidden;", CALL);

                // 5. Escape with nothing open hangs up: the page hears it at once.
                X11Keyboard.send(screen.display(), "wait:700", "key:ESCAPE");
                browser.awaitState("peer-left", Duration.ofSeconds(5));
            }
        }
    }

    /** The packaged app with its window on a virtual display, with settings and logs of its own under target/. */
    static final class WindowApp extends WindowProcess {

        private WindowApp(Process process, Path log) {
            super("the app", process, log);
        }

        /** Whatever photographs the X screen the window is on. */
        interface Screen {
            void screenshot(Path png) throws IOException, InterruptedException;
        }

        /** Photographs the screen every second until {@code ready} holds of it, failing at once if the app dies. */
        ScreenPixels awaitScreen(Screen screen, Path png, Predicate<ScreenPixels> ready, String what) throws Exception {
            Instant deadline = Instant.now().plus(CALL);
            ScreenPixels last = null;
            while (Instant.now().isBefore(deadline)) {
                screen.screenshot(png);
                last = ScreenPixels.read(png);
                if (ready.test(last)) {
                    return last;
                }
                assertAlive();
                Thread.sleep(1000);
            }
            throw new AssertionError("never saw " + what + "; last screenshot " + png + "\n" + logTail());
        }

        static WindowApp start(String display, String... args) throws IOException {
            return start(display, List.of(), args);
        }

        /** With JVM options before {@code -jar}, e.g. {@code -Dglass.gtk.uiScale=2}. */
        static WindowApp start(String display, List<String> jvmOptions, String... args) throws IOException {
            Path jar = Path.of(System.getProperty("roomcall.jar", "target/roomcall.jar"));
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException("no packaged app at " + jar.toAbsolutePath() + ": run 'mvn verify'");
            }
            Path home = E2eDirs.target().resolve("e2e-work").resolve("window-home-" + System.nanoTime());
            Files.createDirectories(home);
            Path log = E2eDirs.logs().resolve("window-app.log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            command.addAll(jvmOptions);
            command.addAll(List.of("-jar", jar.toString()));
            command.addAll(List.of(args));
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            builder.environment().put("DISPLAY", display);
            // A fresh person: no remembered window place, settings or recent rooms from whoever runs the build.
            builder.environment().put("XDG_CONFIG_HOME", home.resolve("config").toString());
            builder.environment().put("XDG_STATE_HOME", home.resolve("state").toString());
            // The JVM's user.home is the passwd entry's, not $HOME: the cache needs its own variable.
            builder.environment().put("XDG_CACHE_HOME", home.resolve("cache").toString());
            builder.environment().put("HOME", home.toString());
            return new WindowApp(builder.start(), log);
        }
    }
}
