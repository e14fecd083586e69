package dev.roomcall.app.ui.call;

import dev.roomcall.app.presentation.CallPhase;
import dev.roomcall.app.presentation.CallStatus;
import dev.roomcall.app.presentation.CallViewModel;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The call's state in words, so the remote pane is never a silent black box: a card in the middle while there
 * is no picture (waiting, connecting with progress, room full, server unreachable...), a small pill at the top
 * while a running call has trouble (reconnecting), nothing while the call simply works. While waiting it offers
 * the link to send; once the call is over, a way back.
 */
final class StatusOverlay extends VBox {

    private final Label status = new Label();
    private final Label detail = new Label();
    private final ProgressBar progress = new ProgressBar();
    private final HBox linkRow;
    private final Button back = new Button(CallStatus.text("button.back"));
    private final CallViewModel model;

    StatusOverlay(CallViewModel model, String browserLink, Runnable onBack) {
        this.model = model;
        getStyleClass().add("status-card");
        setAlignment(Pos.CENTER);
        setFillWidth(false);
        setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        status.getStyleClass().add("call-status");
        status.setWrapText(true);
        status.setMaxWidth(520);
        detail.getStyleClass().add("status-detail");
        detail.setWrapText(true);
        detail.setMaxWidth(520);
        progress.getStyleClass().add("status-progress");
        progress.setPrefWidth(240);

        TextField link = new TextField(browserLink);
        link.setEditable(false);
        link.setAccessibleText(CallStatus.text("a11y.link"));
        link.setAccessibleHelp(CallStatus.text("detail.shareLink"));
        link.getStyleClass().add("call-link");
        link.setPrefColumnCount(Math.max(24, Math.min(46, browserLink.length())));
        HBox.setHgrow(link, Priority.ALWAYS);
        Button copy = new Button(CallStatus.text("button.copyLink"), Icons.of(16, Icons.COPY));
        copy.getStyleClass().add("pill-button");
        copy.setTooltip(new Tooltip(CallStatus.text("tooltip.copyLink")));
        copy.setAccessibleHelp(CallStatus.text("tooltip.copyLink"));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(browserLink);
            Clipboard.getSystemClipboard().setContent(content);
            copy.setText(CallStatus.text("button.copied"));
        });
        linkRow = new HBox(8, link, copy);
        linkRow.setAlignment(Pos.CENTER);
        linkRow.getStyleClass().add("link-row");

        back.getStyleClass().addAll("pill-button", "accent");
        back.setTooltip(new Tooltip(CallStatus.text("tooltip.back")));
        back.setOnAction(e -> onBack.run());
        back.setAccessibleHelp(CallStatus.text("tooltip.back"));

        getChildren().addAll(progress, status, detail, linkRow, back);
        StackPane.setAlignment(this, Pos.CENTER);

        model.status().observe(status::setText);
        model.detail().observe(text -> {
            detail.setText(text);
            show(detail, !text.isEmpty());
        });
        model.progress().observe(p -> {
            show(progress, p >= 0);
            progress.setProgress(p);
        });
        model.phase().observe(p -> refresh());
        model.remoteVideo().observe(v -> refresh());
        model.ended().observe(v -> refresh());
    }

    private void refresh() {
        CallPhase phase = model.phase().get();
        boolean picture = model.remoteVideo().get();
        boolean troubleInCall = picture && (phase == CallPhase.INTERRUPTED || phase == CallPhase.SIGNALING_LOST);
        boolean working = picture && phase == CallPhase.CONNECTED;
        setVisible(!working);
        getStyleClass().remove("pill");
        if (troubleInCall) {
            getStyleClass().add("pill");
        }
        StackPane.setAlignment(this, troubleInCall ? Pos.TOP_CENTER : Pos.CENTER);
        show(linkRow, !troubleInCall && (phase == CallPhase.WAITING || phase == CallPhase.PEER_LEFT));
        show(back, model.ended().get());
        getStyleClass().removeIf(c -> c.startsWith("phase-"));
        getStyleClass().add("phase-" + phase.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
    }

    private static void show(javafx.scene.Node node, boolean visible) {
        node.setVisible(visible);
        node.setManaged(visible);
    }
}
