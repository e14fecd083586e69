package dev.roomcall.app.ui;

import dev.roomcall.app.CallRuntime;
import dev.roomcall.app.call.CallController;
import dev.roomcall.app.call.CallEvent;
import dev.roomcall.app.call.CallOptions;
import dev.roomcall.app.call.CallStatus;
import dev.roomcall.app.cli.CommandLine;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
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
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The minimal call window: room code and browser link, remote video large, mirrored self-view,
 * join by code or link, hang up. Everything slow (devices, server start) runs off the FX thread.
 */
public final class RoomcallApp extends Application {

    private static final Logger log = LoggerFactory.getLogger(RoomcallApp.class);

    private final Label status = new Label("Starting…");
    private final Label roomLabel = new Label("");
    private final TextField link = new TextField();
    private final TextField joinField = new TextField();
    private final Button join = new Button("Join");
    private final Button hangUp = new Button("Hang up");
    private final Button copy = new Button("Copy link");

    private volatile CallRuntime runtime;
    private volatile CallController call;
    private Stage stage;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        CommandLine options = RoomcallWindowLauncher.options();

        VideoView remote = new VideoView(() -> call == null ? null : call.remoteVideo(), false);
        VideoView self = new VideoView(() -> runtime == null ? null : runtime.engine().localMedia().preview(), true);
        self.setMaxSize(240, 135);
        self.setPrefSize(240, 135);
        self.getStyleClass().add("self-view");
        StackPane.setAlignment(self, Pos.BOTTOM_RIGHT);
        StackPane.setMargin(self, new Insets(12));
        status.getStyleClass().add("status");
        status.setWrapText(true);
        StackPane.setAlignment(status, Pos.CENTER);
        StackPane stageArea = new StackPane(remote, status, self);
        stageArea.getStyleClass().add("stage-area");
        remote.prefWidthProperty().bind(stageArea.widthProperty());
        remote.prefHeightProperty().bind(stageArea.heightProperty());

        link.setEditable(false);
        link.setPrefColumnCount(34);
        HBox.setHgrow(link, Priority.ALWAYS);
        copy.setTooltip(new Tooltip("Copy the link for the browser"));
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(link.getText());
            Clipboard.getSystemClipboard().setContent(content);
        });
        roomLabel.getStyleClass().add("room-code");
        HBox top = new HBox(10, new Label("Room"), roomLabel, link, copy);
        top.setAlignment(Pos.CENTER_LEFT);
        top.setPadding(new Insets(10));
        top.getStyleClass().add("bar");

        joinField.setPromptText("Paste a room code or link");
        HBox.setHgrow(joinField, Priority.ALWAYS);
        join.setTooltip(new Tooltip("Leave this room and join the one entered"));
        join.setDefaultButton(true);
        join.setOnAction(e -> joinRoom(joinField.getText()));
        hangUp.setTooltip(new Tooltip("End the call"));
        hangUp.getStyleClass().add("hang-up");
        hangUp.setOnAction(e -> endCall());
        HBox bottom = new HBox(10, joinField, join, hangUp);
        bottom.setAlignment(Pos.CENTER_LEFT);
        bottom.setPadding(new Insets(10));
        bottom.getStyleClass().add("bar");

        BorderPane root = new BorderPane(stageArea, top, null, bottom, null);
        Scene scene = new Scene(root, 960, 640);
        scene.getStylesheets().add(RoomcallApp.class.getResource("roomcall.css").toExternalForm());
        stage.setTitle("Roomcall");
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> shutdown());
        stage.show();
        setControlsEnabled(false);

        CompletableFuture.supplyAsync(() -> {
            try {
                return CallRuntime.start(options);
            } catch (CallRuntime.StartException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }).whenComplete((started, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                log.error("event=start-failed", failure);
                status.setText("Roomcall could not start: " + failure.getCause().getMessage());
                return;
            }
            runtime = started;
            setControlsEnabled(true);
            startCall(started.callOptions());
        }));
    }

    private void joinRoom(String input) {
        if (runtime == null || input == null || input.isBlank()) {
            return;
        }
        CallOptions next;
        try {
            next = runtime.callOptionsFor(input);
        } catch (IllegalArgumentException e) {
            status.setText(e.getMessage());
            return;
        }
        endCall();
        startCall(next);
    }

    private void startCall(CallOptions options) {
        roomLabel.setText(options.room());
        link.setText(runtime.browserLinkFor(options).toString());
        stage.setTitle("Roomcall – " + options.room());
        status.setText("Connecting to the server…");
        CallController controller = new CallController(options, runtime.engine(),
                event -> Platform.runLater(() -> show(event)));
        call = controller;
        controller.start();
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

    private void endCall() {
        CallController current = call;
        call = null;
        if (current != null) {
            CompletableFuture.runAsync(current::close);
        }
        status.setVisible(true);
        status.setText("Call ended. Paste a room code or link to join another.");
    }

    private void setControlsEnabled(boolean enabled) {
        join.setDisable(!enabled);
        hangUp.setDisable(!enabled);
        copy.setDisable(!enabled);
    }

    private void shutdown() {
        CallController current = call;
        call = null;
        if (current != null) {
            current.close();
        }
        CallRuntime started = runtime;
        if (started != null) {
            started.close();
        }
    }

    @Override
    public void stop() {
        shutdown();
    }
}
