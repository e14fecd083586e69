package dev.roomcall.app;

import dev.roomcall.app.settings.ServerAddress;
import dev.roomcall.app.settings.Settings;
import dev.roomcall.signaling.IceServer;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * Which signaling server a call goes to: the built-in one this process runs (when it runs one), the command line's
 * {@code --server}, or one the person typed. The one place that answers "is this the built-in server?"
 * ({@link #serves}), and so how a server is remembered, which certificate is pinned and whose fingerprint is shown.
 */
final class ServerChoice implements AutoCloseable {

    private final URI commandLineServer;
    private volatile EmbeddedServer builtIn;

    /**
     * @param commandLineServer the command line's {@code --server}, or null
     * @param builtIn           the server this process runs, or null
     */
    ServerChoice(URI commandLineServer, EmbeddedServer builtIn) {
        this.commandLineServer = commandLineServer;
        this.builtIn = builtIn;
    }

    /** Whether {@code server} is the built-in one, which this app made and so trusts by its certificate. */
    boolean serves(URI server) {
        EmbeddedServer own = builtIn;
        return own != null && server.equals(own.webSocketUri());
    }

    Optional<EmbeddedServer> builtIn() {
        return Optional.ofNullable(builtIn);
    }

    /**
     * The server typed into the settings or the join form as it is used, {@code ""} meaning this computer's: the
     * command line's --server when one was given, else the settings' server.
     */
    String defaultChoice(Settings settings) {
        return commandLineServer != null ? commandLineServer.toString() : settings.server();
    }

    /**
     * The WebSocket address for a server choice: empty means the built-in server (or --server, when there is no
     * built-in one), anything else is read by {@link ServerAddress#webSocket}.
     *
     * @throws IllegalArgumentException if the choice is not a server address, or empty with no server to fall back on
     */
    URI serverFor(String choice) {
        if (choice == null || choice.isBlank()) {
            EmbeddedServer own = builtIn;
            if (own != null) {
                return own.webSocketUri();
            }
            if (commandLineServer != null) {
                return commandLineServer;
            }
            throw new IllegalArgumentException("no built-in server is running");
        }
        return ServerAddress.webSocket(choice);
    }

    /** How a call's server is remembered: {@link Settings#BUILT_IN_SERVER} for this computer's, else its address. */
    String choiceFor(URI server) {
        return serves(server) ? Settings.BUILT_IN_SERVER : server.toString();
    }

    /** The built-in server's certificate fingerprint for a call to it; empty for any other server. */
    Optional<String> fingerprintFor(URI server) {
        return serves(server) ? builtIn.fingerprint() : Optional.empty();
    }

    /** The built-in server is trusted by the fingerprint of the certificate it made; any other by its authority. */
    String pinFor(URI server) {
        return fingerprintFor(server).orElse(null);
    }

    /** Whether the built-in server (if any) already announces these STUN/TURN servers. */
    boolean announces(List<IceServer> iceServers) {
        EmbeddedServer own = builtIn;
        return own == null || own.iceServers().equals(iceServers);
    }

    /** Restarts the built-in server (on the same port) when it announces other STUN/TURN servers. Between calls only. */
    void announce(List<IceServer> iceServers) throws StartException {
        if (!announces(iceServers)) {
            builtIn = builtIn.restartWith(iceServers);
        }
    }

    @Override
    public void close() {
        EmbeddedServer own = builtIn;
        if (own != null) {
            own.close();
        }
    }
}
