package dev.roomcall.app.ui.call;

import dev.roomcall.app.presentation.CallStatus;
import dev.roomcall.app.presentation.CallViewModel;
import dev.roomcall.app.presentation.ChatEntry;
import dev.roomcall.media.session.ChatText;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Text chat beside the call: the conversation as plain-text bubbles (a message is only ever shown as text),
 * a field to type in, Enter to send. A counter appears near the length limit; longer messages are shortened and
 * the chat says so.
 */
final class ChatPanel extends VBox {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault());

    private final VBox lines = new VBox(6);
    private final ScrollPane scroll = new ScrollPane(lines);
    private final TextField input = new TextField();
    private final Label counter = new Label();
    private final CallViewModel model;

    ChatPanel(CallViewModel model) {
        super(8);
        this.model = model;
        getStyleClass().add("chat-panel");
        setPrefWidth(320);
        setMinWidth(260);

        Label heading = new Label(CallStatus.text("chat.heading"));
        heading.getStyleClass().add("overlay-heading");
        Region spring = new Region();
        HBox.setHgrow(spring, Priority.ALWAYS);
        Button close = new Button("×");
        close.getStyleClass().add("flat-button");
        close.setAccessibleText(CallStatus.text("tooltip.closeChat"));
        close.setAccessibleHelp(CallStatus.text("a11y.shortcut", "Esc"));
        close.setTooltip(new Tooltip(CallStatus.text("tooltip.closeChat")));
        close.setOnAction(e -> model.chat().setOpen(false));
        HBox head = new HBox(8, heading, spring, close);
        head.setAlignment(Pos.CENTER_LEFT);

        lines.getStyleClass().add("chat-lines");
        lines.setFillWidth(true);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("chat-scroll");
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        input.setPromptText(CallStatus.text("chat.prompt"));
        input.setAccessibleText(CallStatus.text("a11y.chatInput"));
        input.setAccessibleHelp(CallStatus.text("tooltip.send"));
        input.getStyleClass().add("chat-input");
        HBox.setHgrow(input, Priority.ALWAYS);
        Button send = new Button(CallStatus.text("chat.send"));
        send.getStyleClass().addAll("pill-button", "accent");
        send.setTooltip(new Tooltip(CallStatus.text("tooltip.send")));
        send.setAccessibleHelp(CallStatus.text("tooltip.send"));
        send.setOnAction(e -> send());
        input.setOnAction(e -> send());
        input.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                model.chat().setOpen(false);
                e.consume();
            }
        });
        counter.getStyleClass().add("chat-counter");
        input.textProperty().addListener((obs, was, now) -> {
            int n = now.length();
            counter.setVisible(n > ChatText.MAX_CHARS * 8 / 10);
            counter.setText(n + " / " + ChatText.MAX_CHARS);
            counter.pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("over"), n > ChatText.MAX_CHARS);
        });
        counter.setVisible(false);
        HBox entry = new HBox(8, input, send);
        entry.setAlignment(Pos.CENTER);

        getChildren().addAll(head, scroll, counter, entry);

        model.chat().entries().forEach(this::append);
        model.chat().onAdded(this::append);
        model.chat().available().observe(open -> input.setPromptText(
                CallStatus.text(open ? "chat.prompt" : "chat.promptUnavailable")));
        model.chat().open().observe(open -> {
            setVisible(open);
            setManaged(open);
            if (open) {
                Platform.runLater(input::requestFocus);
            }
        });
    }

    private void send() {
        if (model.sendChat(input.getText())) {
            input.clear();
        }
    }

    private void append(ChatEntry entry) {
        Label text = new Label(entry.text());
        text.setWrapText(true);
        text.getStyleClass().add("chat-text");
        // Plain text only: a Label never interprets markup, and mnemonic parsing is off so "_" stays "_".
        text.setMnemonicParsing(false);
        VBox bubble = new VBox(2);
        bubble.getStyleClass().addAll("chat-bubble", "from-" + entry.from().name().toLowerCase(java.util.Locale.ROOT));
        if (entry.from() != ChatEntry.From.NOTE) {
            String who = CallStatus.text(entry.from() == ChatEntry.From.ME ? "chat.me" : "chat.peer");
            Label meta = new Label(who + " · " + TIME.format(Instant.ofEpochMilli(entry.atMillis())));
            meta.getStyleClass().add("chat-meta");
            bubble.getChildren().add(meta);
        }
        bubble.getChildren().add(text);
        if (entry.shortened()) {
            Label cut = new Label(CallStatus.text("chat.wasShortened"));
            cut.getStyleClass().add("chat-meta");
            bubble.getChildren().add(cut);
        }
        bubble.setMaxWidth(260);
        HBox row = new HBox(bubble);
        row.setAlignment(entry.from() == ChatEntry.From.ME ? Pos.CENTER_RIGHT
                : entry.from() == ChatEntry.From.NOTE ? Pos.CENTER : Pos.CENTER_LEFT);
        lines.getChildren().add(row);
        if (lines.getChildren().size() > dev.roomcall.app.presentation.ChatLog.MAX_ENTRIES) {
            lines.getChildren().remove(0);
        }
        Platform.runLater(() -> scroll.setVvalue(1.0));
    }

}
