package dev.roomcall.app.ui;

import dev.roomcall.app.CallRuntime;
import dev.roomcall.app.StartException;
import dev.roomcall.app.call.CallOptions;
import dev.roomcall.app.call.ShareOnConnect;
import dev.roomcall.app.i18n.I18n;
import dev.roomcall.app.notify.SystemNotifications;
import dev.roomcall.app.presentation.ScreenCall;
import dev.roomcall.app.settings.RecentRoom;
import dev.roomcall.app.settings.Settings;
import dev.roomcall.app.settings.SettingsStore;
import dev.roomcall.app.ui.call.CallScreen;
import dev.roomcall.app.ui.home.HomeScreen;
import dev.roomcall.app.ui.home.ServerProbe;
import dev.roomcall.app.ui.settings.SettingsScreen;
import dev.roomcall.media.local.DeviceCatalog;
import dev.roomcall.media.local.DeviceListing;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The window and what it shows: home, settings or a call. It starts the call runtime (media engine, embedded
 * server) in the background so the window appears at once, keeps the settings and the window's placement, and ends
 * a call cleanly when the window closes.
 */
public final class Shell {

    private static final Logger log = LoggerFactory.getLogger(Shell.class);
    private static final String BUNDLE = "dev.roomcall.app.ui.window";

    /**
     * Starts the runtime, which reads the person's settings from their owner; slow, called off the FX thread. It may
     * return before the media engine has started ({@link CallRuntime#begin}): rooms can be made meanwhile, and a call
     * waits for the engine.
     */
    public interface RuntimeStarter {
        CallRuntime start(Supplier<Settings> settings) throws StartException;
    }

    /**
     * What the screens ask of the platform, replaceable in tests.
     *
     * @param devices   lists cameras, microphones and speakers (slow; called off the FX thread)
     * @param reachable whether a signaling server answers (slow; called off the FX thread)
     * @param clock     for recent rooms
     */
    public record Services(Supplier<DeviceListing> devices, Predicate<URI> reachable, Clock clock) {
        public Services {
            Objects.requireNonNull(devices, "devices");
            Objects.requireNonNull(reachable, "reachable");
            Objects.requireNonNull(clock, "clock");
        }

        public static Services platform() {
            return new Services(() -> new DeviceCatalog(Duration.ofSeconds(3)).list(), ServerProbe::reachable,
                    Clock.systemDefaultZone());
        }
    }

    /** Start-up work runs on daemon threads: a hung device query must never keep the process alive. */
    private static final Executor BACKGROUND = task -> {
        Thread thread = new Thread(task, "roomcall-window-background");
        thread.setDaemon(true);
        thread.start();
    };

    private final Stage stage;
    private final SettingsStore store;
    private final RuntimeStarter starter;
    private final boolean startInRoom;
    private final Services services;
    private final LaunchShare launchShare;
    private final StackPane root = new StackPane();

    private WindowPlacementTracker placement;
    private CallRuntime runtime;
    private String startProblem;
    private HomeScreen home;
    private CallScreen callScreen;
    private boolean closed;
    /** The command line's share, found, until the command line's call starts. */
    private ShareOnConnect pendingShare;
    /** Why the command line's share could not start; stays on the home screen until a call starts. */
    private String launchProblem;

    /**
     * @param startInRoom go straight into the runtime's own room once it is ready (a --room on the command line)
     */
    public Shell(Stage stage, SettingsStore store, RuntimeStarter starter, boolean startInRoom, Services services) {
        this(stage, store, starter, startInRoom, services, LaunchShare.NONE);
    }

    /** @param launchShare what the call started in the command line's room shares once connected */
    Shell(Stage stage, SettingsStore store, RuntimeStarter starter, boolean startInRoom, Services services,
          LaunchShare launchShare) {
        this.stage = Objects.requireNonNull(stage, "stage");
        this.store = Objects.requireNonNull(store, "store");
        this.starter = Objects.requireNonNull(starter, "starter");
        this.startInRoom = startInRoom;
        this.services = Objects.requireNonNull(services, "services");
        this.launchShare = Objects.requireNonNull(launchShare, "launchShare");
    }

    /** Starts the runtime and, meanwhile, shows the window. */
    public void show() {
        startRuntime();
        applyLanguage(store.settings());
        Scene scene = new Scene(root);
        scene.getStylesheets().add(Shell.class.getResource("roomcall.css").toExternalForm());
        stage.setScene(scene);
        showHome(HomeScreen.State.EMPTY);
        stage.setMinWidth(560);
        stage.setMinHeight(420);
        placement = WindowPlacementTracker.place(stage, store.window());
        stage.setOnCloseRequest(e -> close());
        stage.show();
    }

    private void startRuntime() {
        CompletableFuture.supplyAsync(() -> {
            try {
                return starter.start(store::settings);
            } catch (StartException e) {
                throw new StartFailure(e);
            }
        }, BACKGROUND).whenComplete((started, failure) -> Platform.runLater(() -> {
            if (failure != null) {
                log.error("event=start-failed", failure);
                startProblem = describe(failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure);
                if (home != null) {
                    home.failed(startProblem);
                }
                return;
            }
            if (closed) {
                BACKGROUND.execute(started::close);
                return;
            }
            runtime = started;
            if (home != null) {
                home.ready(started);
            }
            started.engineReady().whenComplete((engine, engineFailure) -> Platform.runLater(() -> engineDone(started, engineFailure)));
            if (startInRoom) {
                startLaunchCall(started.callOptions());
            }
        }));
    }

    /** The command line's room: with {@code --share}, only once its source is found; else the home screen says why. */
    private void startLaunchCall(CallOptions call) {
        if (!launchShare.requested()) {
            startCall(call);
            return;
        }
        launchShare.resolve(BACKGROUND).whenComplete((found, failure) -> Platform.runLater(() -> {
            if (closed) {
                return;
            }
            if (failure == null) {
                pendingShare = found;
                startCall(call);
                return;
            }
            Throwable cause = failure.getCause() != null ? failure.getCause() : failure;
            if (cause instanceof ShareOnConnect.Unavailable unavailable) {
                log.error("event=share-unavailable reason=\"{}\"", unavailable.getMessage());
                launchProblem = LaunchShare.problem(unavailable);
            } else {
                log.error("event=share-lookup-failed", cause);
                launchProblem = describe(cause);
            }
            sayLaunchProblem();
        }));
    }

    /** The home screen's own news (ready, what the engine worked around) must not hide why the launch call is off. */
    private void sayLaunchProblem() {
        if (home != null && launchProblem != null) {
            home.problem(launchProblem);
        }
    }

    /** The engine has started (the home screen says what it worked around) or failed (it says why). */
    private void engineDone(CallRuntime started, Throwable failure) {
        if (closed || runtime != started) {
            return;
        }
        if (failure != null) {
            log.error("event=engine-failed", failure);
            startProblem = describe(failure.getCause() != null ? failure.getCause() : failure);
            runtime = null;
            if (home != null) {
                home.failed(startProblem);
            }
            BACKGROUND.execute(started::close);
        } else if (home != null) {
            home.ready(started);
            sayLaunchProblem();
        }
    }

    // ------------------------------------------------------------------ screens

    private void showHome(HomeScreen.State state) {
        home = new HomeScreen(store, new HomeScreen.Actions() {
            @Override
            public void call(CallOptions call) {
                startCall(call);
            }

            @Override
            public void openSettings() {
                Shell.this.openSettings();
            }
        }, services.reachable(), services.clock());
        if (runtime != null) {
            home.ready(runtime);
            sayLaunchProblem();
        } else if (startProblem != null) {
            home.failed(startProblem);
        }
        home.restore(state);
        stage.titleProperty().unbind();
        stage.setTitle(I18n.text(BUNDLE, "title.home"));
        show(home);
    }

    private void openSettings() {
        HomeScreen.State state = home.state();
        SettingsScreen settings = new SettingsScreen(store.settings(), runtime == null || runtime.hasBuiltInServer(),
                services.devices(), this::saveSettings, () -> showHome(state));
        home = null;
        stage.setTitle(I18n.text(BUNDLE, "title.settings"));
        show(settings);
    }

    private void saveSettings(Settings settings) {
        boolean saved = store.save(settings);
        applyLanguage(settings);
        showHome(new HomeScreen.State("", runtime != null ? runtime.defaultServerChoice() : settings.server(), null));
        if (!saved) {
            home.problem(I18n.text(BUNDLE, "settings.notSaved", store.file()));
        }
    }

    private void startCall(CallOptions call) {
        if (closed || runtime == null || callScreen != null) {
            return;
        }
        store.save(store.recentRooms().with(new RecentRoom(call.room(), runtime.serverChoiceFor(call),
                services.clock().instant())));
        if (runtime.preparedForNextCall()) {
            showCall(call);
            return;
        }
        if (home != null) {
            if (runtime.engineReady().isDone()) {
                home.preparing();
            } else {
                home.awaitingEngine();
            }
        }
        CallRuntime current = runtime;
        CompletableFuture.runAsync(() -> {
            try {
                current.prepareNextCall();
            } catch (StartException e) {
                throw new StartFailure(e);
            }
        }, BACKGROUND).whenComplete((done, failure) -> Platform.runLater(() -> {
            if (closed) {
                return;
            }
            if (failure != null) {
                pendingShare = null; // the command line's call did not start; a later one shares only when asked
                log.error("event=prepare-failed", failure);
                if (home != null) {
                    home.problem(describe(failure.getCause() != null ? failure.getCause() : failure));
                }
                return;
            }
            showCall(call);
        }));
    }

    private void showCall(CallOptions call) {
        home = null;
        launchProblem = null;
        ScreenCall screenCall = runtime.startOnScreen(call, Platform::runLater);
        if (pendingShare != null) {
            LaunchShare.follow(pendingShare, screenCall);
            pendingShare = null;
        }
        callScreen = new CallScreen(screenCall, this::callEnded);
        callScreen.alertPresence(new StageAttention(stage), SystemNotifications.shared(), store.settings().chimeVolume());
        stage.titleProperty().bind(callScreen.titleProperty());
        show(callScreen);
    }

    private void callEnded() {
        callScreen = null;
        if (!closed) {
            showHome(HomeScreen.State.EMPTY);
        }
    }

    private void show(Parent screen) {
        root.getChildren().setAll(screen);
    }

    // ------------------------------------------------------------------ closing

    /**
     * Ends the call (the peer is told at once), saves the window's placement, closes the runtime. Idempotent; the
     * window's close button and the application's stop both come here.
     */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (placement != null) {
            store.save(placement.current());
        }
        if (callScreen != null) {
            CallScreen ending = callScreen;
            callScreen = null;
            ending.closeNow();
        }
        CallRuntime started = runtime;
        runtime = null;
        if (started != null) {
            started.close();
        }
    }

    // ------------------------------------------------------------------ words

    private static void applyLanguage(Settings settings) {
        I18n.setLocale(settings.language().locale(Locale.getDefault()));
    }

    private static String describe(Throwable failure) {
        if (failure instanceof StartFailure || failure instanceof StartException) {
            StartException e = failure instanceof StartFailure start ? start.start
                    : (StartException) failure;
            String text = I18n.text(BUNDLE, "start." + e.code(), e.getMessage());
            return text.startsWith("!") ? I18n.text(BUNDLE, "start.other", e.getMessage()) : text;
        }
        return I18n.text(BUNDLE, "start.other", String.valueOf(failure.getMessage()));
    }

    /** Carries a checked start failure through a CompletableFuture. */
    private static final class StartFailure extends RuntimeException {
        final StartException start;

        StartFailure(StartException start) {
            super(start.getMessage(), start);
            this.start = start;
        }
    }
}
