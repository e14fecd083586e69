package dev.roomcall.app.ui.home;

import dev.roomcall.app.i18n.I18n;
import java.net.URI;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * A new room, ready to share before anyone is in it: the code to read out, the link to send, and a QR code of the
 * link for a phone. "Start call" goes in; the call screen keeps showing the link while the person waits. On the
 * built-in server the link is https with a self-signed certificate, whose fingerprint is shown under it: the
 * browser on the other machine warns once, and its person can compare the fingerprint before going on.
 */
final class SharePane extends HBox {

    /** The QR image's width on screen; large enough for a phone camera at arm's length. */
    private static final double QR_SIZE = 196;

    /** @param fingerprint the SHA-256 fingerprint of the link's server certificate to show; empty shows none */
    SharePane(String room, URI link, String fingerprint, Runnable onStart, Runnable onBack) {
        I18n.Bundle texts = I18n.bundle(HomeScreen.BUNDLE);
        getStyleClass().addAll("card", "share");
        setSpacing(28);
        setAlignment(Pos.CENTER_LEFT);

        String linkText = link.toString();
        ImageView qr = new QrView(linkText, QR_SIZE);
        qr.setId("qrCode");
        qr.setAccessibleText(texts.text("share.qr"));
        StackPane qrFrame = new StackPane(qr);
        qrFrame.getStyleClass().add("qr-frame");
        qrFrame.setMaxSize(Region.USE_PREF_SIZE, Region.USE_PREF_SIZE);

        Label title = new Label(texts.text("share.title"));
        title.getStyleClass().add("card-title");

        Label codeCaption = caption(texts.text("share.code"));
        Label code = new Label(room);
        code.setId("shareRoomCode");
        code.getStyleClass().add("share-code");
        CopyButton copyCode = new CopyButton(texts.text("share.copyCode"), texts.text("share.copied"),
                texts.text("share.copyCode.tooltip"), () -> room);
        copyCode.setId("copyCode");
        HBox codeRow = row(code, copyCode);

        Label linkCaption = caption(texts.text("share.link"));
        TextField linkField = new TextField(linkText);
        linkField.setId("shareLink");
        linkField.setEditable(false);
        linkField.setAccessibleText(texts.text("share.link"));
        linkField.setAccessibleHelp(texts.text("share.hint"));
        linkField.getStyleClass().add("link-field");
        HBox.setHgrow(linkField, Priority.ALWAYS);
        CopyButton copyLink = new CopyButton(texts.text("share.copyLink"), texts.text("share.copied"),
                texts.text("share.copyLink.tooltip"), () -> linkText);
        copyLink.setId("copyLink");
        HBox linkRow = row(linkField, copyLink);
        Label certificate = new Label(texts.text("share.fingerprint", fingerprint));
        certificate.setId("shareFingerprint");
        certificate.getStyleClass().addAll("hint", "fingerprint");
        certificate.setStyle("-fx-font-family: \"DejaVu Sans Mono\", \"Menlo\", \"Consolas\", monospace; -fx-font-size: 11px;");
        certificate.setWrapText(true);
        certificate.setTooltip(new Tooltip(texts.text("share.fingerprint.tooltip")));
        certificate.setVisible(!fingerprint.isEmpty());
        certificate.setManaged(!fingerprint.isEmpty());

        Label hint = new Label(texts.text("share.hint"));
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);

        Button start = new Button(texts.text("share.start"));
        start.setId("startCall");
        start.getStyleClass().add("accent");
        start.setDefaultButton(true);
        start.setTooltip(new Tooltip(texts.text("share.start.tooltip")));
        start.setOnAction(e -> onStart.run());
        Button back = new Button(texts.text("share.back"));
        back.setId("cancelShare");
        back.setCancelButton(true);
        back.setAccessibleHelp(texts.text("share.back.help"));
        back.setOnAction(e -> onBack.run());
        HBox buttons = new HBox(10, start, back);

        VBox details = new VBox(8, title, codeCaption, codeRow, linkCaption, linkRow, certificate, hint, buttons);
        VBox.setMargin(buttons, new javafx.geometry.Insets(10, 0, 0, 0));
        HBox.setHgrow(details, Priority.ALWAYS);
        getChildren().addAll(qrFrame, details);
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("caption");
        return label;
    }

    private static HBox row(javafx.scene.Node main, javafx.scene.Node button) {
        HBox row = new HBox(10, main, button);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
