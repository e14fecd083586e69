package dev.roomcall.app.cli;

import dev.roomcall.app.call.Role;
import dev.roomcall.app.settings.IceServerSetting;
import dev.roomcall.app.settings.SettingProblem;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The options every launch and every later check uses; picocli parses and documents them. */
@Command(
        name = "roomcall",
        mixinStandardHelpOptions = true,
        version = "Roomcall 0.1.0",
        sortOptions = false,
        description = {
            "Video calls with anyone who has a web browser.",
            "Without --server, Roomcall starts its own server and the browser link is printed/shown."
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

    @ArgGroup(exclusive = false, multiplicity = "0..*")
    List<IceServerOption> iceServers = new ArrayList<>();

    @Option(names = "--relay-only",
            description = "Only relayed (TURN) connections, never direct ones: the other person does not learn this "
                    + "computer's addresses. Needs a TURN server (--ice-server, the settings, or the server's).")
    boolean relayOnly;

    /**
     * One {@code --ice-server URL [--ice-username NAME (--ice-credential SECRET | --ice-credential-file FILE)]}, as
     * Roomcall's server takes it.
     */
    static final class IceServerOption {
        @Option(names = "--ice-server", paramLabel = "URL", required = true,
                description = "STUN or TURN server for calls across networks, e.g. stun:stun.example.org:3478 or "
                        + "turn:turn.example.org:3478?transport=udp; repeatable. Replaces the settings' servers "
                        + "and is announced by the built-in server.")
        String url;

        @Option(names = "--ice-username", paramLabel = "NAME",
                description = "Username for the --ice-server just before (TURN).")
        String username;

        @ArgGroup(exclusive = true, multiplicity = "0..1")
        IceCredential credential;
    }

    static final class IceCredential {
        @Option(names = "--ice-credential", paramLabel = "SECRET", required = true,
                description = "Credential (password) for the --ice-server just before (TURN). Other users of this "
                        + "machine can read a command line (ps); prefer --ice-credential-file.")
        String value;

        @Option(names = "--ice-credential-file", paramLabel = "FILE", required = true,
                description = "File whose first line is the credential for the --ice-server just before.")
        Path file;
    }

    public URI server() {
        return server;
    }

    public String room() {
        return room;
    }

    public Role role() {
        return role;
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
     * @throws IllegalArgumentException naming the option, if an entry cannot be used (checked as the settings check
     *                                  theirs) or its credential file cannot be read
     */
    public List<IceServerSetting> iceServers() {
        List<IceServerSetting> entries = new ArrayList<>();
        for (IceServerOption option : iceServers) {
            IceServerSetting entry = new IceServerSetting(option.url, option.username, credential(option));
            Optional<SettingProblem> problem = entry.problem();
            if (problem.isPresent()) {
                throw new IllegalArgumentException("--ice-server '" + entry.url() + "': " + words(problem.get()));
            }
            entries.add(entry);
        }
        return List.copyOf(entries);
    }

    private static String credential(IceServerOption option) {
        if (option.credential == null) {
            return null;
        }
        if (option.credential.file == null) {
            return option.credential.value;
        }
        try {
            String content = Files.readString(option.credential.file, StandardCharsets.UTF_8);
            int end = content.indexOf('\n');
            String firstLine = (end < 0 ? content : content.substring(0, end)).strip();
            if (firstLine.isEmpty()) {
                throw new IllegalArgumentException("--ice-credential-file " + option.credential.file + " is empty");
            }
            return firstLine;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read --ice-credential-file " + option.credential.file + ": "
                    + e.getMessage(), e);
        }
    }

    public boolean relayOnly() {
        return relayOnly;
    }

    private static String words(SettingProblem problem) {
        switch (problem) {
            case ICE_SCHEME:
                return "must start with stun:, turn: or turns:";
            case ICE_HOST:
                return "needs a host and a port within 1..65535 (only turn URLs may add ?transport=udp or tcp)";
            case TURN_CREDENTIALS:
                return "a TURN server needs --ice-username and --ice-credential (or --ice-credential-file) after it";
            default:
                return problem.name();
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
