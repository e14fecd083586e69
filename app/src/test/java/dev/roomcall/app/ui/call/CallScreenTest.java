package dev.roomcall.app.ui.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.app.call.CallEvent;
import dev.roomcall.app.call.CallOptions;
import dev.roomcall.app.call.CallPhase;
import dev.roomcall.app.call.NetworkQuality;
import dev.roomcall.app.call.RemoteAudio;
import dev.roomcall.app.call.Role;
import dev.roomcall.app.call.TestEngine;
import dev.roomcall.app.i18n.I18n;
import dev.roomcall.app.ui.AccessibilityAudit;
import dev.roomcall.media.Frame;
import dev.roomcall.media.MediaEngine;
import dev.roomcall.media.PeerMessage;
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
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
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

    private final List<Peer> peers = new ArrayList<>();
    private final AtomicInteger leaves = new AtomicInteger();
    private SignalingServer server;
    private Stage stage;
    private StackPane root;
    private CallScreen screen;
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
        server = SignalingServer.start(ServerConfig.defaults().withHost("127.0.0.1").withPort(0));
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
        awaitFx("the waiting words", () -> screen.statusOverlay().statusLabel().getText()
                .equals("Waiting for someone to open the link…"));
        assertEquals("Roomcall – Waiting – " + room, fx(() -> stage.getTitle()));
        assertTrue(fx(() -> screen.statusOverlay().isVisible()));

        Peer peer = peer("peer");
        awaitFx("the peer's picture", () -> screen.remoteView().hasPicture());
        awaitFx("the words step aside", () -> !screen.statusOverlay().isVisible());
        assertEquals("Roomcall – In call – " + room, fx(() -> stage.getTitle()));
        peer.await(CallEvent.FirstRemoteVideo.class, v -> v.width() == 320);
        awaitFx("the self-view shows this side's camera", () -> screen.selfView().tile().isVisible());
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
        awaitFx("connected", () -> screen.model().phase().get() == CallPhase.CONNECTED);
        assertTrue(peer.audioBytesPerSecond(2) > 1500, "the tone arrives before muting");

        robot.type(KeyCode.M);
        assertFalse(fx(() -> screen.model().microphoneOn().get()));
        assertTrue(fx(() -> screen.controlBar().microphoneButton().getPseudoClassStates().contains(OFF)));
        assertFalse(TestEngine.get().localMedia().microphoneEnabled());
        peer.awaitMessage(m -> m instanceof PeerMessage.MediaState s && !s.microphone());
        peer.audioBytesPerSecond(1); // let the muted audio reach the peer
        double muted = peer.audioBytesPerSecond(2);
        assertTrue(muted < 700, "a muted microphone sends only silence: " + muted + " B/s");
        awaitFx("the meter shows nothing while muted", () -> screen.controlBar().meter().lit() == 0);

        robot.clickOn(fx(() -> screen.controlBar().microphoneButton()));
        assertTrue(fx(() -> screen.model().microphoneOn().get()));
        peer.awaitMessage(m -> m instanceof PeerMessage.MediaState s && s.microphone());

        robot.type(KeyCode.V);
        assertFalse(fx(() -> screen.model().cameraOn().get()));
        assertTrue(fx(() -> screen.controlBar().cameraButton().getPseudoClassStates().contains(OFF)));
        awaitTrue("the peer sees the calm dark slate, not the test pattern", () -> isSlate(peer.call.remoteVideo().latest()));

        robot.type(KeyCode.V);
        awaitTrue("the picture comes back", () -> isColourful(peer.call.remoteVideo().latest()));
    }

    @Test
    void theRemoteSidesMuteIsShownOnTheirPicture(FxRobot robot) throws Exception {
        open(server.uri());
        Peer peer = peer("peer");
        peer.awaitChatOpen();
        awaitFx("the peer's picture", () -> screen.remoteView().hasPicture());
        // The peer's own controller mutes: its media state message reaches the screen over the data channel.
        peer.call.setMicrophoneEnabled(false);
        awaitFx("the muted badge", () -> screen.model().remoteAudio().get() == RemoteAudio.MUTED
                && screen.remoteBadge().audioLabel().isVisible());
        assertEquals("Muted", fx(() -> screen.remoteBadge().audioLabel().getText()));
        peer.call.setMicrophoneEnabled(true);
        awaitFx("the badge goes", () -> !screen.remoteBadge().audioLabel().isVisible());
    }

    @Test
    void chatGoesBothWaysAndUnreadMessagesAreCounted(FxRobot robot) throws Exception {
        open(server.uri());
        Peer peer = peer("peer");
        peer.awaitChatOpen();
        awaitFx("chat available", () -> screen.model().chat().available().get());

        robot.type(KeyCode.C);
        awaitFx("the chat panel", () -> screen.chatPanel().isVisible() && screen.chatPanel().input().isFocused());
        robot.write("Hello <b>browser</b> & you");
        robot.type(KeyCode.M); // typed into the chat, not a shortcut
        robot.type(KeyCode.ENTER);
        peer.awaitMessage(m -> m.equals(new PeerMessage.Chat("Hello <b>browser</b> & youm", false)));
        assertTrue(fx(() -> screen.model().microphoneOn().get()), "letters typed in the chat are not shortcuts");

        assertTrue(peer.call.sendChat("Hi from the other side").isPresent());
        awaitFx("the reply", () -> screen.chatPanel().shownTexts().contains("Hi from the other side"));
        assertEquals(0, (int) fx(() -> screen.model().chat().unread().get()), "read while open");

        robot.type(KeyCode.ESCAPE); // closes the chat, does not hang up
        awaitFx("chat closed", () -> !screen.chatPanel().isVisible());
        assertEquals(0, leaves.get());
        peer.call.sendChat("one");
        peer.call.sendChat("two");
        awaitFx("two unread", () -> screen.controlBar().unreadBadge().isVisible()
                && screen.controlBar().unreadBadge().getText().equals("2"));
        robot.clickOn(fx(() -> screen.controlBar().chatButton()));
        awaitFx("read", () -> !screen.controlBar().unreadBadge().isVisible());
        assertEquals(List.of("Hello <b>browser</b> & youm", "Hi from the other side", "one", "two"),
                fx(() -> screen.chatPanel().shownTexts()));
    }

    @Test
    void theStatisticsOverlayShowsLiveNumbersAndCharts(FxRobot robot) throws Exception {
        open(server.uri());
        peer("peer");
        awaitFx("connected", () -> screen.model().phase().get() == CallPhase.CONNECTED);
        assertFalse(fx(() -> screen.statsOverlay().isVisible()));

        robot.type(KeyCode.I);
        assertTrue(fx(() -> screen.statsOverlay().isVisible()));
        awaitFx("three seconds of numbers", () -> screen.statsOverlay().bitrateChart().values().length >= 3);
        assertEquals("320 × 240", fx(() -> screen.statsOverlay().shownResolution()));
        String rtt = fx(() -> screen.statsOverlay().shownRtt());
        assertTrue(rtt.matches("\\d+ ms"), rtt);
        String in = fx(() -> screen.statsOverlay().shownBitrateIn());
        assertTrue(in.matches("[1-9]\\d* kbit/s|\\d+\\.\\d+ Mbit/s"), in);
        assertEquals(NetworkQuality.GOOD, fx(() -> screen.statsOverlay().qualityIcon().quality()), "a loopback call is good");
        String pair = fx(() -> screen.statsOverlay().shownPair());
        assertTrue(pair.matches("host · udp · [0-9a-f.:\\[\\]]+:\\d+ ⇄ [0-9a-f.:\\[\\]]+:\\d+"), pair);

        robot.type(KeyCode.I);
        assertFalse(fx(() -> screen.statsOverlay().isVisible()));
    }

    @Test
    void shortcutsOpenHelpGoFullscreenAndEscapeHangsUpLast(FxRobot robot) throws Exception {
        open(server.uri());
        Peer peer = peer("peer");
        awaitFx("connected", () -> screen.model().phase().get() == CallPhase.CONNECTED);

        robot.write("?");
        assertTrue(fx(() -> screen.helpOverlay().isVisible()));
        assertEquals(7, fx(() -> screen.helpOverlay().listed()));
        robot.type(KeyCode.H);
        assertFalse(fx(() -> screen.helpOverlay().isVisible()));

        robot.type(KeyCode.F);
        awaitFx("fullscreen", () -> stage.isFullScreen());
        robot.type(KeyCode.F);
        awaitFx("windowed again", () -> !stage.isFullScreen());

        robot.type(KeyCode.H);
        robot.type(KeyCode.ESCAPE);
        assertFalse(fx(() -> screen.helpOverlay().isVisible()), "Escape closes help first");
        assertEquals(0, leaves.get());
        Thread.sleep(600); // a separate press, not the tail of a fullscreen change
        robot.type(KeyCode.ESCAPE);
        awaitTrue("hung up", () -> leaves.get() == 1);
        peer.await(CallEvent.PeerLeft.class, e -> true);
    }

    @Test
    void ctrlWHangsUp(FxRobot robot) throws Exception {
        open(server.uri());
        awaitFx("waiting", () -> screen.model().phase().get() == CallPhase.WAITING);
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
        awaitFx("the words", () -> screen.statusOverlay().statusLabel().getText()
                .equals("Can’t reach the server at 127.0.0.1:" + port + "."));
        assertTrue(fx(() -> screen.statusOverlay().isVisible()));
        assertTrue(fx(() -> screen.statusOverlay().detailLabel().getText().endsWith("Trying again…")));
        assertEquals("Roomcall – Server unreachable – " + room, fx(() -> stage.getTitle()));
    }

    @Test
    void aFullRoomIsSaidInWordsAndOffersAWayBack(FxRobot robot) throws Exception {
        Peer one = peer("one");
        one.await(CallEvent.Joined.class, j -> true);
        Peer two = peer("two");
        two.await(CallEvent.Joined.class, j -> true);

        open(server.uri());
        awaitFx("the words", () -> screen.statusOverlay().statusLabel().getText()
                .equals("This room is full: two people are already in it."));
        assertEquals("Roomcall – Room full – " + room, fx(() -> stage.getTitle()));
        awaitFx("a way back", () -> screen.model().ended().get());
        robot.clickOn("Back to start");
        awaitTrue("left", () -> leaves.get() == 1);
    }

    @Test
    void theScreenSpeaksChineseWhenTheAppDoes() throws Exception {
        I18n.setLocale(Locale.SIMPLIFIED_CHINESE);
        open(server.uri());
        awaitFx("the waiting words", () -> screen.statusOverlay().statusLabel().getText().equals("正在等待对方打开链接…"));
        assertEquals("Roomcall – 等待中 – " + room, fx(() -> stage.getTitle()));
    }

    @Test
    void theSelfViewCanBeDraggedAndSettlesInTheNearestCorner(FxRobot robot) throws Exception {
        open(server.uri());
        awaitFx("the self-view has a size", () -> screen.selfView().tile().getWidth() > 0);
        assertEquals(PipCorner.BOTTOM_RIGHT, fx(() -> screen.selfView().corner()));
        robot.drag(fx(() -> screen.selfView().tile())).moveBy(-700, -400).release(javafx.scene.input.MouseButton.PRIMARY);
        awaitFx("top left", () -> screen.selfView().corner() == PipCorner.TOP_LEFT);
        awaitFx("settled at the margin", () -> screen.selfView().tile().getLayoutX() == SelfView.MARGIN);
    }

    @Test
    void theGearOpensTheDeviceMenuWithCameraMicrophoneAndSpeaker(FxRobot robot) throws Exception {
        open(server.uri());
        DeviceMenu gear = fx(() -> robot.lookup(".device-menu").queryAs(DeviceMenu.class));
        robot.clickOn(gear);
        awaitFx("the menu", () -> gear.menu().isShowing());
        assertEquals(List.of("Camera", "Microphone", "Speaker"),
                fx(() -> gear.menu().getItems().stream().filter(i -> i.isVisible()).map(i -> i.getText()).toList()));
        // This machine has no camera: the menu says so instead of being empty.
        javafx.scene.control.Menu cameras = (javafx.scene.control.Menu) fx(() -> gear.menu().getItems().get(0));
        awaitFx("the listing", () -> !cameras.getItems().isEmpty());
        assertEquals("None found", fx(() -> cameras.getItems().get(0).getText()));
        fx(() -> {
            gear.menu().hide();
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
        awaitFx("the peer's picture", () -> screen.remoteView().hasPicture());
        robot.type(KeyCode.I);
        robot.type(KeyCode.C);
        awaitFx("chat and statistics open", () -> screen.chatPanel().isVisible() && screen.statsOverlay().isVisible());

        List<String> walk = AccessibilityAudit.assertTabWalksInReadingOrder(robot, screen);

        assertTrue(walk.containsAll(List.of("Mute microphone", "Stop camera", "Choose camera, microphone and speaker",
                "Close chat", "Hide connection statistics", "Fullscreen", "Keyboard shortcuts", "Hang up",
                "Chat message", "Send")), walk.toString());
        assertEquals("Video of the other person", fx(() -> screen.remoteView().getAccessibleText()));
        assertEquals("Your camera (mirrored)", fx(() -> screen.selfView().tile().getAccessibleText()));
    }

    @Test
    void everyControlWhileWaitingHasANameAndTabWalksThemInReadingOrder(FxRobot robot) throws Exception {
        open(server.uri());
        awaitFx("waiting", () -> screen.model().phase().get() == CallPhase.WAITING);
        List<String> walk = AccessibilityAudit.assertTabWalksInReadingOrder(robot, screen);
        assertTrue(walk.contains("Link for the other person’s browser"), walk.toString());
    }

    @Test
    void eachCallButtonSaysWhatPressingItWouldDo(FxRobot robot) throws Exception {
        open(server.uri());
        ControlBar bar = fx(() -> screen.controlBar());
        assertEquals("Mute microphone", fx(() -> bar.microphoneButton().getAccessibleText()));
        assertEquals("Stop camera", fx(() -> bar.cameraButton().getAccessibleText()));
        assertEquals("Open chat", fx(() -> bar.chatButton().getAccessibleText()));
        assertEquals("Show connection statistics", fx(() -> bar.button("control-stats").getAccessibleText()));
        assertEquals("Shortcut: M", fx(() -> bar.microphoneButton().getAccessibleHelp()));

        robot.type(KeyCode.M);
        robot.type(KeyCode.V);
        robot.type(KeyCode.I);
        awaitFx("muted", () -> !screen.model().microphoneOn().get());

        assertEquals("Unmute microphone", fx(() -> bar.microphoneButton().getAccessibleText()));
        assertEquals("Start camera", fx(() -> bar.cameraButton().getAccessibleText()));
        assertEquals("Hide connection statistics", fx(() -> bar.button("control-stats").getAccessibleText()));

        robot.interact(() -> bar.microphoneButton().requestFocus());
        robot.type(KeyCode.SPACE);
        awaitFx("unmuted from the keyboard", () -> screen.model().microphoneOn().get());
        assertEquals("Mute microphone", fx(() -> bar.microphoneButton().getAccessibleText()));
    }

    @Test
    void theControlTheKeyboardReachesWearsAVisibleRing(FxRobot robot) throws Exception {
        open(server.uri());
        ControlBar bar = fx(() -> screen.controlBar());
        robot.interact(() -> bar.microphoneButton().requestFocus());
        robot.type(KeyCode.TAB);
        javafx.scene.control.Button camera = fx(bar::cameraButton);
        awaitFx("Tab moved on to the camera button", camera::isFocused);
        WaitForAsyncUtils.waitForFxEvents();

        javafx.scene.layout.Border ring = fx(camera::getBorder);
        assertTrue(ring != null && !ring.getStrokes().isEmpty(), "a ring around the focused button");
        assertEquals(javafx.scene.paint.Color.web("#5cc8a8"), ring.getStrokes().get(0).getTopStroke());
        assertTrue(ring.getStrokes().get(0).getWidths().getTop() >= 2, "thick enough to see");
        javafx.scene.layout.Border unfocused = fx(() -> bar.microphoneButton().getBorder());
        assertTrue(unfocused == null || unfocused.getStrokes().isEmpty(), "only the focused control wears it");
    }

    @Test
    void shortcutsNeverFireWhileTypingInTheChat(FxRobot robot) throws Exception {
        open(server.uri());
        Peer peer = peer("peer");
        peer.awaitChatOpen();
        awaitFx("chat available", () -> screen.model().chat().available().get());
        robot.type(KeyCode.C);
        awaitFx("typing in the chat", () -> screen.chatPanel().input().isFocused());

        robot.write("mvcifh?MVCIFH");

        assertEquals("mvcifh?MVCIFH", fx(() -> screen.chatPanel().input().getText()));
        assertTrue(fx(() -> screen.model().microphoneOn().get()), "M");
        assertTrue(fx(() -> screen.model().cameraOn().get()), "V");
        assertTrue(fx(() -> screen.chatPanel().isVisible()), "C");
        assertFalse(fx(() -> screen.model().statsVisible().get()), "I");
        assertFalse(fx(() -> stage.isFullScreen()), "F");
        assertFalse(fx(() -> screen.model().helpVisible().get()), "H and ?");
        assertEquals(0, leaves.get());
    }

    @Test
    void theHelpOverlayListsEveryShortcut() throws Exception {
        open(server.uri());
        List<String> listed = fx(() -> screen.helpOverlay().lookupAll(".key-cap").stream()
                .map(n -> ((javafx.scene.control.Label) n).getText()).toList());
        assertEquals(java.util.Arrays.stream(dev.roomcall.app.call.CallAction.values())
                .map(dev.roomcall.app.call.CallAction::keys).toList(), listed);
    }

    @Test
    void statusChangesAreAnnouncedToScreenReaders() throws Exception {
        open(server.uri());
        awaitFx("waiting announced", () -> screen.announcer().announced()
                .contains("Waiting for someone to open the link…"));
        Peer peer = peer("peer");
        awaitFx("connected announced", () -> screen.announcer().announced().contains("Connected"));
        peer.close();
        awaitFx("peer left announced", () -> screen.announcer().announced()
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
        Peer peer = peer("peer");
        awaitFx("connected", () -> screen.model().phase().get() == CallPhase.CONNECTED);

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
        awaitFx("connected", () -> screen.model().phase().get() == CallPhase.CONNECTED);
        assertEquals(List.of(), shown);
    }

    // ------------------------------------------------------------------ helpers

    private void open(URI signaling) throws Exception {
        CallOptions options = new CallOptions(signaling, room, Role.AUTO, List.of());
        fx(() -> {
            screen = new CallScreen(TestEngine.get(), options, "http://127.0.0.1/#" + room, leaves::incrementAndGet);
            stage.titleProperty().bind(screen.titleProperty());
            root.getChildren().setAll(screen);
            return null;
        });
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
