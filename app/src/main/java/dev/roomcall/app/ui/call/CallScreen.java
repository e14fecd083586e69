package dev.roomcall.app.ui.call;

import dev.roomcall.app.CallRuntime;
import dev.roomcall.app.call.CallController;
import dev.roomcall.app.call.CallEvent;
import dev.roomcall.app.call.CallOptions;
import dev.roomcall.app.call.CallStatus;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;

/**
 * One call on screen: remote video large, mirrored self-view, the room code and browser link to
 * share, the call's state in words, and hang up. The shell shows it while a call lasts and gets
 * {@code onLeave} when the person is done.
 */
public final class CallScreen extends BorderPane {

    private final Label status = new Label();
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final CallController call;
    private final VideoView remote;
    private final VideoView self;
    private final Runnable onLeave;
    private boolean left;

    public CallScreen(CallRuntime runtime, CallOptions options, Runnable onLeave) {
        this.onLeave = onLeave;
        call = new CallController(options, runtime.engine(), event -> Platform.runLater(() -> show(event)));
        remote = new VideoView(call::remoteVideo, false);
        self = new VideoView(() -> runtime.engine().localMedia().preview(), true);

        self.setMaxSize(240, 135);
        self.setPrefSize(240, 135);
        self.getStyleClass().add("self-view");
        StackPane.setAlignment(self, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(self, new Insets(12));
        status.getStyleClass().add("status");
        status.setWrapText(true);
        StackPane stageArea = new StackPane(remote, status, self);
        stageArea.getStyleClass().add("stage-area");

        Label room = new Label(options.room());
        room.getStyleClass().add("room-code");
        TextField link = new TextField(runtime.browserLinkFor(options).toString());
        link.setEditable(false);
        HBox.setHgrow(link, Priority.ALWAYS);
        Button copy = new Button("Copy link");
        copy.setTooltip(new Tooltip("Copy the link for the browser"));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(link.getText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        HBox top = new HBox(10, new Label("Room"), room, link, copy);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(10));
        top.getStyleClass().add("bar");

        Button hangUp = new Button("Hang up");
        hangUp.setTooltip(new Tooltip("End the call"));
        hangUp.getStyleClass().add("hang-up");
        hangUp.setOnAction(e -> leave());
        HBox bottom = new HBox(10, hangUp);
        bottom.setAlignment(Pos.CENTER);
        bottom.setPadding(new Insets(10));
        bottom.getStyleClass().add("bar");

        setTop(top);
        setCenter(stageArea);
        setBottom(bottom);
        title.set("Roomcall – " + options.room());
        status.setText("Connecting to the server…");
        call.start();
    }

    /** For the window title: the room, and later the call's state. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Ends the call (the peer is told at once) and hands control back to the shell. */
    public void leave() {
        if (left) {
            return;
        }
        left = true;
        remote.stop();
        self.stop();
        CompletableFuture.runAsync(call::close);
        onLeave.run();
    }

    /** Ends the call without going anywhere: the window is closing. Blocks until the bye is out. */
    public void closeNow() {
        left = true;
        remote.stop();
        self.stop();
        call.close();
    }

    private void show(CallEvent event) {
        String text = CallStatus.describe(event);
        if (text != null) {
            status.setText(text);
        }
        // The overlay hides once the peer's picture is there and comes back for anything that needs words.
        if (event instanceof CallEvent.FirstRemoteVideo) {
            status.setVisible(false);
        } else if (text != null && !(event instanceof CallEvent.Connected)) {
            status.setVisible(true);
        }
    }
}
