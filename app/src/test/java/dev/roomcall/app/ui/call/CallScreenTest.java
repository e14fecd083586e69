package dev.roomcall.app.ui.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.app.call.CallEvent;
import dev.roomcall.app.call.CallOptions;
import dev.roomcall.app.call.Role;
import dev.roomcall.app.call.TestEngine;
import dev.roomcall.app.i18n.I18n;
import dev.roomcall.app.presentation.CallPhase;
import dev.roomcall.app.presentation.CallStatus;
import dev.roomcall.app.presentation.RemoteAudio;
import dev.roomcall.app.presentation.ScreenCall;
import dev.roomcall.app.ui.AccessibilityAudit;
import dev.roomcall.media.MediaEngine;
import dev.roomcall.media.render.Frame;
import dev.roomcall.media.render.FrameSource;
import dev.roomcall.media.session.PeerMessage;
import dev.roomcall.server.ServerConfig;
import dev.roomcall.server.SignalingServer;
import dev.roomcall.signaling.RoomCode;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;
import javafx.css.PseudoClass;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The call screen on a real Roomcall server with this JVM's engine, against a second, toolkit-free call as the
 * other person, driven with the keyboard and mouse as a person would (Monocle, headless).
 */
@ExtendWith(ApplicationExtension.class)
class CallScreenTest {

    private static final PseudoClass OFF = PseudoClass.getPseudoClass("off");
    private static final PseudoClass LIT = PseudoClass.getPseudoClass("lit");
    private static final PseudoClass GOOD = PseudoClass.getPseudoClass("good");

    private final List<Peer> peers = new ArrayList<>();
    private final AtomicInteger leaves = new AtomicInteger();
    private SignalingServer server;
    private Stage stage;
    private StackPane root;
    private CallScreen screen;
    private ScreenCall call;
    private List<String> announcements;
    private String room;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        root = new StackPane();
        stage.setScene(new Scene(root, 1000, 640));
        stage.show();
    }

    @BeforeEach
    void serverAndRoom() throws Exception {
        I18n.setLocale(Locale.ENGLISH);
        server = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0).build());
        room = RoomCode.newRoomName();
    }

    @AfterEach
    void hangUpEverything() throws Exception {
        fx(() -> {
            if (screen != null) {
                screen.closeNow();
            }
            stage.setFullScreen(false);
            return null;
        });
        peers.forEach(Peer::close);
        MediaEngine engine = TestEngine.get();
        engine.localMedia().setMicrophoneEnabled(true); // one engine for the whole JVM: leave it as found
        engine.localMedia().setCameraEnabled(true);
        server.close();
        I18n.setLocale(Locale.ENGLISH);
    }

    // ------------------------------------------------------------------ flows

    @Test
    void waitingIsSaidInWordsThenThePeersPictureFillsThePane(FxRobot robot) throws Exception {
        open(server.uri());
        awaitFx("the waiting words", () -> label(".call-status").getText()
                .equals("Waiting for someone to open the link…"));
        assertEquals("Roomcall – Waiting – " + room, fx(() -> stage.getTitle()));
        assertTrue(fx(() -> node(".status-card").isVisible()));

        Peer peer = peer("peer");
        awaitFx("the peer's picture", () -> ((VideoView) node(".remote-video")).showingProperty().get());
        awaitFx("the words step aside", () -> !node(".status-card").isVisible());
        assertEquals("Roomcall – In call – " + room, fx(() -> stage.getTitle()));
        peer.await(CallEvent.FirstRemoteVideo.class, v -> v.width() == 320);
        awaitFx("the self-view shows this side's camera", () -> node(".call-self-view").isVisible());
    }

    @Test
    void theVerificationCodeShowsTheSameDigitsAsThePeersWithBothFingerprintsInItsTooltip(FxRobot robot)
            throws Exception {
        open(server.uri());
        VerificationBadge badge = fx(() -> robot.lookup(".call-verification").queryAs(VerificationBadge.class));
        assertFalse(fx(badge::isVisible), "nothing to verify while waiting");

        Peer peer = peer("peer");
        CallEvent.Verification theirs = peer.await(CallEvent.Verification.class, v -> true);
        awaitFx("the badge", badge::isVisible);
        assertEquals("Verify: " + theirs.verification().code().grouped(), fx(badge::getText));
        String details = fx(badge::details);
        assertTrue(details.contains("Your certificate: " + theirs.verification().remote().normalized()), details);
        assertTrue(details.contains("Theirs: " + theirs.verification().local().normalized()), details);

        peer.close();
        awaitFx("the badge goes with the peer", () -> !badge.isVisible());
    }

    @Test
    void muteAndCameraShowInTheModelAndReachThePeer(FxRobot robot) throws Exception {
        open(server.uri());
        Peer peer = peer("peer");
        peer.awaitChatOpen();
        awaitFx("connected", () -> call.model().phase().get() == CallPhase.CONNECTED);
        assertTrue(peer.audioBytesPerSecond(2) > 1500, "the tone arrives before muting");

        robot.type(KeyCode.M);
        assertFalse(fx(() -> call.model().microphoneOn().get()));
        assertTrue(fx(() -> node(".control-microphone").getPseudoClassStates().contains(OFF)));
        assertFalse(TestEngine.get().localMedia().microphoneEnabled());
        peer.awaitMessage(m -> m instanceof PeerMessage.MediaState s && !s.microphone());
        peer.audioBytesPerSecond(1); // let the muted audio reach the peer
        double muted = peer.audioBytesPerSecond(2);
        assertTrue(muted < 700, "a muted microphone sends only silence: " + muted + " B/s");
        awaitFx("the meter shows nothing while muted", () -> litSegments() == 0);

        robot.clickOn(fx(() -> node(".control-microphone")));
        assertTrue(fx(() -> call.model().microphoneOn().get()));
        peer.awaitMessage(m -> m instanceof PeerMessage.MediaState s && s.microphone());

        try (FrameSource.Watch peersView = peer.call.remoteVideo().watch()) {
            robot.type(KeyCode.V);
            assertFalse(fx(() -> call.model().cameraOn().get()));
            assertTrue(fx(() -> node(".control-camera").getPseudoClassStates().contains(OFF)));
            awaitTrue("the peer sees the calm dark slate, not the test pattern",
                    () -> isSlate(peer.call.remoteVideo().latest()));

            robot.type(KeyCode.V);
            awaitTrue("the picture comes back", () -> isColourful(peer.call.remoteVideo().latest()));
        }
    }

    @Test
    void theRemoteSidesMuteIsShownOnTheirPicture(FxRobot robot) throws Exception {
        open(server.uri());
        Peer peer = peer("peer");
        peer.awaitChatOpen();
        awaitFx("the peer's picture", () -> ((VideoView) node(".remote-video")).showingProperty().get());
        // The peer's own controller mutes: its media state message reaches the screen over the data channel.
        peer.call.setMicrophoneEnabled(false);
        awaitFx("the muted badge", () -> call.model().remoteAudio().get() == RemoteAudio.MUTED
                && label(".remote-audio").isVisible());
        assertEquals("Muted", fx(() -> label(".remote-audio").getText()));
        peer.call.setMicrophoneEnabled(true);
        awaitFx("the badge goes", () -> !label(".remote-audio").isVisible());
    }

    @Test
    void chatGoesBothWaysAndUnreadMessagesAreCounted(FxRobot robot) throws Exception {
        open(server.uri());
        Peer peer = peer("peer");
        peer.awaitChatOpen();
        awaitFx("chat available", () -> call.model().chat().available().get());

        robot.type(KeyCode.C);
        awaitFx("the chat panel", () -> node(".chat-panel").isVisible() && node(".chat-input").isFocused());
        robot.write("Hello <b>browser</b> & you");
        robot.type(KeyCode.M); // typed into the chat, not a shortcut
        robot.type(KeyCode.ENTER);
        peer.awaitMessage(m -> m.equals(new PeerMessage.Chat("Hello <b>browser</b> & youm", false)));
        assertTrue(fx(() -> call.model().microphoneOn().get()), "letters typed in the chat are not shortcuts");

        assertTrue(peer.call.sendChat("Hi from the other side").isPresent());
        awaitFx("the reply", () -> chatTexts().contains("Hi from the other side"));
        assertEquals(0, (int) fx(() -> call.model().chat().unread().get()), "read while open");

        robot.type(KeyCode.ESCAPE); // closes the chat, does not hang up
        awaitFx("chat closed", () -> !node(".chat-panel").isVisible());
        assertEquals(0, leaves.get());
        peer.call.sendChat("one");
        peer.call.sendChat("two");
        awaitFx("two unread", () -> label(".control-bar .badge").isVisible()
                && label(".control-bar .badge").getText().equals("2"));
        robot.clickOn(fx(() -> node(".control-chat")));
        awaitFx("read", () -> !label(".control-bar .badge").isVisible());
        assertEquals(List.of("Hello <b>browser</b> & youm", "Hi from the other side", "one", "two"),
                fx(() -> chatTexts()));
    }

    @Test
    void theStatisticsOverlayShowsLiveNumbersAndCharts(FxRobot robot) throws Exception {
        open(server.uri());
        peer("peer");
        awaitFx("connected", () -> call.model().phase().get() == CallPhase.CONNECTED);
        assertFalse(fx(() -> node(".stats-overlay").isVisible()));

        robot.type(KeyCode.I);
        assertTrue(fx(() -> node(".stats-overlay").isVisible()));
        awaitFx("three seconds of numbers", () -> call.model().history().size() >= 3);
        assertEquals("320 × 240", fx(() -> statsValue("stats.resolution")));
        String rtt = fx(() -> statsValue("stats.rtt"));
        assertTrue(rtt.matches("\\d+ ms"), rtt);
        String in = fx(() -> statsValue("stats.bitrateIn"));
        assertTrue(in.matches("[1-9]\\d* kbit/s|\\d+\\.\\d+ Mbit/s"), in);
        assertTrue(fx(() -> node(".stats-overlay .quality-icon").getPseudoClassStates().contains(GOOD)), "a loopback call is good");
        String pair = fx(() -> statsValue("stats.pair"));
        assertTrue(pair.matches("host · udp · [0-9a-f.:\\[\\]]+:\\d+ ⇄ [0-9a-f.:\\[\\]]+:\\d+"), pair);

        robot.type(KeyCode.I);
        assertFalse(fx(() -> node(".stats-overlay").isVisible()));
    }

    @Test
    void shortcutsOpenHelpGoFullscreenAndEscapeHangsUpLast(FxRobot robot) throws Exception {
        open(server.uri());
        Peer peer = peer("peer");
        awaitFx("connected", () -> call.model().phase().get() == CallPhase.CONNECTED);

        robot.write("?");
        assertTrue(fx(() -> node(".help-overlay").isVisible()));
        assertEquals(dev.roomcall.app.presentation.CallAction.values().length, fx(() -> node(".help-overlay").lookupAll(".key-cap").size()));
        robot.type(KeyCode.H);
        assertFalse(fx(() -> node(".help-overlay").isVisible()));

        robot.type(KeyCode.F);
        awaitFx("fullscreen", () -> stage.isFullScreen());
        robot.type(KeyCode.F);
        awaitFx("windowed again", () -> !stage.isFullScreen());

        robot.type(KeyCode.H);
        robot.type(KeyCode.ESCAPE);
        assertFalse(fx(() -> node(".help-overlay").isVisible()), "Escape closes help first");
        assertEquals(0, leaves.get());
        Thread.sleep(600); // a separate press, not the tail of a fullscreen change
        robot.type(KeyCode.ESCAPE);
        awaitTrue("hung up", () -> leaves.get() == 1);
        peer.await(CallEvent.PeerLeft.class, e -> true);
    }

    @Test
    void ctrlWHangsUp(FxRobot robot) throws Exception {
        open(server.uri());
        awaitFx("waiting", () -> call.model().phase().get() == CallPhase.WAITING);
        robot.press(KeyCode.CONTROL).type(KeyCode.W).release(KeyCode.CONTROL);
        awaitTrue("hung up", () -> leaves.get() == 1);
    }

    @Test
    void anUnreachableServerIsSaidInWords() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        open(URI.create("ws://127.0.0.1:" + port + "/"));
        awaitFx("the words", () -> label(".call-status").getText()
                .equals("Can’t reach the server at 127.0.0.1:" + port + "."));
        assertTrue(fx(() -> node(".status-card").isVisible()));
        assertTrue(fx(() -> label(".status-detail").getText().endsWith("Trying again…")));
        assertEquals("Roomcall – Server unreachable – " + room, fx(() -> stage.getTitle()));
    }

    @Test
    void aFullRoomIsSaidInWordsAndOffersAWayBack(FxRobot robot) throws Exception {
        server.close();
        server = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0).roomSize(2).build());
        Peer one = peer("one");
        one.await(CallEvent.Joined.class, j -> true);
        Peer two = peer("two");
        two.await(CallEvent.Joined.class, j -> true);

        open(server.uri());
        awaitFx("the words", () -> label(".call-status").getText()
                .equals("This room is full."));
        assertEquals("Roomcall – Room full – " + room, fx(() -> stage.getTitle()));
        awaitFx("a way back", () -> call.model().ended().get());
        robot.clickOn("Back to start");
        awaitTrue("left", () -> leaves.get() == 1);
    }

    @Test
    void theScreenSpeaksChineseWhenTheAppDoes() throws Exception {
        I18n.setLocale(Locale.SIMPLIFIED_CHINESE);
        open(server.uri());
        awaitFx("the waiting words", () -> label(".call-status").getText().equals("正在等待对方打开链接…"));
        assertEquals("Roomcall – 等待中 – " + room, fx(() -> stage.getTitle()));
    }

    @Test
    void theSelfViewCanBeDraggedAndSettlesInTheNearestCorner(FxRobot robot) throws Exception {
        open(server.uri());
        awaitFx("the self-view has a size", () -> ((Region) node(".call-self-view")).getWidth() > 0);
        assertTrue(fx(() -> node(".call-self-view").getLayoutX() > stage.getWidth() / 2
                && node(".call-self-view").getLayoutY() > stage.getHeight() / 2), "bottom right");
        robot.drag(fx(() -> node(".call-self-view"))).moveBy(-700, -400).release(javafx.scene.input.MouseButton.PRIMARY);
        awaitFx("settled at the margin in the top left corner", () -> node(".call-self-view").getLayoutX() == SelfView.MARGIN
                && node(".call-self-view").getLayoutY() < stage.getHeight() / 2);
    }

    @Test
    void theGearOpensTheDeviceMenuWithCameraMicrophoneAndSpeaker(FxRobot robot) throws Exception {
        open(server.uri());
        DeviceMenu gear = fx(() -> robot.lookup(".device-menu").queryAs(DeviceMenu.class));
        robot.clickOn(gear);
        awaitFx("the menu", () -> deviceMenu() != null);
        ContextMenu menu = fx(CallScreenTest::deviceMenu);
        assertEquals(List.of("Camera", "Microphone", "Speaker"),
                fx(() -> menu.getItems().stream().filter(i -> i.isVisible()).map(i -> i.getText()).toList()));
        // This machine has no camera: the menu says so instead of being empty.
        javafx.scene.control.Menu cameras = (javafx.scene.control.Menu) fx(() -> menu.getItems().get(0));
        awaitFx("the listing", () -> !cameras.getItems().isEmpty());
        assertEquals("None found", fx(() -> cameras.getItems().get(0).getText()));
        fx(() -> {
            menu.hide();
            return null;
        });
    }

    // ------------------------------------------------------------------ screen readers, keyboard, arrival alerts

    @Test
    void everyControlOfACallWithChatAndStatisticsOpenHasANameAndTabWalksThemInReadingOrder(FxRobot robot)
            throws Exception {
        open(server.uri());
        Peer peer = peer("peer");
        peer.awaitChatOpen();
        awaitFx("the peer's picture", () -> ((VideoView) node(".remote-video")).showingProperty().get());
        robot.type(KeyCode.I);
        robot.type(KeyCode.C);
        awaitFx("chat and statistics open", () -> node(".chat-panel").isVisible() && node(".stats-overlay").isVisible());

        List<String> walk = AccessibilityAudit.assertTabWalksInReadingOrder(robot, screen);

        assertTrue(walk.containsAll(List.of("Mute microphone", "Stop camera", "Choose camera, microphone and speaker",
                "Close chat", "Hide connection statistics", "Fullscreen", "Keyboard shortcuts", "Hang up",
                "Chat message", "Send")), walk.toString());
        assertEquals("Video of the other person", fx(() -> node(".remote-video").getAccessibleText()));
        assertEquals("Your camera (mirrored)", fx(() -> node(".call-self-view").getAccessibleText()));
    }

    @Test
    void everyControlWhileWaitingHasANameAndTabWalksThemInReadingOrder(FxRobot robot) throws Exception {
        open(server.uri());
        awaitFx("waiting", () -> call.model().phase().get() == CallPhase.WAITING);
        List<String> walk = AccessibilityAudit.assertTabWalksInReadingOrder(robot, screen);
        assertTrue(walk.contains("Link for the other person’s browser"), walk.toString());
    }

    @Test
    void eachCallButtonSaysWhatPressingItWouldDo(FxRobot robot) throws Exception {
        open(server.uri());
        assertEquals("Mute microphone", fx(() -> button(".control-microphone").getAccessibleText()));
        assertEquals("Stop camera", fx(() -> button(".control-camera").getAccessibleText()));
        assertEquals("Open chat", fx(() -> button(".control-chat").getAccessibleText()));
        assertEquals("Show connection statistics", fx(() -> button(".control-stats").getAccessibleText()));
        assertEquals("Shortcut: M", fx(() -> button(".control-microphone").getAccessibleHelp()));

        robot.type(KeyCode.M);
        robot.type(KeyCode.V);
        robot.type(KeyCode.I);
        awaitFx("muted", () -> !call.model().microphoneOn().get());

        assertEquals("Unmute microphone", fx(() -> button(".control-microphone").getAccessibleText()));
        assertEquals("Start camera", fx(() -> button(".control-camera").getAccessibleText()));
        assertEquals("Hide connection statistics", fx(() -> button(".control-stats").getAccessibleText()));

        robot.interact(() -> button(".control-microphone").requestFocus());
        robot.type(KeyCode.SPACE);
        awaitFx("unmuted from the keyboard", () -> call.model().microphoneOn().get());
        assertEquals("Mute microphone", fx(() -> button(".control-microphone").getAccessibleText()));
    }

    @Test
    void theControlTheKeyboardReachesWearsAVisibleRing(FxRobot robot) throws Exception {
        open(server.uri());
        robot.interact(() -> button(".control-microphone").requestFocus());
        robot.type(KeyCode.TAB);
        javafx.scene.control.Button camera = fx(() -> button(".control-camera"));
        awaitFx("Tab moved on to the camera button", camera::isFocused);
        WaitForAsyncUtils.waitForFxEvents();

        javafx.scene.layout.Border ring = fx(camera::getBorder);
        assertTrue(ring != null && !ring.getStrokes().isEmpty(), "a ring around the focused button");
        assertEquals(javafx.scene.paint.Color.web("#5cc8a8"), ring.getStrokes().get(0).getTopStroke());
        assertTrue(ring.getStrokes().get(0).getWidths().getTop() >= 2, "thick enough to see");
        javafx.scene.layout.Border unfocused = fx(() -> button(".control-microphone").getBorder());
        assertTrue(unfocused == null || unfocused.getStrokes().isEmpty(), "only the focused control wears it");
    }

    @Test
    void shortcutsNeverFireWhileTypingInTheChat(FxRobot robot) throws Exception {
        open(server.uri());
        Peer peer = peer("peer");
        peer.awaitChatOpen();
        awaitFx("chat available", () -> call.model().chat().available().get());
        robot.type(KeyCode.C);
        awaitFx("typing in the chat", () -> ((javafx.scene.control.TextInputControl) node(".chat-input")).isFocused());

        robot.write("mvcifh?MVCIFH");

        assertEquals("mvcifh?MVCIFH", fx(() -> ((javafx.scene.control.TextInputControl) node(".chat-input")).getText()));
        assertTrue(fx(() -> call.model().microphoneOn().get()), "M");
        assertTrue(fx(() -> call.model().cameraOn().get()), "V");
        assertTrue(fx(() -> node(".chat-panel").isVisible()), "C");
        assertFalse(fx(() -> call.model().statsVisible().get()), "I");
        assertFalse(fx(() -> stage.isFullScreen()), "F");
        assertFalse(fx(() -> call.model().helpVisible().get()), "H and ?");
        assertEquals(0, leaves.get());
    }

    @Test
    void theHelpOverlayListsEveryShortcut() throws Exception {
        open(server.uri());
        List<String> listed = fx(() -> node(".help-overlay").lookupAll(".key-cap").stream()
                .map(n -> ((javafx.scene.control.Label) n).getText()).toList());
        assertEquals(java.util.Arrays.stream(dev.roomcall.app.presentation.CallAction.values())
                .map(dev.roomcall.app.presentation.CallAction::keys).toList(), listed);
    }

    @Test
    void statusChangesAreAnnouncedToScreenReaders() throws Exception {
        open(server.uri());
        awaitFx("waiting announced", () -> announced()
                .contains("Waiting for someone to open the link…"));
        Peer peer = peer("peer");
        awaitFx("connected announced", () -> announced().contains("Connected"));
        peer.close();
        awaitFx("peer left announced", () -> announced()
                .contains("The other person left. Waiting for someone to open the link…"));
    }

    @Test
    void theOtherPersonArrivingWhileTheWindowIsNotFocusedNotifiesOnceAndTheClickRaisesTheWindow() throws Exception {
        List<String> shown = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Runnable> clicks = new java.util.concurrent.CopyOnWriteArrayList<>();
        AtomicInteger raised = new AtomicInteger();
        open(server.uri());
        fx(() -> {
            screen.alertPresence(new dev.roomcall.app.notify.PresenceAlerts.Window() {
                @Override
                public boolean focused() {
                    return false;
                }

                @Override
                public void bringForward() {
                    raised.incrementAndGet();
                }
            }, new dev.roomcall.app.notify.DesktopNotifications() {
                @Override
                public void show(String summary, String body, Runnable onClick) {
                    shown.add(summary + " | " + body);
                    clicks.add(onClick);
                }

                @Override
                public void close() {}
            }, 0);
            return null;
        });
        // Arriving means coming in after this side: only once it is in the room does the peer join.
        awaitFx("in the room", () -> call.model().phase().get() == CallPhase.WAITING);
        Peer peer = peer("peer");
        awaitFx("connected", () -> call.model().phase().get() == CallPhase.CONNECTED);

        assertEquals(List.of("Someone joined your call | The other person opened your link and is in room " + room
                + ". Click to go to the call."), shown);
        int attention = raised.get();
        assertEquals(1, attention, "the window asked for attention");
        clicks.get(0).run();
        assertEquals(2, raised.get(), "the click brings the call forward");
    }

    @Test
    void noNotificationWhileTheWindowIsFocused() throws Exception {
        List<String> shown = new java.util.concurrent.CopyOnWriteArrayList<>();
        open(server.uri());
        fx(() -> {
            screen.alertPresence(new dev.roomcall.app.notify.PresenceAlerts.Window() {
                @Override
                public boolean focused() {
                    return true;
                }

                @Override
                public void bringForward() {
                    shown.add("raised");
                }
            }, new dev.roomcall.app.notify.DesktopNotifications() {
                @Override
                public void show(String summary, String body, Runnable onClick) {
                    shown.add(summary);
                }

                @Override
                public void close() {}
            }, 0);
            return null;
        });
        peer("peer");
        awaitFx("connected", () -> call.model().phase().get() == CallPhase.CONNECTED);
        assertEquals(List.of(), shown);
    }

    // ------------------------------------------------------------------ helpers

    private void open(URI signaling) throws Exception {
        CallOptions options = new CallOptions(signaling, room, Role.AUTO, List.of(), false, null);
        fx(() -> {
            call = ScreenCall.start(TestEngine.get(), options, "http://127.0.0.1/#" + room, Platform::runLater);
            screen = new CallScreen(call, leaves::incrementAndGet);
            stage.titleProperty().bind(screen.titleProperty());
            root.getChildren().setAll(screen);
            return null;
        });
    }

    private javafx.scene.control.Button button(String selector) {
        return (javafx.scene.control.Button) node(selector);
    }

    /** What the screen reader was told so far: the announcer's text and every later change of it. */
    private List<String> announced() throws Exception {
        if (announcements == null) {
            announcements = new java.util.concurrent.CopyOnWriteArrayList<>();
            fx(() -> {
                Label announcer = label(".announcer");
                if (announcer.getText() != null && !announcer.getText().isEmpty()) {
                    announcements.add(announcer.getText());
                }
                announcer.textProperty().addListener((obs, was, now) -> announcements.add(now));
                return null;
            });
        }
        return List.copyOf(announcements);
    }

    /** A node of the screen, found as a person's eye would: by what it is. */
    private Node node(String selector) {
        Node found = screen.lookup(selector);
        if (found == null) {
            throw new AssertionError("nothing on the screen matches " + selector);
        }
        return found;
    }

    private Label label(String selector) {
        return (Label) node(selector);
    }

    /** The chat lines shown, in order. */
    private List<String> chatTexts() {
        return node(".chat-panel").lookupAll(".chat-text").stream().map(n -> ((Label) n).getText()).toList();
    }

    /** The device menu, while it shows. */
    private static ContextMenu deviceMenu() {
        return Window.getWindows().stream()
                .filter(w -> w instanceof ContextMenu m && m.getStyleClass().contains("device-context-menu"))
                .map(ContextMenu.class::cast).findFirst().orElse(null);
    }

    /** How many segments of the microphone's level meter are lit. */
    private long litSegments() {
        return node(".control-bar .level-meter").lookupAll(".level-segment").stream()
                .filter(n -> n.getPseudoClassStates().contains(LIT)).count();
    }

    /** The value the statistics overlay shows beside the name with this text key. */
    private String statsValue(String key) {
        String name = CallStatus.text(key);
        GridPane grid = (GridPane) ((Parent) node(".stats-overlay")).getChildrenUnmodifiable().stream()
                .filter(GridPane.class::isInstance).findFirst().orElseThrow();
        List<Node> cells = grid.getChildren();
        for (int i = 0; i + 1 < cells.size(); i++) {
            if (cells.get(i) instanceof Label label && label.getText().equals(name)) {
                return ((Label) cells.get(i + 1)).getText();
            }
        }
        throw new AssertionError("no statistic named " + name);
    }

    private Peer peer(String name) {
        Peer peer = new Peer(name, server.uri(), room);
        peers.add(peer);
        return peer;
    }

    private static <T> T fx(Callable<T> body) throws Exception {
        return WaitForAsyncUtils.asyncFx(body).get(10, TimeUnit.SECONDS);
    }

    private static void awaitFx(String what, Callable<Boolean> condition) throws Exception {
        awaitTrue(what, () -> fx(condition));
    }

    private static void awaitTrue(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Peer.WAIT.toNanos();
        while (!Boolean.TRUE.equals(condition.call())) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    /** The "camera off" slate: dark grey with a little light text, no colour. */
    static boolean isSlate(Frame frame) {
        int[] stats = colourStats(frame);
        return stats != null && stats[0] < 60 && stats[1] < 5;
    }

    /** The test pattern: bright saturated bars. */
    static boolean isColourful(Frame frame) {
        int[] stats = colourStats(frame);
        return stats != null && stats[0] > 80 && stats[1] > 40;
    }

    /** Mean brightness and mean saturation (max - min channel), 0..255, of a sample of pixels. */
    private static int[] colourStats(Frame frame) {
        if (frame == null) {
            return null;
        }
        ByteBuffer bgra = frame.bgra();
        long brightness = 0;
        long saturation = 0;
        int n = 0;
        for (int i = 0; i + 3 < bgra.capacity(); i += 4 * 31) {
            int b = bgra.get(i) & 0xff;
            int g = bgra.get(i + 1) & 0xff;
            int r = bgra.get(i + 2) & 0xff;
            brightness += (r + g + b) / 3;
            saturation += Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
            n++;
        }
        return new int[] {(int) (brightness / n), (int) (saturation / n)};
    }
}
