package dev.roomcall.app.ui.home;

import dev.roomcall.app.CallRuntime;
import dev.roomcall.app.call.CallOptions;
import dev.roomcall.app.i18n.I18n;
import dev.roomcall.app.presentation.HomeModel.Where;
import dev.roomcall.app.presentation.HomeModel;
import dev.roomcall.app.settings.RecentRoom;
import dev.roomcall.app.settings.RecentRooms;
import dev.roomcall.app.settings.SettingsStore;
import dev.roomcall.app.ui.settings.ProblemText;
import dev.roomcall.media.MediaWarning;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/**
 * Where every call begins: a new room to share, a room to join by code or link, the server to use, and the rooms
 * of the last days. Buttons stay disabled until the runtime is {@link #ready ready} (the built-in server listens;
 * the camera may still be starting: a call waits for it); everything slow (server checks) runs off the FX thread.
 */
public final class HomeScreen extends BorderPane {

    static final String BUNDLE = "dev.roomcall.app.ui.home.home";

    /** What the home screen asks of the window around it. */
    public interface Actions {
        /** Go into this call. */
        void call(CallOptions call);

        void openSettings();
    }

    /** What a rebuilt home screen (another language) takes over from the one it replaces. */
    public record State(String joinInput, String serverInput, CallOptions sharing) {
        public static final State EMPTY = new State("", null, null);
    }

    private final I18n.Bundle texts = I18n.bundle(BUNDLE);
    private final SettingsStore store;
    private final Actions actions;
    private final Predicate<URI> reachable;
    private final Clock clock;

    private final Button newRoom = new Button();
    private final TextField joinInput = new TextField();
    private final Button join = new Button();
    private final Label joinError = HomeLayout.errorLabel("joinError");
    private final TextField serverInput = new TextField();
    private final Label serverError = HomeLayout.errorLabel("serverError");
    private final StatusBar statusBar = new StatusBar();
    private final LateTooltips tooltips = new LateTooltips();
    private final HBox choices;
    private final VBox middle = new VBox(22);
    private final VBox serverRow;
    private final RecentRoomsView recent;

    private CallRuntime runtime;
    private HomeModel model;
    private boolean busy;
    private CallOptions sharing;

    /**
     * @param reachable whether a signaling server answers; called off the FX thread
     * @param clock     for "5 min ago" and for the time a room is remembered
     */
    public HomeScreen(SettingsStore store, Actions actions, Predicate<URI> reachable, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.actions = Objects.requireNonNull(actions, "actions");
        this.reachable = Objects.requireNonNull(reachable, "reachable");
        this.clock = Objects.requireNonNull(clock, "clock");
        getStyleClass().add("home");

        setTop(HomeLayout.topBar(texts, tooltips, actions::openSettings));
        choices = new HBox(20, newRoomCard(), joinCard());
        choices.getStyleClass().add("choices");
        recent = new RecentRoomsView(clock, tooltips, this::rejoin, this::clearRecent);
        recent.show(store.recentRooms());
        serverRow = serverRow();
        middle.getChildren().addAll(HomeLayout.tagline(texts), choices, serverRow, recent);
        middle.setPadding(new Insets(8, 40, 24, 40));
        middle.setMaxWidth(980);
        ScrollPane scroll = new ScrollPane(HomeLayout.centered(middle));
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("home-scroll");
        setCenter(scroll);
        setBottom(statusBar);
        starting();
        // After the scene's own pulse, which hands focus to its first control when the focused one left.
        sceneProperty().addListener((o, was, scene) -> HomeLayout.afterNextLayout(scene, this::focusDefault));
        // What the first frame does not show waits until it is drawn: the window appears sooner.
        sceneProperty().addListener((o, was, scene) -> HomeLayout.afterNextFrame(scene, this::completeAfterFirstFrame));
    }

    /** Tooltips and the spinner, which the first frame can do without. */
    private void completeAfterFirstFrame() {
        tooltips.install();
        statusBar.addSpinner();
    }

    /** Keyboard focus on what a person most likely does next, so Enter does it. */
    private void focusDefault() {
        if (getScene() == null) {
            return;
        }
        javafx.scene.Node start = middle.lookup("#startCall");
        if (start != null) {
            start.requestFocus();
        } else if (!newRoom.isDisabled()) {
            newRoom.requestFocus();
        }
    }

    // ------------------------------------------------------------------ states

    /** The engine and server are starting: nothing can be started yet. */
    public void starting() {
        runtime = null;
        model = null;
        showStatus(texts.text("status.starting"), true, false);
        updateEnabled();
    }

    /**
     * Rooms can be made and joined now. Once the media engine has started, shows what it had to work around (no
     * camera, ...); until then, that it is starting.
     */
    public void ready(CallRuntime started) {
        boolean firstReady = runtime == null;
        runtime = Objects.requireNonNull(started, "started");
        model = new HomeModel(started, store);
        if (serverInput.getText().isEmpty() && !started.defaultServerChoice().isEmpty()) {
            serverInput.setText(started.defaultServerChoice());
        }
        serverInput.setPromptText(texts.text(started.hasBuiltInServer() ? "server.prompt.builtIn" : "server.prompt.required"));
        List<MediaWarning> warnings = started.mediaWarnings();
        if (!started.engineReady().isDone()) {
            showStatus(texts.text("status.starting"), true, false);
        } else if (warnings.isEmpty()) {
            showStatus(started.server().map(page -> texts.text("status.readyWithServer", page.getPort()))
                    .orElseGet(() -> texts.text("status.ready")), false, false);
        } else {
            showStatus(String.join(" ", warnings.stream().map(this::describe).toList()), false, false);
        }
        updateEnabled();
        if (firstReady) {
            focusDefault();
        }
    }

    /** Starting failed for good: say why in words; nothing can be started. */
    public void failed(String message) {
        runtime = null;
        model = null;
        showStatus(message, false, true);
        updateEnabled();
    }

    /** Something between home and the call went wrong (e.g. the camera could not be restarted). */
    public void problem(String message) {
        setBusy(false);
        showStatus(message, false, true);
    }

    /** A call waits for the camera and microphone, which are still starting. */
    public void awaitingEngine() {
        setBusy(true);
        showStatus(texts.text("status.starting"), true, false);
    }

    /** The window is getting a call ready (e.g. restarting the camera for a new resolution). */
    public void preparing() {
        setBusy(true);
        showStatus(texts.text("status.preparing"), true, false);
    }

    public State state() {
        return new State(joinInput.getText(), serverInput.getText(), sharing);
    }

    public void restore(State state) {
        joinInput.setText(state.joinInput());
        if (state.serverInput() != null) {
            serverInput.setText(state.serverInput());
        }
        if (state.sharing() != null && runtime != null) {
            share(state.sharing());
        } else {
            sharing = state.sharing();
        }
    }

    // ------------------------------------------------------------------ layout

    private VBox newRoomCard() {
        newRoom.setText(texts.text("new.button"));
        newRoom.setId("newRoom");
        newRoom.getStyleClass().add("accent");
        tooltips.add(newRoom, texts.text("new.tooltip"));
        newRoom.setOnAction(e -> newRoom());
        return HomeLayout.card(texts.text("new.title"), texts.text("new.hint"), newRoom);
    }

    private VBox joinCard() {
        joinInput.setId("joinInput");
        joinInput.setPromptText(texts.text("join.prompt"));
        joinInput.setAccessibleText(texts.text("join.title"));
        joinInput.setAccessibleHelp(texts.text("join.hint"));
        joinInput.setOnAction(e -> join());
        joinInput.textProperty().addListener((o, was, now) -> HomeLayout.hide(joinError));
        HBox.setHgrow(joinInput, Priority.ALWAYS);
        join.setText(texts.text("join.button"));
        join.setId("joinButton");
        tooltips.add(join, texts.text("join.tooltip"));
        join.setOnAction(e -> join());
        HBox row = new HBox(10, joinInput, join);
        row.setAlignment(Pos.CENTER_LEFT);
        return HomeLayout.card(texts.text("join.title"), texts.text("join.hint"), row, joinError);
    }

    private VBox serverRow() {
        Label label = new Label(texts.text("server.label"));
        label.getStyleClass().add("section-title");
        serverInput.setId("serverInput");
        serverInput.setText(store.settings().server());
        serverInput.setPromptText(texts.text("server.prompt.builtIn"));
        serverInput.textProperty().addListener((o, was, now) -> HomeLayout.hide(serverError));
        tooltips.add(serverInput, texts.text("server.hint"));
        serverInput.setAccessibleText(texts.text("server.label"));
        serverInput.setAccessibleHelp(texts.text("server.hint"));
        HBox.setHgrow(serverInput, Priority.ALWAYS);
        HBox row = new HBox(12, label, serverInput);
        row.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, row, serverError);
        box.getStyleClass().add("server-row");
        return box;
    }

    // ------------------------------------------------------------------ flows

    private void newRoom() {
        if (model != null && !busy) {
            clearErrors();
            carryOut(model.newRoom(serverInput.getText()));
        }
    }

    private void share(CallOptions call) {
        sharing = call;
        SharePane pane = new SharePane(call.room(), runtime.browserLinkFor(call),
                runtime.serverFingerprintFor(call).orElse(""), () -> startSharedCall(call), this::unshare);
        middle.getChildren().set(middle.getChildren().indexOf(choices), pane);
        focusDefault();
        // The room is made on the server shown: changing it now would not move the room.
        serverRow.setVisible(false);
        serverRow.setManaged(false);
    }

    private void unshare() {
        int index = middle.getChildren().indexOf(middle.lookup(".share"));
        if (index >= 0) {
            middle.getChildren().set(index, choices);
        }
        serverRow.setVisible(true);
        serverRow.setManaged(true);
        sharing = null;
    }

    private void startSharedCall(CallOptions call) {
        actions.call(call);
    }

    private void join() {
        if (model != null && !busy) {
            clearErrors();
            carryOut(model.join(joinInput.getText(), serverInput.getText()));
        }
    }

    private void rejoin(RecentRoom room) {
        if (model != null && !busy) {
            clearErrors();
            carryOut(model.rejoin(room));
        }
    }

    /** Says what is wrong, or goes on (asking the server first when it is not this computer's). */
    private void carryOut(HomeModel.Outcome outcome) {
        if (outcome instanceof HomeModel.Refused refused) {
            show(refused.where(), refused.serverProblem() != null ? ProblemText.of(refused.serverProblem())
                    : texts.text(refused.textKey(), refused.argument()));
        } else if (outcome instanceof HomeModel.Go go) {
            checkServer(go, () -> {
                model.remember(go);
                if (go.share()) {
                    share(go.call());
                } else {
                    actions.call(go.call());
                }
            });
        }
    }

    private void clearRecent() {
        store.save(RecentRooms.empty());
        recent.show(store.recentRooms());
        updateEnabled();
    }

    /** Goes on at once for this computer's server; asks any other server first, off the FX thread. */
    private void checkServer(HomeModel.Go go, Runnable then) {
        if (!go.checkFirst()) {
            then.run();
            return;
        }
        setBusy(true);
        showStatus(texts.text("status.checking"), true, false);
        URI server = go.call().server();
        CompletableFuture.supplyAsync(() -> reachable.test(server)).whenComplete((answers, failure) ->
                Platform.runLater(() -> {
                    setBusy(false);
                    showReadyStatus();
                    if (Boolean.TRUE.equals(answers)) {
                        then.run();
                        return;
                    }
                    String where = server.getHost() + (server.getPort() > 0 ? ":" + server.getPort() : "");
                    show(go.errorsGo(), go.errorsGo() == Where.JOIN
                            ? texts.text("join.error.unreachable", where)
                            : texts.text("server.error.unreachable", where));
                }));
    }

    // ------------------------------------------------------------------ words on screen

    private String describe(MediaWarning warning) {
        String text = texts.text("warning." + warning.code());
        return text.startsWith("!") ? warning.message() : text;
    }

    private void showReadyStatus() {
        if (runtime != null) {
            ready(runtime);
        }
    }

    private void showStatus(String text, boolean working, boolean error) {
        statusBar.show(text, working, error);
    }

    private void show(Where where, String message) {
        switch (where) {
            case JOIN:
                joinError.setText(message);
                HomeLayout.reveal(joinError);
                break;
            case SERVER:
                serverError.setText(message);
                HomeLayout.reveal(serverError);
                break;
            default:
                showStatus(message, false, true);
        }
    }

    private void clearErrors() {
        HomeLayout.hide(joinError);
        HomeLayout.hide(serverError);
    }

    private void setBusy(boolean value) {
        busy = value;
        updateEnabled();
    }

    private void updateEnabled() {
        boolean off = runtime == null || busy;
        newRoom.setDisable(off);
        join.setDisable(off);
        joinInput.setDisable(runtime == null);
        serverInput.setDisable(off);
        recent.setJoinable(!off);
        middle.lookupAll("#startCall").forEach(n -> n.setDisable(off));
    }
}
