package dev.roomcall.app.cli;

import dev.roomcall.app.call.Role;
import dev.roomcall.app.call.ShareRequest;
import dev.roomcall.app.settings.IceServerSetting;
import dev.roomcall.server.cli.IceServerOptions;
import java.net.URI;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The options every launch and every later check uses; picocli parses and documents them. */
@Command(
        name = "roomcall",
        mixinStandardHelpOptions = true,
        version = "Roomcall 0.1.0",
        sortOptions = false,
        description = {
            "Video calls with anyone who has a web browser.",
            "Without --server, Roomcall starts its own server and the browser link is printed/shown.",
            "--ice-server replaces the settings' STUN/TURN servers; the built-in server announces them too."
        })
public final class CommandLine {

    @Option(names = "--server", paramLabel = "URL",
            description = "Signaling server: ws://, wss://, or the http(s):// link of a Roomcall server.")
    URI server;

    @Option(names = "--room", paramLabel = "CODE",
            description = "Room code or a full link to join. Default: a new random room.")
    String room;

    @Option(names = "--role", paramLabel = "ROLE", defaultValue = "auto",
            converter = RoleConverter.class,
            description = "auto (default): on Roomcall's server the second joiner offers; on a plain relay wait for an offer. "
                    + "caller: offer on connect. callee: wait for an offer.")
    Role role;

    @Option(names = "--name", paramLabel = "NAME",
            description = "The name others in the room see (one line, at most 64 characters).")
    String name;

    @Option(names = "--fake-media",
            description = "Send a synthetic test pattern and tone instead of camera and microphone.")
    boolean fakeMedia;

    @Option(names = "--headless",
            description = "No window: print one JSON event per line on stdout (logs go to stderr).")
    boolean headless;

    @Option(names = "--exit-after", paramLabel = "SECONDS",
            description = "Hang up and exit after this many seconds.")
    Double exitAfterSeconds;

    @Option(names = "--host", paramLabel = "PORT",
            description = "Port of the embedded server (default 3000, or a free one if 3000 is taken).")
    Integer hostPort;

    /** When given, they replace the settings' STUN/TURN servers, and the built-in server announces them. */
    @Mixin
    IceServerOptions iceServers = new IceServerOptions();

    @Option(names = "--share", paramLabel = "WHAT", converter = ShareConverter.class,
            description = "Share once connected: 'screen' (the primary screen) or 'window:TEXT' (the first window "
                    + "whose title contains TEXT). Headless: if there is no such screen or window, an error and exit "
                    + "code 2 before connecting. In the window: the call of --room shares; if there is no such screen "
                    + "or window, the home screen says so and that call does not start.")
    ShareRequest share;

    @Option(names = "--share-fps", paramLabel = "N",
            description = "Frames a second of a shared screen, 5 to 15 (default 10).")
    Integer shareFps;

    @Option(names = "--relay-only",
            description = "Only relayed (TURN) connections, never direct ones: the other person does not learn this "
                    + "computer's addresses. Needs a TURN server (--ice-server, the settings, or the server's).")
    boolean relayOnly;

    public URI server() {
        return server;
    }

    public String room() {
        return room;
    }

    public Role role() {
        return role;
    }

    /** {@code --name}, or null when not given. */
    public String name() {
        return name;
    }

    public boolean fakeMedia() {
        return fakeMedia;
    }

    public boolean headless() {
        return headless;
    }

    public Double exitAfterSeconds() {
        return exitAfterSeconds;
    }

    public Integer hostPort() {
        return hostPort;
    }

    /**
     * The --ice-server entries in the order given, credential files read.
     *
     * @throws IllegalArgumentException naming the option, if an entry cannot be used or its credential file cannot
     *                                  be read
     */
    public List<IceServerSetting> iceServers() {
        return iceServers.servers().stream()
                .map(server -> new IceServerSetting(server.urls().get(0), server.username(), server.credential()))
                .toList();
    }

    public boolean relayOnly() {
        return relayOnly;
    }

    /** {@code --share-fps}, or null for the default. */
    public Integer shareFps() {
        return shareFps;
    }

    /** What {@code --share} asks for, or null. */
    public ShareRequest share() {
        return share;
    }

    static final class ShareConverter implements picocli.CommandLine.ITypeConverter<ShareRequest> {
        @Override
        public ShareRequest convert(String value) {
            try {
                return ShareRequest.parse(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class RoleConverter implements picocli.CommandLine.ITypeConverter<Role> {
        @Override
        public Role convert(String value) {
            try {
                return Role.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not a role; use auto, caller or callee");
            }
        }
    }
}
