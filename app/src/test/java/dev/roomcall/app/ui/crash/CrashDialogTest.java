package dev.roomcall.app.ui.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.roomcall.app.i18n.I18n;
import dev.roomcall.app.support.CrashReport;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The dialog a person sees after a crash: what happened, and the log file to send. */
@ExtendWith(ApplicationExtension.class)
class CrashDialogTest {

    private static final Path LOG = Path.of("/home/ana/.local/state/roomcall/logs/roomcall-20250102-030405-42.log");

    @Start
    void start(Stage stage) {
        // A window with a scene: Monocle cannot disable a scene-less window when a modal dialog opens.
        stage.setScene(new Scene(new StackPane(), 320, 200));
        stage.show();
    }

    @AfterEach
    void english() {
        I18n.setLocale(Locale.ENGLISH);
    }

    private static Alert dialogFor(CrashReport report) throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> CrashDialog.dialog(report)).get(10, TimeUnit.SECONDS);
    }

    @Test
    void aFailedStartSaysSoShowsTheLogPathAndOffersOnlyQuit() throws Exception {
        Alert alert = dialogFor(CrashReport.of(new IllegalStateException("no camera"), Optional.of(LOG), true));

        assertEquals("Roomcall could not continue", alert.getHeaderText());
        TextField path = (TextField) alert.getDialogPane().lookup("#crash-log-path");
        assertEquals(LOG.toString(), path.getText());
        assertEquals(false, path.isEditable());
        assertEquals("Quit", alert.getButtonTypes().stream().map(ButtonType::getText).reduce("", String::concat));
        assertTrue(alert.getDialogPane().getExpandableContent() != null, "the stack trace can be expanded");
    }

    @Test
    void aProblemWhileRunningOffersToContinueInTheChosenLanguage() throws Exception {
        I18n.setLocale(Locale.SIMPLIFIED_CHINESE);
        Alert alert = dialogFor(CrashReport.of(new IllegalStateException("x"), Optional.of(LOG), false));

        assertEquals("Roomcall 遇到了问题", alert.getHeaderText());
        assertEquals("继续", alert.getButtonTypes().get(0).getText());
    }

    @Test
    void aReportFromAnotherThreadIsShownAndClosingItIsNoticed() throws Exception {
        CountDownLatch closed = new CountDownLatch(1);
        boolean shown = new CrashDialog().show(
                CrashReport.of(new IllegalStateException("from a media thread"), Optional.of(LOG), false), closed::countDown);
        assertTrue(shown);
        WaitForAsyncUtils.waitForFxEvents();

        DialogPane pane = WaitForAsyncUtils.asyncFx(() -> Window.getWindows().stream()
                .filter(w -> w.getScene() != null && w.getScene().getRoot() instanceof DialogPane)
                .map(w -> (DialogPane) w.getScene().getRoot())
                .findFirst().orElseThrow()).get(10, TimeUnit.SECONDS);
        assertTrue(pane.getContentText().isEmpty() && pane.lookup("#crash-log-path") != null);
        WaitForAsyncUtils.asyncFx(() -> ((Button) pane.lookupButton(pane.getButtonTypes().get(0))).fire())
                .get(10, TimeUnit.SECONDS);
        assertTrue(closed.await(10, TimeUnit.SECONDS), "onClosed runs when the dialog goes away");
    }
}
