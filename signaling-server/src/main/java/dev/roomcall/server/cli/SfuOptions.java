package dev.roomcall.server.cli;

import dev.roomcall.server.sfu.SfuSettings;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * {@code --janus URL [--janus-public-url URL] [--janus-admin-key-file FILE] [--sfu-from N] [--sfu-room-size N]}: rooms
 * that outgrow the mesh have their media forwarded by Janus. A picocli mixin ({@code @Mixin SfuOptions sfu;}).
 */
public final class SfuOptions {

    @Option(names = "--janus", paramLabel = "URL",
            description = "Janus's WebSocket API, e.g. ws://127.0.0.1:8188: rooms larger than --sfu-from are hosted on "
                    + "its VideoRoom plugin (default: none; every room is a mesh of at most --room-size).")
    URI janus;

    @Option(names = "--janus-public-url", paramLabel = "URL",
            description = "Janus's WebSocket API as apps and pages reach it, e.g. wss://sfu.example.org/ (default: --janus).")
    URI publicUrl;

    @Option(names = "--janus-admin-key-file", paramLabel = "FILE",
            description = "File whose first line is the VideoRoom plugin's admin_key (kept off the command line).")
    Path adminKeyFile;

    @Option(names = "--sfu-from", paramLabel = "N",
            description = "A room moves to Janus once it has more than N people; 0 hosts every room there from its "
                    + "first member (default: --room-size).")
    Integer sfuFrom;

    @Option(names = "--sfu-room-size", paramLabel = "N", defaultValue = "" + SfuSettings.DEFAULT_ROOM_SIZE,
            description = "People per room hosted on Janus, 2-" + SfuSettings.MAX_ROOM_SIZE + " (default: ${DEFAULT-VALUE}).")
    int roomSize;

    /**
     * The settings these options describe, or null without {@code --janus}.
     *
     * @param meshSize the server's {@code --room-size}: the default for {@code --sfu-from}
     * @throws IllegalArgumentException for options that make no sense together, or an unreadable key file
     */
    public SfuSettings settings(int meshSize) {
        if (janus == null) {
            if (publicUrl != null || adminKeyFile != null || sfuFrom != null) {
                throw new IllegalArgumentException("--janus-public-url, --janus-admin-key-file and --sfu-from need --janus");
            }
            return null;
        }
        return new SfuSettings(janus, publicUrl, adminKey(), sfuFrom == null ? meshSize : sfuFrom, roomSize,
                SfuSettings.DEFAULT_BITRATE);
    }

    private String adminKey() {
        if (adminKeyFile == null) {
            return null;
        }
        try {
            List<String> lines = Files.readAllLines(adminKeyFile, StandardCharsets.UTF_8);
            String key = lines.isEmpty() ? "" : lines.get(0).trim();
            if (key.isEmpty()) {
                throw new IllegalArgumentException("--janus-admin-key-file " + adminKeyFile + " has no key on its first line");
            }
            return key;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read --janus-admin-key-file: " + e.getMessage(), e);
        }
    }
}
