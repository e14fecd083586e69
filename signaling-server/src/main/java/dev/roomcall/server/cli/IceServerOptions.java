package dev.roomcall.server.cli;

import dev.roomcall.signaling.IceServer;
import dev.roomcall.signaling.IceServerRule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * The repeatable {@code --ice-server URL [--ice-username NAME (--ice-credential SECRET | --ice-credential-file FILE)]}
 * options, one picocli mixin for every Roomcall command line ({@code @Mixin IceServerOptions iceServers;}). Each entry
 * is checked by {@link IceServerRule}, so the app and the server accept the same servers.
 */
public final class IceServerOptions {

    @ArgGroup(exclusive = false, multiplicity = "0..*", heading = "%nSTUN and TURN servers:%n")
    List<Entry> entries = new ArrayList<>();

    /** One {@code --ice-server} and the credentials that follow it. */
    static final class Entry {
        @Option(names = "--ice-server", paramLabel = "URL", required = true,
                description = "STUN or TURN server, e.g. stun:stun.example.org:3478 or "
                        + "turn:turn.example.org:3478?transport=udp; repeatable. A turn: or turns: URL needs the two "
                        + "options below after it.")
        String url;

        @Option(names = "--ice-username", paramLabel = "NAME", description = "Username for the --ice-server just before.")
        String username;

        @ArgGroup(exclusive = true, multiplicity = "0..1")
        Credential credential;
    }

    static final class Credential {
        @Option(names = "--ice-credential", paramLabel = "SECRET", required = true,
                description = "Credential for the --ice-server just before. Other users of this machine can read a "
                        + "command line (ps); prefer --ice-credential-file.")
        String value;

        @Option(names = "--ice-credential-file", paramLabel = "FILE", required = true,
                description = "File whose first line is the credential for the --ice-server just before.")
        Path file;
    }

    /**
     * The servers in the order given, credential files read.
     *
     * @throws IllegalArgumentException naming the option, for an entry {@link IceServerRule} refuses, a username
     *                                  without a credential or the other way round, or an unreadable credential file
     */
    public List<IceServer> servers() {
        List<IceServer> servers = new ArrayList<>();
        for (Entry entry : entries) {
            String credential = credential(entry.credential);
            if ((entry.username == null) != (credential == null)) {
                throw new IllegalArgumentException("--ice-server '" + entry.url + "': give both --ice-username and "
                        + "--ice-credential (or --ice-credential-file), or neither");
            }
            Optional<IceServerRule.Problem> problem = IceServerRule.problem(entry.url, entry.username, credential);
            if (problem.isPresent()) {
                throw new IllegalArgumentException("--ice-server '" + entry.url + "': " + words(problem.get()));
            }
            servers.add(new IceServer(List.of(entry.url), entry.username, credential));
        }
        return List.copyOf(servers);
    }

    private static String words(IceServerRule.Problem problem) {
        if (problem == IceServerRule.Problem.TURN_CREDENTIALS) {
            return "a TURN server needs --ice-username and --ice-credential (or --ice-credential-file) after it";
        }
        return problem.words();
    }

    private static String credential(Credential credential) {
        if (credential == null) {
            return null;
        }
        if (credential.file == null) {
            return credential.value;
        }
        try {
            String content = Files.readString(credential.file, StandardCharsets.UTF_8);
            int end = content.indexOf('\n');
            String firstLine = (end < 0 ? content : content.substring(0, end)).strip();
            if (firstLine.isEmpty()) {
                throw new IllegalArgumentException("--ice-credential-file " + credential.file + " is empty");
            }
            return firstLine;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read --ice-credential-file " + credential.file + ": "
                    + e.getMessage(), e);
        }
    }
}
