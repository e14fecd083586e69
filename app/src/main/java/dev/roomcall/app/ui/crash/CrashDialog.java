package dev.roomcall.app.ui.crash;

import dev.roomcall.app.i18n.I18n;
import dev.roomcall.app.support.CrashHandler;
import dev.roomcall.app.support.CrashReport;
import dev.roomcall.app.support.CrashReporter;
import dev.roomcall.app.ui.ToolkitStart;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The JavaFX side of crash handling: an error dialog with the message and the log's path. */
public final class CrashDialog implements CrashReporter {

    private static final String BUNDLE = "dev.roomcall.app.ui.crash.crash";

    @Override
    public void prepare(CrashHandler handler) {
        StartFailurePreloader.install(handler);
    }

    @Override
    public boolean show(CrashReport report, Runnable onClosed) {
        if (!ToolkitStart.usable()) {
            // No window can be shown, and Platform.runLater would wait for ever for the start that failed.
            return false;
        }
        if (Platform.isFxApplicationThread() && report.quits()) {
            // A failed start must be shown before the launcher shuts the toolkit down, so block here.
            try {
                dialog(report).showAndWait();
                onClosed.run();
                return true;
            } catch (IllegalStateException duringPulse) {
                // showAndWait is refused during animation or layout; fall through to a later turn.
            }
        }
        try {
            Platform.runLater(() -> {
                Alert alert = dialog(report);
                alert.setOnHidden(e -> onClosed.run());
                alert.show();
            });
            return true;
        } catch (IllegalStateException toolkitNotRunning) {
            return false;
        }
    }

    @Override
    public void quit() {
        Platform.exit();
    }

    static Alert dialog(CrashReport report) {
        ButtonType close = new ButtonType(I18n.text(BUNDLE, report.quits() ? "button.quit" : "button.continue"),
                ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.ERROR, "", close);
        alert.setTitle(I18n.text(BUNDLE, "title"));
        alert.setHeaderText(I18n.text(BUNDLE, report.quits() ? "header.quits" : "header.continues"));

        Label summary = new Label(report.summary());
        summary.setWrapText(true);
        VBox content = new VBox(10, summary);
        if (report.logFile().isPresent()) {
            // A read-only field rather than a label, so the path can be selected and copied.
            TextField path = new TextField(report.logFile().get().toString());
            path.setEditable(false);
            path.setId("crash-log-path");
            content.getChildren().addAll(new Label(I18n.text(BUNDLE, "log.at")), path);
        } else {
            content.getChildren().add(new Label(I18n.text(BUNDLE, "log.console")));
        }
        alert.getDialogPane().setContent(content);

        TextArea details = new TextArea(report.details());
        details.setEditable(false);
        details.setWrapText(false);
        details.setPrefRowCount(14);
        VBox.setVgrow(details, Priority.ALWAYS);
        alert.getDialogPane().setExpandableContent(new VBox(new Label(I18n.text(BUNDLE, "details")), details));
        alert.getDialogPane().setPrefWidth(620);
        return alert;
    }
}
