package dev.roomcall.app.ui.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.app.call.CallEvent;
import dev.roomcall.app.i18n.I18n;
import dev.roomcall.app.presentation.FakeShareControls;
import dev.roomcall.app.presentation.ShareModel;
import dev.roomcall.media.screen.ScreenListing;
import dev.roomcall.media.screen.ScreenSource;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The share picker and the sharing bar, clicked as a person would (Monocle, headless). */
@ExtendWith(ApplicationExtension.class)
class SharePickerTest {

    private static final ScreenSource SCREEN = new ScreenSource(ScreenSource.Kind.SCREEN, 1, "Screen 1", 0, 0, 1920, 1080);
    private static final ScreenSource NOTES = new ScreenSource(ScreenSource.Kind.WINDOW, 3, "notes.txt", 0, 0, 800, 600);
    private static final ScreenSource OWN = new ScreenSource(ScreenSource.Kind.WINDOW, 4, "Roomcall · call", 0, 0, 800, 600);

    private final FakeShareControls controls = new FakeShareControls(ScreenListing.of(List.of(SCREEN, NOTES, OWN)));
    private ShareModel model;
    private SharePicker picker;
    private SharingBar bar;
    private Region overlay;
    private Locale before;

    @Start
    void start(Stage stage) {
        before = I18n.locale();
        I18n.setLocale(Locale.ENGLISH);
        model = new ShareModel(controls, Set::of, Map.of("DISPLAY", ":0", "WAYLAND_DISPLAY", "wayland-0"));
        picker = new SharePicker(model);
        bar = new SharingBar(model);
        overlay = new Region();
        overlay.setMaxSize(300, 200);
        StackPane.setAlignment(overlay, javafx.geometry.Pos.TOP_LEFT);
        StackPane.setMargin(overlay, new javafx.geometry.Insets(62, 16, 0, 16));
        bar.keepBelow(overlay);
        StackPane root = new StackPane(bar, overlay, picker);
        root.getStylesheets().add(CallScreen.class.getResource("call.css").toExternalForm());
        stage.setScene(new Scene(root, 900, 640));
        stage.titleProperty().unbind();
        stage.setTitle("Roomcall · call");
        stage.show();
        model.leaveOut(() -> Set.of(stage.getTitle()));
    }

    @AfterEach
    void stop() throws Exception {
        fx(() -> {
            picker.stop();
            return null;
        });
        I18n.setLocale(before);
    }

    @Test
    void thePickerShowsScreensAndWindowsWithLiveThumbnailsButNotRoomcallsOwnWindow(FxRobot robot) throws Exception {
        assertFalse(fx(picker::isVisible));
        fx(() -> {
            model.togglePicker();
            return null;
        });
        assertTrue(fx(picker::isVisible));
        List<String> titles = fx(() -> picker.tiles().stream()
                .map(b -> b.getGraphic().lookupAll(".share-tile-title").stream().map(n -> ((Label) n).getText())
                        .findFirst().orElse("")).toList());
        assertEquals(List.of("Screen 1", "notes.txt"), titles);
        awaitFx("every tile has its thumbnail", () -> picker.tiles().stream()
                .allMatch(b -> ((StackPane) b.getGraphic().lookup(".share-thumbnail")).getChildren().get(0)
                        instanceof ImageView image && image.getImage() != null));
        assertEquals("Window: notes.txt", fx(() -> picker.tiles().get(1).getAccessibleText()));
    }

    @Test
    void onWaylandThePickerSaysWhatCanBeSharedInPlainWords(FxRobot robot) throws Exception {
        controls.listing(new ScreenListing(List.of(NOTES), Optional.of("(media)")));
        fx(() -> {
            model.togglePicker();
            return null;
        });
        String notice = fx(() -> ((Label) picker.lookup(".share-notice")).getText());
        assertTrue(notice.startsWith("Your desktop runs Wayland."), notice);
        assertTrue(fx(() -> picker.lookup(".share-notice").isVisible()));
    }

    @Test
    void choosingATileStartsSharingAndTheBarStaysUntilStop(FxRobot robot) throws Exception {
        fx(() -> {
            model.togglePicker();
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(fx(() -> picker.tiles().get(1)));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(controls.calls.contains("start notes.txt"), controls.calls.toString());
        assertFalse(fx(picker::isVisible), "the picker closes once something is chosen");
        assertFalse(fx(() -> bar.what().getParent().isVisible()), "no bar before the call says sharing started");

        fx(() -> {
            model.accept(new CallEvent.ShareStarted("notes.txt", true, 800, 600));
            return null;
        });
        assertTrue(fx(() -> bar.what().getParent().isVisible()));
        assertEquals("You are sharing notes.txt", fx(() -> bar.what().getText()));
        robot.clickOn(fx(() -> bar.stopButton()));
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(controls.calls.contains("stop"), controls.calls.toString());
    }

    @Test
    void statisticsOpenUnderTheBarSoItsStopStaysInReach(FxRobot robot) throws Exception {
        assertEquals(62, fx(() -> overlay.getBoundsInParent().getMinY()), 0.5, "no bar, no room made");
        fx(() -> {
            model.accept(new CallEvent.ShareStarted("notes.txt", true, 800, 600));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        double barBottom = fx(() -> bar.localToScene(bar.stopButton().getParent().getBoundsInParent()).getMaxY());
        assertTrue(fx(() -> overlay.localToScene(overlay.getLayoutBounds()).getMinY()) > barBottom,
                "the overlay starts below the bar");
        fx(() -> {
            model.accept(new CallEvent.ShareStopped("Sharing stopped."));
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(62, fx(() -> overlay.getBoundsInParent().getMinY()), 0.5, "back up once the bar goes");
    }

    @Test
    void aClosedWindowEndsTheShareWithANoticeInsteadOfTheBar(FxRobot robot) throws Exception {
        fx(() -> {
            model.accept(new CallEvent.ShareStarted("notes.txt", true, 800, 600));
            model.accept(new CallEvent.ShareStopped("The shared window \"notes.txt\" was closed."));
            return null;
        });
        assertFalse(fx(() -> bar.what().getParent().isVisible()));
        assertTrue(fx(() -> bar.notice().getParent().isVisible()));
        assertEquals("Sharing stopped: The shared window \"notes.txt\" was closed.", fx(() -> bar.notice().getText()));
        robot.clickOn(fx(() -> bar.lookup(".share-dismiss")));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(() -> bar.notice().getParent().isVisible()));
    }

    @Test
    void theTextsAreInChineseToo(FxRobot robot) throws Exception {
        I18n.setLocale(Locale.SIMPLIFIED_CHINESE);
        SharingBar chinese = fx(() -> new SharingBar(model));
        fx(() -> {
            model.accept(new CallEvent.ShareStarted("notes.txt", true, 800, 600));
            return null;
        });
        assertEquals("你正在共享 notes.txt", fx(() -> chinese.what().getText()));
        assertEquals("停止", fx(() -> chinese.stopButton().getText()));
    }

    private static <T> T fx(Callable<T> action) throws Exception {
        return WaitForAsyncUtils.asyncFx(action).get(10, TimeUnit.SECONDS);
    }

    private static void awaitFx(String what, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!fx(condition)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within 10 s: " + what);
            }
            Thread.sleep(50);
        }
    }

    static {
        assertNotNull(Platform.class);
    }
}
