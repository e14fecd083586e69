package dev.roomcall.app.ui.call;

import dev.roomcall.app.notify.Chime;
import dev.roomcall.app.notify.DesktopNotifications;
import dev.roomcall.app.notify.PresenceAlerts;
import dev.roomcall.app.presentation.CallAction;
import dev.roomcall.app.presentation.CallStatus;
import dev.roomcall.app.presentation.CallViewModel;
import dev.roomcall.app.presentation.DevicesModel;
import dev.roomcall.app.presentation.ScreenCall;
import dev.roomcall.app.presentation.ShareModel;
import dev.roomcall.app.presentation.group.GridLayout;
import dev.roomcall.app.presentation.group.Participants;
import dev.roomcall.app.presentation.group.Presence;
import dev.roomcall.app.presentation.group.TileText;
import java.util.concurrent.CompletableFuture;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.event.EventHandler;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * One call on screen, composed of small views over a toolkit-free {@link CallViewModel}: the other people
 * ({@link ParticipantGrid}: one person large, as a two-person call always looked; several in a grid), oneself as a movable mirrored picture ({@link SelfView}), the state in words
 * ({@link StatusOverlay}), controls ({@link ControlBar}), statistics ({@link StatsOverlay}), chat
 * ({@link ChatPanel}) and the shortcuts ({@link HelpOverlay}). The shell shows it while a call lasts and hears
 * {@code onLeave} when the person is done.
 */
public final class CallScreen extends BorderPane {

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper();
    private final ScreenCall call;
    private final CallViewModel model;
    private final DevicesModel devices;
    private final ShareModel share;
    private final SharePicker picker;
    private final Runnable onLeave;
    private final Participants participants;
    private final ParticipantGrid grid;
    private final SelfView self;
    private final StatusOverlay status;
    private final ControlBar controls;
    private final StatsOverlay stats;
    private final ChatPanel chat;
    private final HelpOverlay help;
    private final RemoteBadge badge;
    private final Announcer announcer;
    private final PresenceNotice presenceNotice = new PresenceNotice();
    private final EventHandler<KeyEvent> keys = this::onKey;
    private final EventHandler<KeyEvent> typed = this::onTyped;
    private final ChangeListener<Boolean> fullscreenWatch = (obs, was, now) -> fullscreenChangedAt = System.nanoTime();
    private final ChangeListener<Window> windowWatch = (obs, was, now) -> watchFullscreen(was, now);
    private long fullscreenChangedAt;
    private Scene keyScene;
    private boolean left;
    private Object statsFollows;

    /** Shows {@code call}; {@code onLeave} runs once the person hangs up. */
    public CallScreen(ScreenCall call, Runnable onLeave) {
        this.call = call;
        this.onLeave = onLeave;
        model = call.model();
        devices = call.devices();
        share = call.share();
        share.leaveOut(CallScreen::ownWindowTitles);
        String browserLink = call.browserLink();

        participants = call.participants();
        // A presenter's screen fills the stage with everyone's camera beside it: the grid's layout rule.
        grid = new ParticipantGrid(participants);
        badge = new RemoteBadge(model);
        status = new StatusOverlay(model, browserLink, this::leave);
        // While sharing, the self-view shows what is being sent.
        self = new SelfView(() -> sharingPreview() != null ? sharingPreview() : call.preview().get(),
                () -> sharingPreview() == null && call.previewIsCamera(), model);
        SharingBar sharingBar = new SharingBar(share);
        StackPane.setMargin(sharingBar, new Insets(62, 16, 0, 16));
        picker = new SharePicker(share);
        RoomBar room = new RoomBar(model, browserLink);
        StackPane.setMargin(room, new Insets(14, 16, 0, 16));
        stats = new StatsOverlay(model);
        StackPane.setMargin(stats, new Insets(62, 16, 0, 16));
        sharingBar.keepBelow(stats);
        controls = new ControlBar(model, devices, share, this::toggleFullscreen, this::leave);
        StackPane.setMargin(controls, new Insets(0, 16, 18, 16));
        help = new HelpOverlay(model);

        MediaNotice notice = new MediaNotice(model);
        StackPane.setAlignment(notice, javafx.geometry.Pos.BOTTOM_CENTER);
        StackPane.setMargin(notice, new Insets(0, 16, 96, 16));

        announcer = new Announcer(model);
        // Children in reading order, which is also Tab's order: the room bar at the top before the status card.
        StackPane stage = new StackPane(grid, badge, room, presenceNotice, status, sharingBar, self, stats, notice,
                controls, help, picker, announcer);
        stage.getStyleClass().add("call-stage");
        stage.setMinSize(0, 0);
        chat = new ChatPanel(model);
        setCenter(stage);
        setRight(chat);
        getStyleClass().add("call-screen");
        getStylesheets().add(CallScreen.class.getResource("call.css").toExternalForm());

        model.title().observe(title::set);
        // The two-person call's badges speak for its one bare picture; in a group each tile has its own signs.
        participants.layout().observe(l -> badge.setVisible(
                l.kind() == GridLayout.Kind.SINGLE || l.kind() == GridLayout.Kind.WAITING));
        participants.tiles().observe(t -> followStats());
        participants.statsPeer().observe(p -> followStats());
        participants.onPresence(this::announce);
        sceneProperty().addListener((obs, was, now) -> watchKeys(now));
    }

    /** Tells the person (chime, notification, raised window) when someone arrives or leaves. */
    public void alertPresence(PresenceAlerts.Window window, DesktopNotifications notifications, double chimeVolume) {
        PresenceAlerts alerts = new PresenceAlerts(model.room(), window, notifications, new Chime(chimeVolume));
        participants.onPresence(p -> {
            String who = p.peer().value();
            // Names belong to a group; with one other person the notification says "the other person" as ever.
            String name = inGroup(p) ? p.name() : null;
            switch (p.change()) {
                case ARRIVED:
                    alerts.arrived(who, name);
                    break;
                case WAS_THERE:
                    alerts.wasThere(who);
                    break;
                case LEFT:
                default:
                    alerts.left(who, name);
                    break;
            }
        });
    }

    /** Whether {@code change} happened in a group: others were there besides the person who came or went. */
    private boolean inGroup(Presence change) {
        int here = participants.tiles().get().size();
        return change.change() == Presence.Change.LEFT ? here >= 1 : here >= 2;
    }

    /**
     * Says who came and went in a group. With one other person the status line already says it ("Someone
     * joined", "The other person left"), so a second line would only repeat it.
     */
    private void announce(Presence change) {
        if (inGroup(change)) {
            announcer.say(TileText.presence(change));
            presenceNotice.show(TileText.presence(change));
        }
    }

    /** The statistics overlay shows the one other person's numbers, or in a group those of the person chosen. */
    private void followStats() {
        var people = participants.tiles().get();
        var chosen = participants.statsPeer().get();
        Object wanted = people.size() > 1 && chosen != null ? chosen : model;
        if (!java.util.Objects.equals(wanted, statsFollows)) {
            statsFollows = wanted;
            stats.follow(wanted == model ? model.statsFeed() : participants.statsOf(chosen));
        }
        stats.offer(people, chosen, participants::chooseStats);
    }

    /** For the window title: the call's state and the room. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Ends the call (the peer is told at once) and hands control back to the shell. */
    public void leave() {
        if (left) {
            return;
        }
        left = true;
        stopViews();
        CompletableFuture.runAsync(call::close);
        onLeave.run();
    }

    /** Ends the call without going anywhere: the window is closing. Blocks until the bye is out. */
    public void closeNow() {
        left = true;
        stopViews();
        call.close();
    }

    private void stopViews() {
        grid.stop();
        picker.stop();
        self.stop();
        controls.stop();
        watchKeys(null);
    }

    // ------------------------------------------------------------------ keyboard

    /** Keys go to the scene, not just to this pane, so shortcuts work whatever has the focus. */
    private void watchKeys(Scene scene) {
        if (keyScene != null) {
            keyScene.removeEventHandler(KeyEvent.KEY_PRESSED, keys);
            keyScene.removeEventHandler(KeyEvent.KEY_TYPED, typed);
            keyScene.windowProperty().removeListener(windowWatch);
            watchFullscreen(keyScene.getWindow(), null);
        }
        keyScene = left ? null : scene;
        if (keyScene != null) {
            keyScene.addEventHandler(KeyEvent.KEY_PRESSED, keys);
            keyScene.addEventHandler(KeyEvent.KEY_TYPED, typed);
            keyScene.windowProperty().addListener(windowWatch);
            watchFullscreen(null, keyScene.getWindow());
        }
    }

    private void watchFullscreen(Window was, Window now) {
        if (was instanceof Stage old) {
            old.fullScreenProperty().removeListener(fullscreenWatch);
        }
        if (now instanceof Stage stage) {
            stage.fullScreenProperty().addListener(fullscreenWatch);
        }
    }

    private void onKey(KeyEvent e) {
        if (left || e.isConsumed()) {
            return;
        }
        boolean typing = getScene() != null && getScene().getFocusOwner() instanceof TextInputControl;
        CallAction action = e.getCode() == KeyCode.ESCAPE
                ? CallAction.HANG_UP
                : CallAction.forKey(e.getCode().isLetterKey() ? e.getCode().getName() : null, e.isShortcutDown());
        if (action == null || (typing && !e.isShortcutDown() && e.getCode() != KeyCode.ESCAPE)) {
            return;
        }
        if (e.getCode() == KeyCode.ESCAPE && escapeClosesSomething()) {
            e.consume();
            return;
        }
        if (e.isAltDown() || (e.isShortcutDown() && action != CallAction.HANG_UP)) {
            return;
        }
        perform(action);
        e.consume();
    }

    /** "?" is a typed character (Shift and a layout-dependent key), so it comes as KEY_TYPED. */
    private void onTyped(KeyEvent e) {
        boolean typing = getScene() != null && getScene().getFocusOwner() instanceof TextInputControl;
        if (!left && !typing && "?".equals(e.getCharacter())) {
            perform(CallAction.TOGGLE_HELP);
            e.consume();
        }
    }

    /**
     * Escape first closes what is open (help, statistics, chat) and leaves fullscreen; only when nothing is left
     * does it hang up. The toolkit may leave fullscreen on Escape by itself just before this runs: a change of
     * fullscreen a moment ago counts as this key's work.
     */
    private boolean escapeClosesSomething() {
        if (share.pickerOpen().get()) {
            share.closePicker();
            return true;
        }
        if (model.helpVisible().get()) {
            model.toggleHelp();
            return true;
        }
        if (model.chat().open().get()) {
            model.chat().setOpen(false);
            return true;
        }
        if (model.statsVisible().get()) {
            model.toggleStats();
            return true;
        }
        Window window = getScene() == null ? null : getScene().getWindow();
        if (window instanceof Stage stage && stage.isFullScreen()) {
            stage.setFullScreen(false);
            return true;
        }
        return System.nanoTime() - fullscreenChangedAt < 500_000_000L;
    }

    void perform(CallAction action) {
        switch (action) {
            case TOGGLE_MICROPHONE:
                model.toggleMicrophone();
                break;
            case TOGGLE_CAMERA:
                model.toggleCamera();
                break;
            case TOGGLE_CHAT:
                model.chat().toggleOpen();
                break;
            case TOGGLE_SHARE:
                share.togglePicker();
                break;
            case TOGGLE_STATS:
                model.toggleStats();
                break;
            case TOGGLE_FULLSCREEN:
                toggleFullscreen();
                break;
            case TOGGLE_HELP:
                model.toggleHelp();
                break;
            case HANG_UP:
            default:
                leave();
                break;
        }
    }

    /** What this side sends while sharing, or null. */
    private dev.roomcall.media.render.FrameSource sharingPreview() {
        return share.sharing().get().isEmpty() ? null : share.preview();
    }

    /** The titles of Roomcall's open windows, which the share picker leaves out. */
    private static java.util.Set<String> ownWindowTitles() {
        java.util.Set<String> titles = new java.util.HashSet<>();
        for (Window window : Window.getWindows()) {
            if (window instanceof Stage stage && stage.getTitle() != null && !stage.getTitle().isBlank()) {
                titles.add(stage.getTitle());
            }
        }
        return titles;
    }

    private void toggleFullscreen() {
        if (getScene() != null && getScene().getWindow() instanceof Stage stage) {
            stage.setFullScreen(!stage.isFullScreen());
        }
    }
}
