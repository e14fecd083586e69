package dev.roomcall.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.app.CallRuntime;
import dev.roomcall.app.StartException;
import dev.roomcall.app.call.CallController;
import dev.roomcall.app.call.CallEvent;
import dev.roomcall.app.call.ShareRequest;
import dev.roomcall.app.i18n.I18n;
import dev.roomcall.app.settings.Language;
import dev.roomcall.app.settings.RecentRoom;
import dev.roomcall.app.settings.RecentRooms;
import dev.roomcall.app.settings.Settings;
import dev.roomcall.app.settings.SettingsStore;
import dev.roomcall.app.settings.WindowPlacement;
import dev.roomcall.app.ui.call.CallScreen;
import dev.roomcall.media.MediaEngine;
import dev.roomcall.media.MediaOptions;
import dev.roomcall.media.local.DeviceInfo;
import dev.roomcall.media.local.DeviceListing;
import dev.roomcall.media.screen.ScreenListing;
import dev.roomcall.media.screen.ScreenSource;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The whole window: start-up, home, settings and calls, with a real runtime on a free port and the shared engine. */
@ExtendWith(ApplicationExtension.class)
class ShellTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static final DeviceListing NO_DEVICES = new DeviceListing(List.of(new DeviceInfo("Test Camera", "cam-1")),
            List.of(), List.of(), true, false);

    @TempDir
    Path dir;

    private SettingsStore store;
    private Stage stage;
    private Shell shell;
    private CallController peer;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        store = new SettingsStore(dir.resolve(SettingsStore.FILE_NAME));
    }

    @AfterEach
    void closeWindow(FxRobot robot) {
        if (shell != null) {
            robot.interact(shell::close);
        }
        if (peer != null) {
            peer.close();
        }
        I18n.setLocale(Locale.ENGLISH);
    }

    private void open(FxRobot robot, Shell.RuntimeStarter starter, boolean startInRoom) {
        Shell.Services services = new Shell.Services(() -> NO_DEVICES, dev.roomcall.app.ui.home.ServerProbe::reachable,
                Clock.fixed(NOW, ZoneOffset.UTC));
        robot.interact(() -> {
            shell = new Shell(stage, store, starter, startInRoom, services);
            shell.show();
        });
    }

    private void open(FxRobot robot) {
        open(robot, settings -> TestRuntimes.start(settings), false);
        awaitReady(robot);
    }

    @Test
    void theWindowAppearsAtOnceAndNewAndJoinWaitUntilTheRuntimeIsReady(FxRobot robot) throws Exception {
        CountDownLatch engineReady = new CountDownLatch(1);
        open(robot, settings -> {
            await(engineReady);
            return TestRuntimes.start(settings);
        }, false);

        assertTrue(stage.isShowing());
        assertTrue(button(robot, "#newRoom").isDisabled());
        assertTrue(button(robot, "#joinButton").isDisabled());
        assertEquals("Starting camera and microphone…", label(robot, "#homeStatus").getText());

        engineReady.countDown();
        awaitReady(robot);
        assertFalse(button(robot, "#joinButton").isDisabled());
        assertEquals("Roomcall", stage.getTitle());
    }

    @Test
    void roomsCanBeMadeWhileTheCameraStillStartsAndStartingTheCallWaitsForIt(FxRobot robot) throws Exception {
        CountDownLatch cameraUp = new CountDownLatch(1);
        CallRuntime.Engines slowEngine = new CallRuntime.Engines() {
            @Override
            public MediaEngine start(MediaOptions options) {
                await(cameraUp);
                return TestRuntimes.SHARED.start(options);
            }

            @Override
            public void release(MediaEngine engine) {
                TestRuntimes.SHARED.release(engine);
            }
        };
        open(robot, settings -> CallRuntime.begin(TestRuntimes.launchOptions(), settings, slowEngine), false);

        awaitReady(robot);
        assertEquals("Starting camera and microphone…", label(robot, "#homeStatus").getText(),
                "the server listens; the camera is not up yet");
        robot.clickOn("#newRoom");
        robot.clickOn("#startCall");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(currentScreen() instanceof dev.roomcall.app.ui.home.HomeScreen, "the call waits for the camera");
        assertTrue(button(robot, "#startCall").isDisabled(), "and a second click cannot start a second call");
        assertEquals("Starting camera and microphone…", label(robot, "#homeStatus").getText());

        cameraUp.countDown();
        CallScreen call = awaitCallScreen(robot);
        robot.interact(call::leave);
    }

    @Test
    void aCameraThatCannotStartIsExplainedOnceTheServerIsUp(FxRobot robot) throws Exception {
        CallRuntime.Engines broken = options -> {
            throw new IllegalStateException("no sound system");
        };
        open(robot, settings -> CallRuntime.begin(TestRuntimes.launchOptions(), settings, broken), false);

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS,
                () -> label(robot, "#homeStatus").getText().contains("no sound system"));
        assertEquals("Camera and microphone could not start. Could not start audio/video: no sound system",
                label(robot, "#homeStatus").getText());
        assertTrue(button(robot, "#newRoom").isDisabled());
    }

    @Test
    void aFailedStartIsExplainedInWords(FxRobot robot) throws Exception {
        open(robot, settings -> {
            throw new StartException("server-failed", "Port 3000 is in use.");
        }, false);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> label(robot, "#homeStatus").getText().contains("Port 3000"));
        assertEquals("The built-in server could not start. Port 3000 is in use.", label(robot, "#homeStatus").getText());
        assertTrue(button(robot, "#newRoom").isDisabled());
    }

    @Test
    void aNewRoomStartsItsCallWithTheRoomInTheTitleAndIsRemembered(FxRobot robot) throws Exception {
        open(robot);
        robot.clickOn("#newRoom");
        String room = label(robot, "#shareRoomCode").getText();
        robot.clickOn("#startCall");

        CallScreen call = awaitCallScreen(robot);
        assertTrue(stage.getTitle().contains(room), stage.getTitle());
        assertTrue(stage.titleProperty().isBound(), "the title follows the call's state");
        assertEquals(room, store.recentRooms().list().get(0).room());
        assertEquals(room, new SettingsStore(store.file()).recentRooms().list().get(0).room(),
                "recent rooms survive a restart");

        robot.interact(call::leave);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#newRoom").tryQuery().isPresent());
        assertEquals("Roomcall", stage.getTitle());
        List<Node> recent = robot.lookup("#recentList").queryAs(VBox.class).getChildren();
        assertEquals(room, ((RecentRoom) recent.get(0).getUserData()).room());
    }

    @Test
    void joiningByCodeShowsTheCallForThatRoom(FxRobot robot) throws Exception {
        open(robot);
        robot.clickOn("#joinInput").write("abcdefghjkmnp");
        robot.clickOn("#joinButton");

        awaitCallScreen(robot);
        assertTrue(stage.getTitle().contains("abcd-efgh-jkmnp"), stage.getTitle());
    }

    @Test
    void joiningByAPastedLinkShowsTheCallForTheLinksRoom(FxRobot robot) throws Exception {
        open(robot);
        CallRuntime runtime = runtimeOf(robot);
        String link = runtime.browserLinkFor(runtime.callOptionsFor("c0ffee")).toString();
        robot.interact(() -> robot.lookup("#joinInput").queryAs(TextField.class).setText(link));
        robot.clickOn("#joinButton");

        awaitCallScreen(robot);
        assertTrue(stage.getTitle().contains("c0ffee"), stage.getTitle());
    }

    @Test
    void aRoomGivenOnTheCommandLineGoesStraightIntoItsCall(FxRobot robot) throws Exception {
        open(robot, settings -> TestRuntimes.start(settings, "--room", "http://example.org/#ABCD-EFGH-JKMNP"), true);

        awaitCallScreen(robot);
        assertTrue(stage.getTitle().contains("abcd-efgh-jkmnp"), stage.getTitle());
    }

    @Test
    void aShareOfAWindowThatIsNotThereSaysSoOnTheHomeScreenAndStartsNoCall(FxRobot robot) throws Exception {
        ScreenSource screen = new ScreenSource(ScreenSource.Kind.SCREEN, 1, "Screen 1", 0, 0, 1280, 800);
        LaunchShare share = new LaunchShare(ShareRequest.parse("window:Quarterly report"),
                () -> ScreenListing.of(List.of(screen)));
        Shell.Services services = new Shell.Services(() -> NO_DEVICES, dev.roomcall.app.ui.home.ServerProbe::reachable,
                Clock.fixed(NOW, ZoneOffset.UTC));
        robot.interact(() -> {
            shell = new Shell(stage, store, settings -> TestRuntimes.start(settings, "--room", "c0ffee"), true,
                    services, share);
            shell.show();
        });

        String expected = "No call was started: --share asked for the window \"Quarterly report\", but no open window "
                + "has that in its title.";
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> expected.equals(label(robot, "#homeStatus").getText()));
        // The engine's own "ready" comes later and must not wipe the reason away.
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> runtimeOf(robot) != null
                && runtimeOf(robot).engineReady().isDone());
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(500);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(expected, label(robot, "#homeStatus").getText());
        assertTrue(currentScreen() instanceof dev.roomcall.app.ui.home.HomeScreen, "no call, not a silent camera call");
        assertFalse(button(robot, "#joinButton").isDisabled(), "a call can still be started from home");
        screenshot(robot, "home-share-unavailable");
    }

    @Test
    void closingTheWindowDuringACallTellsThePeerAtOnceAndKeepsThePlacement(FxRobot robot) throws Exception {
        open(robot);
        robot.clickOn("#joinInput").write("c0ffee");
        robot.clickOn("#joinButton");
        awaitCallScreen(robot);
        CallRuntime runtime = runtimeOf(robot);
        LinkedBlockingQueue<CallEvent> heard = new LinkedBlockingQueue<>();
        peer = runtime.startCall(runtime.callOptionsFor("c0ffee", Settings.BUILT_IN_SERVER), heard::add);
        awaitEvent(heard, CallEvent.Connected.class, 20);
        robot.interact(() -> {
            stage.setX(140);
            stage.setY(90);
        });

        heard.clear();
        robot.interact(shell::close);
        List<CallEvent> before = awaitEvent(heard, CallEvent.PeerLeft.class, 10);
        assertTrue(before.stream().noneMatch(e -> e instanceof CallEvent.Disconnected || e instanceof CallEvent.SignalingLost),
                "the peer is told the other side left, rather than noticing a lost connection: " + before);

        Optional<WindowPlacement> saved = new SettingsStore(store.file()).window();
        assertTrue(saved.isPresent());
        assertEquals(140, saved.get().x());
        assertEquals(90, saved.get().y());
    }

    @Test
    void theWindowOpensWhereItWasLastTime(FxRobot robot) {
        store.save(new WindowPlacement(60, 40, 900, 600, false));
        open(robot);
        assertEquals(60, stage.getX());
        assertEquals(40, stage.getY());
        assertEquals(900, stage.getWidth());
        assertEquals(600, stage.getHeight());
    }

    @Test
    void switchingTheLanguageRelabelsTheScreenAtOnceAndIsKept(FxRobot robot) throws Exception {
        store.save(RecentRooms.empty()
                .with(new RecentRoom("k7wq-m2d9-x4hpt", "", NOW.minusSeconds(3 * 86400)))
                .with(new RecentRoom("c0ffee", "wss://rooms.example.org/", NOW.minusSeconds(26 * 3600)))
                .with(new RecentRoom("abcd-efgh-jkmnp", "", NOW.minusSeconds(12 * 60))));
        open(robot);
        assertEquals("New room", button(robot, "#newRoom").getText());
        screenshot(robot, "home");

        chooseLanguage(robot, Language.SIMPLIFIED_CHINESE);

        assertEquals("新建房间", button(robot, "#newRoom").getText());
        assertEquals("加入", button(robot, "#joinButton").getText());
        assertTrue(label(robot, "#homeStatus").getText().startsWith("准备就绪。"));
        assertEquals(Language.SIMPLIFIED_CHINESE, new SettingsStore(store.file()).settings().language());
        screenshot(robot, "home-zh");

        chooseLanguage(robot, Language.ENGLISH);
        assertEquals("New room", button(robot, "#newRoom").getText());
        assertEquals("Settings", button(robot, "#settingsButton").getText());
    }

    private void chooseLanguage(FxRobot robot, Language language) {
        robot.clickOn("#settingsButton");
        @SuppressWarnings("unchecked")
        ChoiceBox<Language> choice = robot.lookup("#language").queryAs(ChoiceBox.class);
        robot.interact(() -> choice.setValue(language));
        robot.clickOn("#saveSettings");
        WaitForAsyncUtils.waitForFxEvents();
    }

    // ------------------------------------------------------------------ helpers

    private void awaitReady(FxRobot robot) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#newRoom").tryQuery()
                    .map(n -> !n.isDisabled()).orElse(false));
        } catch (TimeoutException e) {
            throw new AssertionError("the runtime did not get ready: " + label(robot, "#homeStatus").getText(), e);
        }
    }

    private CallScreen awaitCallScreen(FxRobot robot) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> currentScreen() instanceof CallScreen);
        return (CallScreen) currentScreen();
    }

    private Node currentScreen() {
        Parent root = stage.getScene().getRoot();
        return root.getChildrenUnmodifiable().isEmpty() ? null : root.getChildrenUnmodifiable().get(0);
    }

    /** The runtime the shell started: the one its home screen works with. */
    private CallRuntime runtimeOf(FxRobot robot) {
        try {
            java.lang.reflect.Field field = Shell.class.getDeclaredField("runtime");
            field.setAccessible(true);
            return (CallRuntime) field.get(shell);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for an event of {@code type}; returns the events heard before it. */
    private static List<CallEvent> awaitEvent(LinkedBlockingQueue<CallEvent> events, Class<? extends CallEvent> type,
                                              int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<CallEvent> seen = new java.util.ArrayList<>();
        while (System.nanoTime() < deadline) {
            CallEvent event = events.poll(100, TimeUnit.MILLISECONDS);
            if (type.isInstance(event)) {
                return seen;
            }
            if (event != null && !(event instanceof CallEvent.Stats)) {
                seen.add(event);
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " within " + seconds + " s; heard " + seen);
    }

    private void screenshot(FxRobot robot, String name) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        Screenshots.save(WaitForAsyncUtils.asyncFx(() -> Screenshots.take(stage.getScene())).get(), name);
    }

    private static Button button(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Button.class);
    }

    private static Label label(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
