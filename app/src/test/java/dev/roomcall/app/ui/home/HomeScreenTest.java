package dev.roomcall.app.ui.home;

import dev.roomcall.app.ui.AccessibilityAudit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.app.CallRuntime;
import dev.roomcall.app.call.CallOptions;
import dev.roomcall.app.i18n.I18n;
import dev.roomcall.app.settings.RecentRoom;
import dev.roomcall.app.settings.RecentRooms;
import dev.roomcall.app.settings.Settings;
import dev.roomcall.app.settings.SettingsStore;
import dev.roomcall.app.ui.Screenshots;
import dev.roomcall.app.ui.TestRuntimes;
import dev.roomcall.server.ServerConfig;
import dev.roomcall.server.SignalingServer;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.image.ImageView;
import javafx.scene.image.WritableImage;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The home screen on a real runtime (built-in server, shared engine), driven as a person would. */
@ExtendWith(ApplicationExtension.class)
class HomeScreenTest {

    private static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    private static CallRuntime runtime;
    private static SignalingServer otherServer;

    @TempDir
    Path dir;

    private SettingsStore store;
    private static volatile SettingsStore currentStore;
    private final List<CallOptions> calls = new CopyOnWriteArrayList<>();
    private final StackPane root = new StackPane();
    private HomeScreen home;

    @BeforeAll
    static void startRuntime() throws Exception {
        I18n.setLocale(Locale.ENGLISH);
        // The runtime reads the settings from the store the screen under test saves to, as in the app.
        runtime = TestRuntimes.start(() -> currentStore == null ? Settings.defaults() : currentStore.settings());
        otherServer = SignalingServer.start(ServerConfig.builder().host("127.0.0.1").port(0).build());
    }

    @AfterAll
    static void stopRuntime() {
        runtime.close();
        otherServer.close();
    }

    @AfterEach
    void forgetServerChoice() {
        currentStore = null;
    }

    @Start
    void start(Stage stage) {
        store = new SettingsStore(dir.resolve(SettingsStore.FILE_NAME));
        currentStore = store;
        Scene scene = new Scene(root, 1000, 720);
        scene.getStylesheets().add(HomeScreen.class.getResource("/dev/roomcall/app/ui/roomcall.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
        showHome();
    }

    private void showHome() {
        home = new HomeScreen(store, new HomeScreen.Actions() {
            @Override
            public void call(CallOptions call) {
                calls.add(call);
            }

            @Override
            public void openSettings() {
            }
        }, ServerProbe::reachable, Clock.fixed(NOW, ZoneOffset.UTC));
        home.ready(runtime);
        root.getChildren().setAll(home);
    }

    @Test
    void aNewRoomShowsItsCodeAndLinkWithCopyButtonsAndAQrCodeBeforeTheCallStarts(FxRobot robot) throws Exception {
        robot.clickOn("#newRoom");

        String code = robot.lookup("#shareRoomCode").queryAs(Label.class).getText();
        assertTrue(code.matches("[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{4}-[0-9a-hjkmnp-tv-z]{5}"), code);
        String link = robot.lookup("#shareLink").queryAs(TextField.class).getText();
        URI uri = URI.create(link);
        assertEquals("https", uri.getScheme(), "the built-in server's link is https, for the camera elsewhere");
        assertEquals(runtime.server().orElseThrow().getPort(), uri.getPort());
        assertEquals("Certificate (SHA-256): " + runtime.serverFingerprint().orElseThrow(),
                robot.lookup("#shareFingerprint").queryAs(Label.class).getText(), "shown beside the link");
        assertEquals(code, uri.getFragment());
        WritableImage qr = (WritableImage) robot.lookup("#qrCode").queryAs(ImageView.class).getImage();
        assertEquals(link, QrCodeTest.scan(qr));
        assertTrue(calls.isEmpty(), "the person shares first; the call starts when they say so");

        robot.clickOn("#copyLink");
        assertEquals(link, clipboard());
        assertEquals("Copied ✓", robot.lookup("#copyLink").queryAs(Button.class).getText());
        robot.clickOn("#copyCode");
        assertEquals(code, clipboard());

        Screenshots.save(WaitForAsyncUtils.asyncFx(() -> Screenshots.take(root.getScene())).get(), "home-new-room");
        robot.clickOn("#startCall");
        assertEquals(1, calls.size());
        assertEquals(code, calls.get(0).room());
        assertEquals(runtime.serverFor(Settings.BUILT_IN_SERVER), calls.get(0).server());
    }

    @Test
    void theQrCodeOnScreenScansFromAPictureOfTheWholeWindow(FxRobot robot) throws Exception {
        robot.clickOn("#newRoom");
        String link = robot.lookup("#shareLink").queryAs(TextField.class).getText();
        WritableImage window = WaitForAsyncUtils.asyncFx(() -> Screenshots.take(root.getScene())).get();
        assertEquals(link, QrCodeTest.scan(window));
    }

    @Test
    void backFromSharingReturnsToTheChoices(FxRobot robot) {
        robot.clickOn("#newRoom");
        robot.clickOn("#cancelShare");
        assertTrue(robot.lookup("#newRoom").tryQuery().isPresent());
        assertFalse(robot.lookup("#shareLink").tryQuery().isPresent());
    }

    @Test
    void joiningByATypedCodeUsesTheCodeInItsCanonicalForm(FxRobot robot) {
        robot.clickOn("#joinInput").write("ABCD EFGH JKMNP");
        robot.clickOn("#joinButton");

        assertEquals(1, calls.size());
        assertEquals("abcd-efgh-jkmnp", calls.get(0).room());
        assertEquals(runtime.serverFor(Settings.BUILT_IN_SERVER), calls.get(0).server());
    }

    @Test
    void joiningByAPastedLinkUsesTheRoomAndServerOfTheLink(FxRobot robot) {
        String link = "http://127.0.0.1:" + otherServer.port() + "/#c0ffee";
        robot.interact(() -> field(robot, "#joinInput").setText(link));
        robot.clickOn("#joinButton");

        awaitCalls(1);
        assertEquals("c0ffee", calls.get(0).room());
        assertEquals(URI.create("ws://127.0.0.1:" + otherServer.port() + "/"), calls.get(0).server());
    }

    @Test
    void badInputIsExplainedBesideTheFieldAndStartsNothing(FxRobot robot) {
        robot.clickOn("#joinButton");
        Label error = robot.lookup("#joinError").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertEquals("Enter a room code or paste a link first.", error.getText());

        robot.clickOn("#joinInput").write("not a room!");
        assertFalse(error.isVisible(), "typing again clears the old complaint");
        robot.clickOn("#joinButton");
        assertTrue(error.isVisible());
        assertTrue(error.getText().startsWith("That is not a room code or a room link."), error.getText());

        robot.interact(() -> field(robot, "#joinInput").setText("ftp://example.org/#abc"));
        robot.clickOn("#joinButton");
        assertTrue(error.getText().startsWith("This link does not lead to a Roomcall server"), error.getText());
        assertTrue(calls.isEmpty());
    }

    @Test
    void anUnreachableServerIsReportedInWordsBesideTheServerField(FxRobot robot) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        robot.interact(() -> field(robot, "#serverInput").setText("ws://127.0.0.1:" + closedPort));
        robot.clickOn("#joinInput").write("c0ffee");
        robot.clickOn("#joinButton");

        Label error = robot.lookup("#serverError").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, error::isVisible);
        assertEquals("Can’t reach 127.0.0.1:" + closedPort + ". Check the address, and that the server is running.",
                error.getText());
        assertTrue(calls.isEmpty());
        assertFalse(robot.lookup("#joinButton").queryAs(Button.class).isDisabled(), "the person can try again");
    }

    @Test
    void aMalformedServerAddressIsExplained(FxRobot robot) {
        robot.interact(() -> field(robot, "#serverInput").setText("ftp://example.org"));
        robot.clickOn("#newRoom");
        Label error = robot.lookup("#serverError").queryAs(Label.class);
        assertTrue(error.isVisible());
        assertEquals("A server address starts with ws://, wss://, http:// or https://.", error.getText());
    }

    @Test
    void aServerTypedForAJoinIsRememberedForNextTime(FxRobot robot) throws Exception {
        String server = "ws://127.0.0.1:" + otherServer.port();
        robot.interact(() -> field(robot, "#serverInput").setText(server));
        robot.clickOn("#joinInput").write("c0ffee");
        robot.clickOn("#joinButton");

        awaitCalls(1);
        assertEquals(URI.create(server + "/"), calls.get(0).server());
        assertEquals(server, store.settings().server());
        assertEquals(server, new SettingsStore(store.file()).settings().server(), "persisted, not only in memory");
    }

    @Test
    void recentRoomsAreListedNewestFirstAndAClickJoinsAgain(FxRobot robot) {
        store.save(RecentRooms.empty()
                .with(new RecentRoom("abcd-efgh-jkmnp", "", NOW.minusSeconds(2 * 86400)))
                .with(new RecentRoom("c0ffee", "", NOW.minusSeconds(300))));
        robot.interact(this::showHome);

        List<Node> rows = List.copyOf(robot.lookup("#recentList").queryAs(VBox.class).getChildren());
        assertEquals(2, rows.size());
        assertEquals(List.of("c0ffee", "abcd-efgh-jkmnp"),
                rows.stream().map(r -> ((RecentRoom) r.getUserData()).room()).toList());
        assertTrue(texts(rows.get(0)).containsAll(List.of("c0ffee", "this computer", "5 min ago")), texts(rows.get(0)).toString());
        assertTrue(texts(rows.get(1)).contains("2 days ago"));

        robot.clickOn(rows.get(1));
        assertEquals(1, calls.size());
        assertEquals("abcd-efgh-jkmnp", calls.get(0).room());
    }

    @Test
    void clearingRecentRoomsForgetsThemForGood(FxRobot robot) {
        store.save(RecentRooms.empty().with(new RecentRoom("c0ffee", "", NOW)));
        robot.interact(this::showHome);

        robot.clickOn("#clearRecent");

        assertTrue(store.recentRooms().isEmpty());
        assertTrue(new SettingsStore(store.file()).recentRooms().isEmpty());
        List<Node> rows = robot.lookup("#recentList").queryAs(VBox.class).getChildren();
        assertEquals(1, rows.size());
        assertEquals("Rooms you start or join appear here.", ((Label) rows.get(0)).getText());
    }

    @Test
    void nothingCanBeStartedBeforeTheRuntimeIsReadyAndAFailureIsSaidInWords(FxRobot robot) {
        robot.interact(() -> home.starting());
        assertTrue(robot.lookup("#newRoom").queryAs(Button.class).isDisabled());
        assertTrue(robot.lookup("#joinButton").queryAs(Button.class).isDisabled());
        assertEquals("Starting camera and microphone…", robot.lookup("#homeStatus").queryAs(Label.class).getText());

        robot.interact(() -> home.failed("The built-in server could not start. Port 3000 is in use."));
        assertTrue(robot.lookup("#newRoom").queryAs(Button.class).isDisabled());
        Label status = robot.lookup("#homeStatus").queryAs(Label.class);
        assertEquals("The built-in server could not start. Port 3000 is in use.", status.getText());
        assertTrue(status.getStyleClass().contains("error"));
    }

    @Test
    void theFirstFrameWaitsForNoTooltipOrSpinnerAndTheyComeRightAfterIt(FxRobot robot) throws Exception {
        store.save(RecentRooms.empty().with(new RecentRoom("c0ffee", "", NOW)));
        HomeScreen fresh = WaitForAsyncUtils.asyncFx(() -> new HomeScreen(store, new HomeScreen.Actions() {
            @Override
            public void call(CallOptions call) {
            }

            @Override
            public void openSettings() {
            }
        }, ServerProbe::reachable, Clock.fixed(NOW, ZoneOffset.UTC))).get();
        List<String> tips = List.of("#newRoom", "#joinButton", "#serverInput", "#settingsButton", "#clearRecent",
                ".recent-row");
        assertEquals(List.of("", "", "", "", "", ""), WaitForAsyncUtils.asyncFx(() -> tooltips(fresh, tips)).get(),
                "no tooltip is built before the first frame");
        assertTrue(WaitForAsyncUtils.asyncFx(() -> fresh.lookup("#homeSpinner") == null).get(), "nor the spinner");

        robot.interact(() -> root.getChildren().setAll(fresh));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(
                () -> fresh.lookup("#homeSpinner") != null && !tooltips(fresh, tips).contains("")).get());

        I18n.Bundle words = I18n.bundle(HomeScreen.BUNDLE);
        assertEquals(List.of(words.text("new.tooltip"), words.text("join.tooltip"), words.text("server.hint"),
                words.text("settings.tooltip"), words.text("recent.clear.tooltip"), words.text("recent.tooltip", "c0ffee")),
                WaitForAsyncUtils.asyncFx(() -> tooltips(fresh, tips)).get());
        assertTrue(robot.lookup("#homeSpinner").query().getParent().isVisible(), "the runtime still starts: the spinner turns");
        robot.interact(() -> fresh.ready(runtime));
        assertFalse(robot.lookup("#homeSpinner").query().getParent().isVisible(), "ready: no spinner");
    }

    /** The tooltips' texts ("" for none); a scroll pane's content is found before its skin makes it a child. */
    private static List<String> tooltips(HomeScreen screen, List<String> ids) {
        Node body = ((javafx.scene.control.ScrollPane) screen.getCenter()).getContent();
        return ids.stream().map(id -> screen.lookup(id) != null ? screen.lookup(id) : body.lookup(id))
                .map(control -> ((javafx.scene.control.Control) control).getTooltip())
                .map(tip -> tip == null ? "" : tip.getText()).toList();
    }

    private static TextField field(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TextField.class);
    }

    private void awaitCalls(int count) {
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> calls.size() >= count);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("expected " + count + " call(s), got " + calls, e);
        }
    }

    private static List<String> texts(Node row) {
        return row.lookupAll(".label").stream().map(n -> ((Label) n).getText()).toList();
    }

    private static String clipboard() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get();
    }

    // ------------------------------------------------------------------ screen readers and keyboard

    @Test
    void everyControlOnTheHomeScreenHasANameAndTabWalksThemInReadingOrder(FxRobot robot) throws Exception {
        List<String> walk = AccessibilityAudit.assertTabWalksInReadingOrder(robot, home);
        assertTrue(walk.contains("New room"), walk.toString());
    }

    @Test
    void everyControlOfANewRoomHasANameAndTabWalksThemInReadingOrder(FxRobot robot) throws Exception {
        robot.clickOn("#newRoom");
        List<String> walk = AccessibilityAudit.assertTabWalksInReadingOrder(robot, home);
        assertTrue(walk.stream().anyMatch(n -> n.startsWith("Copy")), walk.toString());
    }

}
