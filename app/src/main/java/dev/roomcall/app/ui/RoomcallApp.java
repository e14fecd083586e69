package dev.roomcall.app.ui;

import dev.roomcall.app.CallRuntime;
import dev.roomcall.app.call.CallOptions;
import dev.roomcall.app.cli.CommandLine;
import dev.roomcall.app.ui.call.CallScreen;
import dev.roomcall.signaling.RoomCode;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window: a home screen (new room, join by code or link) and, during a call, the call screen.
 * Everything slow (devices, server start) runs off the FX thread.
 */
public final class RoomcallApp extends Application {

    private static final Logger log = LoggerFactory.getLogger(RoomcallApp.class);

    private final Label homeStatus = new Label("Starting…");
    private volatile CallRuntime runtime;
    private CallScreen callScreen;
    private Stage stage;
    private Scene scene;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        CommandLine options = RoomcallWindowLauncher.options();
        scene = new Scene(home(), 960, 640);
        scene.getStylesheets().add(RoomcallApp.class.getResource("roomcall.css").toExternalForm());
        stage.setTitle("Roomcall");
        stage.setScene(scene);
        stage.setOnCloseRequest(e -> shutdown());
        stage.show();

        CompletableFuture.supplyAsync(() -> {
            try {
                return CallRuntime.start(options);
            } catch (CallRuntime.StartException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }).whenComplete((started, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                log.error("event=start-failed", failure);
                homeStatus.setText("Roomcall could not start: " + failure.getCause().getMessage());
                return;
            }
            runtime = started;
            homeStatus.setText("");
            if (options.room() != null) {
                startCall(started.callOptions());
            }
        }));
    }

    private Parent home() {
        Label heading = new Label("Roomcall");
        heading.getStyleClass().add("heading");
        Button newRoom = new Button("New room");
        newRoom.setDefaultButton(true);
        newRoom.setOnAction(e -> {
            if (runtime != null) {
                startCall(runtime.callOptionsFor(RoomCode.newRoomName()));
            }
        });
        TextField code = new TextField();
        code.setPromptText("Paste a room code or link");
        code.setPrefColumnCount(28);
        Button join = new Button("Join");
        join.setOnAction(e -> {
            if (runtime == null || code.getText().isBlank()) {
                return;
            }
            try {
                startCall(runtime.callOptionsFor(code.getText()));
            } catch (IllegalArgumentException ex) {
                homeStatus.setText(ex.getMessage());
            }
        });
        HBox joinRow = new HBox(10, code, join);
        joinRow.setAlignment(Pos.CENTER);
        VBox box = new VBox(18, heading, newRoom, joinRow, homeStatus);
        box.setAlignment(Pos.CENTER);
        box.setPadding(new Insets(40));
        box.getStyleClass().add("home");
        return box;
    }

    private void startCall(CallOptions options) {
        callScreen = new CallScreen(runtime, options, this::showHome);
        stage.titleProperty().bind(callScreen.titleProperty());
        scene.setRoot(callScreen);
    }

    private void showHome() {
        callScreen = null;
        stage.titleProperty().unbind();
        stage.setTitle("Roomcall");
        scene.setRoot(home());
    }

    private void shutdown() {
        if (callScreen != null) {
            callScreen.closeNow();
            callScreen = null;
        }
        CallRuntime started = runtime;
        runtime = null;
        if (started != null) {
            started.close();
        }
    }

    @Override
    public void stop() {
        shutdown();
    }
}
