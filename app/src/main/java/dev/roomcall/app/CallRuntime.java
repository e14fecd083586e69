package dev.roomcall.app;

import dev.roomcall.app.call.CallController;
import dev.roomcall.app.call.CallListener;
import dev.roomcall.app.call.CallOptions;
import dev.roomcall.app.call.DeviceChoice;
import dev.roomcall.app.presentation.HomeModel;
import dev.roomcall.app.presentation.ScreenCall;
import dev.roomcall.app.settings.DevicePreferences;
import dev.roomcall.app.settings.DisplayName;
import dev.roomcall.app.settings.IceServerSetting;
import dev.roomcall.app.settings.ServerAddress;
import dev.roomcall.app.settings.Settings;
import dev.roomcall.app.support.LaunchClock;
import dev.roomcall.media.DeviceKind;
import dev.roomcall.media.MediaEngine;
import dev.roomcall.media.MediaOptions;
import dev.roomcall.media.MediaWarning;
import dev.roomcall.signaling.IceServer;
import dev.roomcall.signaling.RoomCode;
import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What lives as long as the app: the media engine (one per process, as webrtc-java requires), the built-in server
 * when no --server was given ({@link ServerChoice}), and the room to start in. It reads the person's
 * {@link Settings} from their owner whenever it needs them and starts every call
 * ({@link #startCall}, {@link #startOnScreen}).
 */
public final class CallRuntime implements HomeModel.Rooms, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CallRuntime.class);
    static final int DEFAULT_PORT = 3000;

    /**
     * Starts and releases the process's media engine. The app owns its engine ({@link #OWN_ENGINE}); tests hand in
     * the test JVM's one shared engine and keep it open after a runtime is done with it.
     */
    public interface Engines {
        MediaEngine start(MediaOptions options);

        default void release(MediaEngine engine) {
            engine.close();
        }
    }

    public static final Engines OWN_ENGINE = MediaEngine::start;

    private final Engines engines;
    private final LaunchOptions launch;
    private final String room;
    private final Supplier<Settings> settings;
    private final ServerChoice servers;
    /** --ice-server entries: when given, they replace the settings' STUN/TURN servers. */
    private final List<IceServer> commandLineIceServers;
    private final EngineSlot engine;
    private volatile MediaOptions engineOptions;
    /** The settings' devices last handed to {@link DeviceChoice}; the preference itself lives in the settings. */
    private volatile DevicePreferences devicesApplied;

    private CallRuntime(Engines engines, LaunchOptions launch, String room, Supplier<Settings> settings,
                        ServerChoice servers, List<IceServer> commandLineIceServers, EngineSlot engine,
                        MediaOptions engineOptions) {
        this.engines = engines;
        this.launch = launch;
        this.room = room;
        this.settings = settings;
        this.servers = servers;
        this.commandLineIceServers = commandLineIceServers;
        this.engine = engine;
        this.engineOptions = engineOptions;
        this.devicesApplied = DevicePreferences.systemDefaults();
    }

    /** Starts what the options ask for with default settings; slow (device queries, server start): never call on a UI thread. */
    public static CallRuntime start(LaunchOptions options) throws StartException {
        return start(options, Settings::defaults, OWN_ENGINE);
    }

    /**
     * Starts what the options ask for, with the person's settings (read from {@code settings}, their owner, whenever
     * needed) where the command line says nothing; returns once the server listens and the engine has started (the
     * two start in parallel). Slow (device queries, server start): never call on a UI thread.
     */
    public static CallRuntime start(LaunchOptions options, Supplier<Settings> settings, Engines engines)
            throws StartException {
        CallRuntime runtime = begin(options, settings, engines);
        try {
            runtime.engine.await();
        } catch (StartException e) {
            runtime.close();
            throw e;
        }
        return runtime;
    }

    /**
     * As {@link #start(LaunchOptions, Supplier, Engines)}, but returns once the built-in server listens: the engine
     * goes on starting on its own thread ({@link #engineReady()}), so rooms can be made and shared meanwhile; a call
     * waits for it ({@link #prepareNextCall()}).
     */
    public static CallRuntime begin(LaunchOptions options, Supplier<Settings> settings, Engines engines)
            throws StartException {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(engines, "engines");
        String room;
        try {
            room = options.room() == null ? RoomCode.newRoomName() : RoomCode.normalize(options.room());
        } catch (IllegalArgumentException e) {
            throw new StartException("bad-room", e.getMessage());
        }
        URI commandLineServer = null;
        if (options.server() != null) {
            try {
                commandLineServer = ServerAddress.webSocket(options.server().toString());
            } catch (IllegalArgumentException e) {
                throw new StartException("bad-server", "'" + options.server()
                        + "' is not a server address: use ws://, wss://, http:// or https:// and a host.");
            }
        }
        List<IceServer> commandLineIceServers;
        try {
            commandLineIceServers = options.iceServers().get().stream().map(IceServerSetting::toIceServer).toList();
        } catch (IllegalArgumentException e) {
            throw new StartException("bad-ice-server", e.getMessage());
        }
        Settings now = settings.get();
        MediaOptions media = mediaOptions(options.fakeMedia(), now);
        CompletableFuture<CallRuntime> made = new CompletableFuture<>();
        // The engine starts first, on its own thread, and selects the preferred devices there once the runtime exists
        // (null: the server failed, and the engine is only released).
        EngineSlot engine = EngineSlot.startInBackground(engines, media, started -> {
            CallRuntime runtime = made.join();
            if (runtime != null) {
                runtime.selectDevices(started, now.devices());
            }
        });
        EmbeddedServer server = null;
        try {
            if (commandLineServer == null || options.hostPort() != null) {
                int port = options.hostPort() == null ? DEFAULT_PORT : options.hostPort();
                server = EmbeddedServer.start(port, options.hostPort() == null, iceServers(commandLineIceServers, now));
                log.info("event=server-listening since-launch-ms={}", LaunchClock.millisSinceLaunch());
            }
        } catch (StartException | RuntimeException e) {
            made.complete(null);
            engine.release(engines);
            throw e;
        }
        CallRuntime runtime = new CallRuntime(engines, options, room, settings,
                new ServerChoice(commandLineServer, server), commandLineIceServers, engine, media);
        made.complete(runtime);
        if (runtime.relayOnly()) {
            log.info("event=relay-only ice-servers={}", runtime.iceServers().size());
        }
        engine.ready().thenRun(() -> log.info("event=ready-to-call since-launch-ms={}", LaunchClock.millisSinceLaunch()));
        return runtime;
    }

    /**
     * Completes when the media engine has started (calls can start at once), or exceptionally with a
     * {@link StartException} when it could not. Never blocks.
     */
    public CompletableFuture<Void> engineReady() {
        return engine.ready();
    }

    private static MediaOptions mediaOptions(boolean fakeMedia, Settings settings) {
        return MediaOptions.defaults().withFakeMedia(fakeMedia)
                .withResolution(settings.resolution().width(), settings.resolution().height());
    }

    /** What the media engine had to work around when it started (no camera, no sound system, ...). */
    public List<MediaWarning> mediaWarnings() {
        return engine.ifStarted().map(MediaEngine::warnings).orElse(List.of());
    }

    /** Starts a call on this runtime's engine (waiting for it if it still starts); events reach {@code listener} on the call's thread. */
    public CallController startCall(CallOptions call, CallListener listener) {
        CallController controller = CallController.prepare(call, engine.started());
        controller.share().configure(launch.shareSettings(settings.get().shareSize().shareSettings()));
        controller.start(listener);
        return controller;
    }

    /** Starts a call for a screen whose models live on the UI thread {@code ui} runs tasks on; once {@link #preparedForNextCall()}. */
    public ScreenCall startOnScreen(CallOptions call, Executor ui) {
        ScreenCall screen = ScreenCall.start(engine.started(), call, browserLinkFor(call).toString(), ui);
        screen.configureSharing(launch.shareSettings(settings.get().shareSize().shareSettings()));
        return screen;
    }

    /** The built-in server's page address, when this process runs one. */
    public Optional<URI> server() {
        return servers.builtIn().map(EmbeddedServer::httpUri);
    }

    /**
     * The SHA-256 fingerprint of the built-in server's TLS certificate ({@code AB:CD:…}), for people to compare with
     * what their browser shows; empty without a built-in server or when it serves plain http only.
     */
    public Optional<String> serverFingerprint() {
        return servers.builtIn().flatMap(EmbeddedServer::fingerprint);
    }

    /** {@link #serverFingerprint()} when {@code call} goes to the built-in server; empty for any other server. */
    public Optional<String> serverFingerprintFor(CallOptions call) {
        return servers.fingerprintFor(call.server());
    }

    /** Whether "this computer" is a server to choose: false when --server was given without --host. */
    public boolean hasBuiltInServer() {
        return servers.builtIn().isPresent();
    }

    /** Whether {@code server} is the built-in one. */
    @Override
    public boolean serves(URI server) {
        return servers.serves(server);
    }

    public String room() {
        return room;
    }

    /** The server choice new rooms use: the command line's --server, else the settings' ({@code ""}: this computer's). */
    @Override
    public String defaultServerChoice() {
        return servers.defaultChoice(settings.get());
    }

    /** Where new rooms and bare codes go: the command line's --server, else the settings' server, else the built-in one. */
    public URI defaultServer() {
        return serverFor(defaultServerChoice());
    }

    /** See {@link ServerChoice#serverFor}. */
    public URI serverFor(String choice) {
        return servers.serverFor(choice);
    }

    /** How {@code call}'s server is remembered: {@link Settings#BUILT_IN_SERVER} for this computer's, else its address. */
    public String serverChoiceFor(CallOptions call) {
        return servers.choiceFor(call.server());
    }

    public CallOptions callOptions() {
        URI server = defaultServer();
        return new CallOptions(server, room, launch.role(), iceServers(), relayOnly(), servers.pinFor(server),
                displayName());
    }

    /** Options for joining another room: a bare code stays on the default server, a link names its own. */
    public CallOptions callOptionsFor(String input) {
        return callOptionsFor(input, defaultServerChoice());
    }

    /**
     * Options for joining a room on a chosen server ({@link #serverFor}); a link overrides the choice with its own
     * server.
     *
     * @throws IllegalArgumentException if {@code input} names no room or the server choice is unusable
     */
    @Override
    public CallOptions callOptionsFor(String input, String serverChoice) {
        String next = RoomCode.normalize(input);
        String trimmed = input.trim();
        URI target = trimmed.contains("://") ? ServerAddress.webSocket(trimmed) : serverFor(serverChoice);
        URI server = URI.create(target.getScheme() + "://" + target.getRawAuthority() + "/");
        return new CallOptions(server, next, launch.role(), iceServers(), relayOnly(), servers.pinFor(server),
                displayName());
    }

    /** The name others see: {@code --name}, else the one in Settings, else this computer's account name. */
    private String displayName() {
        return launch.name() != null ? launch.name() : DisplayName.of(settings.get());
    }

    /** The STUN/TURN servers calls use and the built-in server announces: the command line's, else the settings'. */
    private List<IceServer> iceServers() {
        return iceServers(commandLineIceServers, settings.get());
    }

    private static List<IceServer> iceServers(List<IceServer> commandLine, Settings settings) {
        return commandLine.isEmpty() ? settings.usableIceServers() : commandLine;
    }

    /** Relay-only when the command line or the settings ask for it (a server's welcome can add it per call). */
    public boolean relayOnly() {
        return launch.relayOnly() || settings.get().relayOnly();
    }

    public URI browserLink() {
        return browserLinkFor(callOptions());
    }

    /** The page a browser opens to join {@code call} (see {@link BrowserLinks}). */
    public URI browserLinkFor(CallOptions call) {
        return BrowserLinks.linkFor(call, servers.serves(call.server()));
    }

    /** True if {@link #prepareNextCall()} has nothing to wait for or restart, so a call can start at once. */
    public boolean preparedForNextCall() {
        Settings wanted = settings.get();
        return engine.isStarted() && servers.announces(iceServers(commandLineIceServers, wanted))
                && mediaOptions(launch.fakeMedia(), wanted).equals(engineOptions)
                && wanted.devices().equals(devicesApplied);
    }

    /**
     * Brings the engine and the built-in server in line with the settings before a call: a new resolution restarts
     * the engine, new preferred devices are selected, new STUN/TURN servers restart the built-in server (on the same
     * port). Waits first for an engine that is still starting. Does nothing when nothing changed. Slow when it waits
     * or changes something: never call on a UI thread, never during a call.
     */
    public synchronized void prepareNextCall() throws StartException {
        MediaEngine current = engine.await();
        Settings wanted = settings.get();
        servers.announce(iceServers(commandLineIceServers, wanted));
        MediaOptions media = mediaOptions(launch.fakeMedia(), wanted);
        if (!media.equals(engineOptions)) {
            awaitSessionsClosed(current);
            log.info("event=engine-restart resolution={}", wanted.resolution().text());
            current = engine.restart(engines, current, media);
            engineOptions = media;
            devicesApplied = DevicePreferences.systemDefaults();
        }
        if (!wanted.devices().equals(devicesApplied)) {
            selectDevices(current, wanted.devices());
        }
    }

    /**
     * Selects the preferred devices that are not the system default. One that cannot be selected (unplugged, busy) is
     * logged and left: the call goes ahead with what there is, and the preference stays for the next launch.
     */
    private void selectDevices(MediaEngine started, DevicePreferences wanted) {
        if (!launch.fakeMedia()) {
            DeviceChoice choice = new DeviceChoice(started);
            select(choice, DeviceKind.CAMERA, wanted.camera());
            select(choice, DeviceKind.MICROPHONE, wanted.microphone());
            select(choice, DeviceKind.SPEAKER, wanted.speaker());
        }
        devicesApplied = wanted;
    }

    private static void select(DeviceChoice choice, DeviceKind kind, String deviceId) {
        if (deviceId.isEmpty()) {
            return;
        }
        try {
            choice.select(kind, deviceId).ifPresent(warning -> log.warn("event=preferred-device-unavailable kind={} "
                    + "code={} detail={}", kind.name().toLowerCase(java.util.Locale.ROOT), warning.code(), warning.message()));
        } catch (RuntimeException e) {
            log.warn("event=preferred-device-failed kind={} reason={}", kind.name().toLowerCase(java.util.Locale.ROOT), e.toString());
        }
    }

    /** A call that just ended closes its session on another thread; restarting the engine under it would race. */
    private static void awaitSessionsClosed(MediaEngine engine) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!engine.sessions().isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public synchronized void close() {
        try {
            engine.release(engines);
        } finally {
            servers.close();
        }
    }
}
