package dev.roomcall.app;

import dev.roomcall.app.call.CallController;
import dev.roomcall.app.call.CallListener;
import dev.roomcall.app.call.CallOptions;
import dev.roomcall.app.call.Role;
import dev.roomcall.app.cli.CommandLine;
import dev.roomcall.app.presentation.ScreenCall;
import dev.roomcall.app.settings.DevicePreferences;
import dev.roomcall.app.settings.IceServerSetting;
import dev.roomcall.app.settings.ServerAddress;
import dev.roomcall.app.settings.Settings;
import dev.roomcall.media.MediaEngine;
import dev.roomcall.media.MediaOptions;
import dev.roomcall.media.MediaWarning;
import dev.roomcall.signaling.IceServer;
import dev.roomcall.signaling.RoomCode;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What lives as long as the app: the media engine (one per process, as webrtc-java requires), the
 * embedded server when no --server was given, the room to start in, and the person's {@link Settings}
 * as far as calls use them (server, resolution, STUN/TURN servers).
 */
public final class CallRuntime implements AutoCloseable {

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
    private final boolean fakeMedia;
    private final URI commandLineServer;
    private final Role role;
    private final String room;
    private volatile EmbeddedServer server;
    private volatile MediaEngine engine;
    private volatile MediaOptions engineOptions;
    private volatile DevicePreferences engineDevices;
    private volatile Settings settings;
    /** --ice-server entries: when given, they replace the settings' STUN/TURN servers. */
    private final List<IceServer> commandLineIceServers;
    private final boolean commandLineRelayOnly;

    private CallRuntime(Engines engines, boolean fakeMedia, URI commandLineServer, Role role, String room,
                        EmbeddedServer server, MediaEngine engine, MediaOptions engineOptions, Settings settings,
                        List<IceServer> commandLineIceServers, boolean commandLineRelayOnly) {
        this.engines = engines;
        this.fakeMedia = fakeMedia;
        this.commandLineServer = commandLineServer;
        this.role = role;
        this.room = room;
        this.server = server;
        this.engine = engine;
        this.engineOptions = engineOptions;
        this.engineDevices = DevicePreferences.systemDefaults();
        this.settings = settings;
        this.commandLineIceServers = commandLineIceServers;
        this.commandLineRelayOnly = commandLineRelayOnly;
    }

    /** Starts what the options ask for with default settings; slow (device queries, server start): never call on a UI thread. */
    public static CallRuntime start(CommandLine options) throws StartException {
        return start(options, Settings.defaults(), OWN_ENGINE);
    }

    /**
     * Starts what the options ask for, with the person's settings where the command line says nothing. Slow (device
     * queries, server start): never call on a UI thread.
     */
    public static CallRuntime start(CommandLine options, Settings settings, Engines engines) throws StartException {
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
            commandLineIceServers = options.iceServers().stream().map(IceServerSetting::toIceServer).toList();
        } catch (IllegalArgumentException e) {
            throw new StartException("bad-ice-server", e.getMessage());
        }
        EmbeddedServer server = null;
        if (commandLineServer == null || options.hostPort() != null) {
            int port = options.hostPort() == null ? DEFAULT_PORT : options.hostPort();
            server = EmbeddedServer.start(port, options.hostPort() == null,
                    iceServers(commandLineIceServers, settings));
        }
        MediaOptions media = mediaOptions(options.fakeMedia(), settings);
        MediaEngine engine;
        try {
            engine = engines.start(media);
        } catch (RuntimeException e) {
            if (server != null) {
                server.close();
            }
            throw new StartException("media-failed", "Could not start audio/video: " + e.getMessage());
        }
        CallRuntime runtime = new CallRuntime(engines, options.fakeMedia(), commandLineServer, options.role(), room,
                server, engine, media, settings, commandLineIceServers, options.relayOnly());
        if (runtime.relayOnly()) {
            log.info("event=relay-only ice-servers={}", runtime.iceServers().size());
        }
        runtime.selectDevices(settings.devices());
        return runtime;
    }

    private static MediaOptions mediaOptions(boolean fakeMedia, Settings settings) {
        return MediaOptions.defaults().withFakeMedia(fakeMedia)
                .withResolution(settings.resolution().width(), settings.resolution().height());
    }

    public MediaEngine engine() {
        return engine;
    }

    /** Starts a call on this runtime's engine; events reach {@code listener} on the call's thread. */
    public CallController startCall(CallOptions call, CallListener listener) {
        return CallController.start(call, engine, listener);
    }

    /** Starts a call for a screen whose models live on the UI thread {@code ui} runs tasks on. */
    public ScreenCall startOnScreen(CallOptions call, Executor ui) {
        return ScreenCall.start(engine, call, browserLinkFor(call).toString(), ui);
    }

    /** The embedded server's page address, when this process runs one. */
    public Optional<URI> server() {
        return Optional.ofNullable(server).map(EmbeddedServer::httpUri);
    }

    /**
     * The SHA-256 fingerprint of the embedded server's TLS certificate ({@code AB:CD:…}), for people to compare with
     * what their browser shows; empty without an embedded server or when it serves plain http only.
     */
    public Optional<String> serverFingerprint() {
        return Optional.ofNullable(server).flatMap(EmbeddedServer::fingerprint);
    }

    /** {@link #serverFingerprint()} when {@code call} goes to the embedded server; empty for any other server. */
    public Optional<String> serverFingerprintFor(CallOptions call) {
        EmbeddedServer embedded = server;
        return embedded != null && call.server().equals(embedded.webSocketUri()) ? embedded.fingerprint()
                : Optional.empty();
    }

    /** Whether "this computer" is a server to choose: false when --server was given without --host. */
    public boolean hasBuiltInServer() {
        return server != null;
    }

    public String room() {
        return room;
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Takes new settings. The server and STUN/TURN servers apply to calls started from now on; the engine and the
     * embedded server pick up theirs in {@link #prepareNextCall()}.
     */
    public void apply(Settings newSettings) {
        settings = Objects.requireNonNull(newSettings, "newSettings");
    }

    /**
     * The server typed into the settings or the join form as it is used, {@code ""} meaning this computer's: the
     * command line's --server when one was given, else the settings' server.
     */
    public String defaultServerChoice() {
        return commandLineServer != null ? commandLineServer.toString() : settings.server();
    }

    /** Where new rooms and bare codes go: the command line's --server, else the settings' server, else the built-in one. */
    public URI defaultServer() {
        return serverFor(defaultServerChoice());
    }

    /**
     * The WebSocket address for a server choice: empty means the built-in server (or --server, when there is no
     * built-in one), anything else is read by {@link ServerAddress#webSocket}.
     *
     * @throws IllegalArgumentException if the choice is not a server address, or empty with no server to fall back on
     */
    public URI serverFor(String choice) {
        if (choice == null || choice.isBlank()) {
            if (server != null) {
                return server.webSocketUri();
            }
            if (commandLineServer != null) {
                return commandLineServer;
            }
            throw new IllegalArgumentException("no built-in server is running");
        }
        return ServerAddress.webSocket(choice);
    }

    /** How {@code call}'s server is remembered: {@link Settings#BUILT_IN_SERVER} for this computer's, else its address. */
    public String serverChoiceFor(CallOptions call) {
        EmbeddedServer embedded = server;
        return embedded != null && call.server().equals(embedded.webSocketUri()) ? Settings.BUILT_IN_SERVER
                : call.server().toString();
    }

    public CallOptions callOptions() {
        URI server = defaultServer();
        return new CallOptions(server, room, role, iceServers(), relayOnly(), pinFor(server));
    }

    /** The built-in server is trusted by the fingerprint of the certificate it made; any other by its authority. */
    private String pinFor(URI server) {
        EmbeddedServer embedded = this.server;
        return embedded != null && server.equals(embedded.webSocketUri()) ? embedded.fingerprint().orElse(null) : null;
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
    public CallOptions callOptionsFor(String input, String serverChoice) {
        String next = RoomCode.normalize(input);
        String trimmed = input.trim();
        URI target = trimmed.contains("://") ? ServerAddress.webSocket(trimmed) : serverFor(serverChoice);
        URI server = URI.create(target.getScheme() + "://" + target.getRawAuthority() + "/");
        return new CallOptions(server, next, role, iceServers(), relayOnly(), pinFor(server));
    }

    /** The STUN/TURN servers calls use and the built-in server announces: the command line's, else the settings'. */
    private List<IceServer> iceServers() {
        return iceServers(commandLineIceServers, settings);
    }

    private static List<IceServer> iceServers(List<IceServer> commandLine, Settings settings) {
        return commandLine.isEmpty() ? settings.usableIceServers() : commandLine;
    }

    /** Relay-only when the command line or the settings ask for it (a server's welcome can add it per call). */
    public boolean relayOnly() {
        return commandLineRelayOnly || settings.relayOnly();
    }

    public URI browserLink() {
        return browserLinkFor(callOptions());
    }

    /**
     * The page a browser opens to join: Roomcall's server serves it on the same port as signaling.
     * For the embedded server the host is this machine's LAN address, which is what the other
     * person's browser can reach; loopback when there is none.
     */
    public URI browserLinkFor(CallOptions call) {
        URI ws = call.server();
        String scheme = "wss".equalsIgnoreCase(ws.getScheme()) ? "https" : "http";
        String host = ws.getHost();
        EmbeddedServer embedded = server;
        if (embedded != null && ws.equals(embedded.webSocketUri())) {
            host = lanAddress().orElse(host);
        }
        int port = ws.getPort();
        return URI.create(scheme + "://" + host + (port > 0 ? ":" + port : "") + "/#" + call.room());
    }

    /** True if {@link #prepareNextCall()} has nothing to restart, so a call can start at once. */
    public boolean preparedForNextCall() {
        Settings wanted = settings;
        EmbeddedServer embedded = server;
        return (embedded == null || embedded.iceServers().equals(iceServers(commandLineIceServers, wanted)))
                && mediaOptions(fakeMedia, wanted).equals(engineOptions)
                && wanted.devices().equals(engineDevices);
    }

    /**
     * Brings the engine and the embedded server in line with the settings before a call: a new resolution restarts
     * the engine, new preferred devices are selected, new STUN/TURN servers restart the embedded server (on the same
     * port). Does nothing when nothing changed. Slow when it changes something: never call on a UI thread, never
     * during a call.
     */
    public synchronized void prepareNextCall() throws StartException {
        Settings wanted = settings;
        EmbeddedServer embedded = server;
        List<IceServer> announced = iceServers(commandLineIceServers, wanted);
        if (embedded != null && !embedded.iceServers().equals(announced)) {
            server = embedded.restartWith(announced);
        }
        MediaOptions media = mediaOptions(fakeMedia, wanted);
        if (!media.equals(engineOptions)) {
            awaitSessionsClosed();
            log.info("event=engine-restart resolution={}", wanted.resolution().text());
            engines.release(engine);
            try {
                engine = engines.start(media);
            } catch (RuntimeException e) {
                throw new StartException("media-failed", "Could not start audio/video: " + e.getMessage());
            }
            engineOptions = media;
            engineDevices = DevicePreferences.systemDefaults();
        }
        if (!wanted.devices().equals(engineDevices)) {
            selectDevices(wanted.devices());
        }
    }

    /**
     * Selects the preferred devices that are not the system default. One that cannot be selected (unplugged, busy) is
     * logged and left: the call goes ahead with what there is, and the preference stays for the next launch.
     */
    private void selectDevices(DevicePreferences wanted) {
        if (!fakeMedia) {
            MediaEngine current = engine;
            select("camera", wanted.camera(), current::selectCamera);
            select("microphone", wanted.microphone(), current::selectMicrophone);
            select("speaker", wanted.speaker(), current::selectSpeaker);
        }
        engineDevices = wanted;
    }

    private static void select(String kind, String deviceId, Function<String, Optional<MediaWarning>> selection) {
        if (deviceId.isEmpty()) {
            return;
        }
        try {
            selection.apply(deviceId).ifPresent(warning -> log.warn("event=preferred-device-unavailable kind={} code={} "
                    + "detail={}", kind, warning.code(), warning.message()));
        } catch (RuntimeException e) {
            log.warn("event=preferred-device-failed kind={} reason={}", kind, e.toString());
        }
    }

    /** A call that just ended closes its session on another thread; restarting the engine under it would race. */
    private void awaitSessionsClosed() {
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

    /** This machine's first private IPv4 address, which a browser on the LAN can reach. */
    static Optional<String> lanAddress() {
        List<InetAddress> addresses = new ArrayList<>();
        try {
            for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                if (nic.isUp() && !nic.isLoopback() && !nic.isVirtual()) {
                    addresses.addAll(Collections.list(nic.getInetAddresses()));
                }
            }
        } catch (SocketException e) {
            log.debug("event=lan-address-unavailable", e);
        }
        return reachableAddress(addresses);
    }

    /**
     * The address other machines most likely reach this one by: a private IPv4 address (a home or office network)
     * first, otherwise any other IPv4 address that is neither loopback nor link-local (a machine with a public
     * address). IPv6 is left out: a link with a bracketed literal is rarely what a person can read out or type.
     */
    static Optional<String> reachableAddress(List<InetAddress> addresses) {
        Optional<String> other = Optional.empty();
        for (InetAddress address : addresses) {
            if (!(address instanceof Inet4Address) || address.isLoopbackAddress() || address.isLinkLocalAddress()
                    || address.isAnyLocalAddress() || address.isMulticastAddress()) {
                continue;
            }
            if (address.isSiteLocalAddress()) {
                return Optional.of(address.getHostAddress());
            }
            if (other.isEmpty()) {
                other = Optional.of(address.getHostAddress());
            }
        }
        return other;
    }

    @Override
    public synchronized void close() {
        try {
            engines.release(engine);
        } finally {
            EmbeddedServer embedded = server;
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    /** Start-up failed in a way the person must be told about; {@link #code()} is stable for scripts. */
    public static final class StartException extends Exception {
        private final String code;

        public StartException(String code, String message) {
            super(message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
