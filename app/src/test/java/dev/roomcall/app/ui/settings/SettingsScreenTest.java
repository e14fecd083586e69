package dev.roomcall.app.ui.settings;

import dev.roomcall.app.ui.AccessibilityAudit;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.app.i18n.I18n;
import dev.roomcall.app.settings.DevicePreferences;
import dev.roomcall.app.settings.IceServerSetting;
import dev.roomcall.app.settings.Language;
import dev.roomcall.app.settings.Resolution;
import dev.roomcall.app.settings.Settings;
import dev.roomcall.app.settings.SettingsStore;
import dev.roomcall.app.ui.Screenshots;
import dev.roomcall.media.local.DeviceInfo;
import dev.roomcall.media.local.DeviceListing;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
class SettingsScreenTest {

    private static final DeviceListing DESK = new DeviceListing(
            List.of(new DeviceInfo("Integrated Webcam", "/dev/video0"), new DeviceInfo("USB Camera C920", "usb-c920")),
            List.of(new DeviceInfo("Built-in Microphone", "mic-0"), new DeviceInfo("Headset Microphone", "mic-1")),
            List.of(new DeviceInfo("Speakers", "spk-0"), new DeviceInfo("Headset", "spk-1")), true, true);

    private static final Settings SAVED = new Settings("ws://10.0.0.7:3000",
            new DevicePreferences("usb-c920", "", "spk-1"), Resolution.HD,
            List.of(new IceServerSetting("stun:stun.example.org:3478", "", "")), Language.SYSTEM);

    @TempDir
    Path dir;

    private final StackPane root = new StackPane();
    private final AtomicReference<Settings> saved = new AtomicReference<>();
    private final AtomicInteger cancelled = new AtomicInteger();

    @BeforeAll
    static void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    @Start
    void start(Stage stage) {
        Scene scene = new Scene(root, 1040, 760);
        scene.getStylesheets().add(SettingsScreen.class.getResource("/dev/roomcall/app/ui/roomcall.css").toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    private void show(FxRobot robot, Settings settings, Supplier<DeviceListing> devices) {
        robot.interact(() -> root.getChildren().setAll(
                new SettingsScreen(settings, true, devices, saved::set, cancelled::incrementAndGet)));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void showsWhatIsSavedAndSavesWhatIsChangedForTheNextLaunch(FxRobot robot) throws Exception {
        show(robot, SAVED, () -> DESK);
        awaitDevices(robot);
        assertEquals("ws://10.0.0.7:3000", field(robot, "#settingsServer").getText());
        assertEquals("USB Camera C920", combo(robot, "#camera").getValue().label());
        assertEquals("System default", combo(robot, "#microphone").getValue().label());
        assertEquals("Headset", combo(robot, "#speaker").getValue().label());
        assertEquals("stun:stun.example.org:3478", ((TextField) robot.lookup(".ice-url").query()).getText());
        assertFalse(robot.lookup("#relayOnly").queryAs(CheckBox.class).isSelected());
        screenshot(robot, SAVED, "settings");

        robot.interact(() -> {
            field(robot, "#settingsServer").setText("");
            combo(robot, "#microphone").getSelectionModel().select(2);
            choice(robot, "#resolution").setValue(Resolution.VGA);
            choice(robot, "#language").setValue(Language.SIMPLIFIED_CHINESE);
        });
        robot.clickOn("#addIce");
        List<Node> urls = nodes(robot, ".ice-url");
        robot.interact(() -> ((TextField) urls.get(1)).setText("turn:turn.example.org:3478?transport=tcp"));
        robot.clickOn(nodes(robot, ".ice-username").get(1)).write("ann");
        robot.clickOn(nodes(robot, ".ice-credential").get(1)).write("s3cret");
        robot.interact(() -> robot.lookup("#relayOnly").queryAs(CheckBox.class).fire());
        robot.clickOn("#saveSettings");

        Settings expected = new Settings(Settings.BUILT_IN_SERVER, new DevicePreferences("usb-c920", "mic-1", "spk-1"),
                Resolution.VGA, List.of(new IceServerSetting("stun:stun.example.org:3478", "", ""),
                        new IceServerSetting("turn:turn.example.org:3478?transport=tcp", "ann", "s3cret")),
                Language.SIMPLIFIED_CHINESE, true);
        assertEquals(expected, saved.get());

        Path file = dir.resolve(SettingsStore.FILE_NAME);
        new SettingsStore(file).save(saved.get());
        assertEquals(expected, new SettingsStore(file).settings(), "what the screen saves survives a restart");
    }

    @Test
    void badServerAndStunTurnEntriesAreExplainedAndNothingIsSaved(FxRobot robot) {
        show(robot, Settings.defaults(), () -> DESK);
        robot.interact(() -> field(robot, "#settingsServer").setText("ftp://example.org"));
        robot.clickOn("#addIce");
        robot.interact(() -> ((TextField) robot.lookup(".ice-url").query()).setText("http://stun.example.org"));
        robot.clickOn("#addIce");
        robot.interact(() -> ((TextField) nodes(robot, ".ice-url").get(1)).setText("turn:turn.example.org"));
        robot.clickOn("#saveSettings");

        assertNull(saved.get());
        assertEquals("A server address starts with ws://, wss://, http:// or https://.",
                robot.lookup("#settingsServerError").queryAs(Label.class).getText());
        List<String> errors = robot.lookup(".ice-error").queryAll().stream()
                .map(n -> ((Label) n).getText()).toList();
        assertEquals(List.of("A STUN/TURN address starts with stun:, turn: or turns:.",
                "A TURN server needs a username and a credential."), errors);

        robot.clickOn(nodes(robot, ".ice-remove").get(1));
        robot.interact(() -> {
            field(robot, "#settingsServer").setText("");
            ((TextField) robot.lookup(".ice-url").query()).setText("stun:stun.example.org");
        });
        robot.clickOn("#saveSettings");
        assertEquals(List.of(new IceServerSetting("stun:stun.example.org", "", "")), saved.get().iceServers());
    }

    @Test
    void theRelayOnlySwitchShowsTheSavedChoiceAndCanBeTurnedOff(FxRobot robot) {
        show(robot, SAVED.withRelayOnly(true), () -> DESK);
        CheckBox relayOnly = robot.lookup("#relayOnly").queryAs(CheckBox.class);
        assertTrue(relayOnly.isSelected());
        assertEquals("Relay-only calls (TURN)", relayOnly.getText());
        robot.clickOn(relayOnly);
        robot.clickOn("#saveSettings");
        assertEquals(SAVED, saved.get());
    }

    @Test
    void aBlankStunTurnRowIsDroppedNotComplainedAbout(FxRobot robot) {
        show(robot, Settings.defaults(), () -> DESK);
        robot.clickOn("#addIce");
        robot.clickOn("#saveSettings");
        assertEquals(List.of(), saved.get().iceServers());
    }

    @Test
    void devicesAreListedOffTheFxThreadAndAMissingCameraIsSaidInWords(FxRobot robot) throws Exception {
        CountDownLatch platformAnswers = new CountDownLatch(1);
        AtomicBoolean askedOnFxThread = new AtomicBoolean();
        show(robot, Settings.defaults(), () -> {
            askedOnFxThread.set(javafx.application.Platform.isFxApplicationThread());
            await(platformAnswers);
            return new DeviceListing(List.of(), DESK.microphones(), DESK.speakers(), true, true);
        });
        ComboBox<DeviceChooser.Choice> camera = combo(robot, "#camera");
        assertTrue(camera.isDisabled());
        assertEquals("Looking for devices…", shown(camera));

        platformAnswers.countDown();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !combo(robot, "#microphone").isDisabled());
        assertFalse(askedOnFxThread.get(), "a slow device query must not freeze the window");
        assertTrue(camera.isDisabled());
        assertEquals("No camera found", shown(camera));
        assertEquals(List.of("System default", "Built-in Microphone", "Headset Microphone"),
                combo(robot, "#microphone").getItems().stream().map(DeviceChooser.Choice::label).toList());
        assertEquals("Camera, microphone, speaker and resolution apply from the next call.",
                robot.lookup("#deviceNote").queryAs(Label.class).getText());
    }

    @Test
    void aSilentAudioSystemIsNamedAndAnUnpluggedFavouriteIsKept(FxRobot robot) throws Exception {
        Settings withFavourite = Settings.defaults().withDevices(new DevicePreferences("usb-c920", "mic-9", ""));
        show(robot, withFavourite, () -> new DeviceListing(List.of(new DeviceInfo("Integrated Webcam", "/dev/video0")),
                List.of(), List.of(), true, false));
        awaitDevices(robot);

        assertEquals("usb-c920 (not connected)", combo(robot, "#camera").getValue().label());
        assertEquals("The audio system did not answer", shown(combo(robot, "#speaker")));
        robot.clickOn("#saveSettings");
        assertEquals(new DevicePreferences("usb-c920", "mic-9", ""), saved.get().devices(),
                "preferences survive a day without the device");
    }

    @Test
    void cancelLeavesEverythingAsItWas(FxRobot robot) {
        show(robot, SAVED, () -> DESK);
        robot.interact(() -> field(robot, "#settingsServer").setText("ws://elsewhere:1"));
        robot.clickOn("#cancelSettings");
        assertEquals(1, cancelled.get());
        assertNull(saved.get());
    }

    /**
     * Saves a picture of a settings screen in a scene of its own, taller than the test screen so every section is in
     * it (a scene outside any window is laid out and drawn on demand).
     */
    private static void screenshot(FxRobot robot, Settings settings, String name) throws Exception {
        Scene scene = WaitForAsyncUtils.asyncFx(() -> {
            Scene own = new Scene(new SettingsScreen(settings, true, () -> DESK, s -> { }, () -> { }), 1040, 880);
            own.getStylesheets().add(SettingsScreen.class.getResource("/dev/roomcall/app/ui/roomcall.css").toExternalForm());
            own.getRoot().applyCss();
            own.getRoot().layout();
            return own;
        }).get();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !scene.getRoot().lookup("#camera").isDisabled());
        Screenshots.save(WaitForAsyncUtils.asyncFx(() -> Screenshots.take(scene)).get(), name);
    }

    private static void awaitDevices(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !combo(robot, "#camera").getItems().isEmpty()
                || !"Looking for devices…".equals(shown(combo(robot, "#camera"))));
    }

    /** What a closed picker shows: its value, or the words standing in for one. */
    private static String shown(ComboBox<DeviceChooser.Choice> box) {
        ListCell<DeviceChooser.Choice> cell = box.getButtonCell();
        return cell.getText();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<Node> nodes(FxRobot robot, String selector) {
        return List.copyOf(robot.lookup(selector).<Node>queryAll());
    }

    private static TextField field(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(TextField.class);
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<DeviceChooser.Choice> combo(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ComboBox.class);
    }

    @SuppressWarnings("unchecked")
    private static <T> ChoiceBox<T> choice(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(ChoiceBox.class);
    }


    // ------------------------------------------------------------------ screen readers and keyboard

    @Test
    void everySettingHasANameAndTabWalksThemInReadingOrder(FxRobot robot) throws Exception {
        show(robot, SAVED, () -> DESK);
        awaitDevices(robot);
        List<String> walk = AccessibilityAudit.assertTabWalksInReadingOrder(robot, (javafx.scene.Parent) root.getChildren().get(0));
        assertTrue(walk.contains("Chime volume"), walk.toString());
    }

    @Test
    void theNameOthersSeeIsTypedSavedAndBoundedWithTheAccountsNameAsItsPrompt(FxRobot robot) throws Exception {
        show(robot, SAVED, () -> DESK);
        TextField name = field(robot, "#displayName");
        assertEquals("", name.getText(), "nothing chosen yet");
        assertEquals(dev.roomcall.app.settings.DisplayName.ofAccount(), name.getPromptText());
        robot.clickOn(name).write("Ana Lima");
        robot.clickOn("#saveSettings");
        assertEquals("Ana Lima", saved.get().displayName());
        Path file = dir.resolve(SettingsStore.FILE_NAME);
        new SettingsStore(file).save(saved.get());
        assertEquals("Ana Lima", new SettingsStore(file).settings().displayName(), "survives a restart");

        robot.interact(() -> name.setText("n".repeat(64)));
        robot.interact(() -> name.appendText("more"));
        assertEquals(64, name.getText().length(), "no longer than a display name may be");
    }

    @Test
    void theChimeCanBeSwitchedOffOrMadeQuieter(FxRobot robot) throws Exception {
        show(robot, SAVED, () -> DESK);
        awaitDevices(robot);
        CheckBox chime = robot.lookup("#chime").queryAs(CheckBox.class);
        assertTrue(chime.isSelected(), "on by default");
        robot.interact(() -> robot.lookup("#chimeVolume").queryAs(javafx.scene.control.Slider.class).setValue(30));
        robot.clickOn("#saveSettings");
        assertEquals(0.3, saved.get().chimeVolume(), 1e-9);

        // The page scrolls: bring the switch into view as a person would, then click it.
        robot.interact(() -> robot.lookup(".home-scroll").queryAs(javafx.scene.control.ScrollPane.class).setVvalue(1));
        robot.clickOn(chime);
        assertTrue(robot.lookup("#chimeVolume").query().isDisabled(), "no volume while off");
        robot.clickOn("#saveSettings");
        assertEquals(0, saved.get().chimeVolume(), "off is volume 0");
    }

    @Test
    void theScreenSharingSizeShowsTheSavedChoiceAndSavesAnother(FxRobot robot) {
        show(robot, SAVED.withShareSize(dev.roomcall.app.settings.ShareSize.HD), () -> DESK);
        assertEquals(dev.roomcall.app.settings.ShareSize.HD, choice(robot, "#shareSize").getValue());
        robot.interact(() -> choice(robot, "#shareSize").setValue(dev.roomcall.app.settings.ShareSize.QHD));
        robot.clickOn("#saveSettings");
        assertEquals(SAVED.withShareSize(dev.roomcall.app.settings.ShareSize.QHD), saved.get());
    }
}
