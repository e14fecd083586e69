package dev.roomcall.media.natives;

import dev.roomcall.media.WebRtcNatives;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Run in a JVM of its own by {@link WebRtcLibraryLoadTest}: loads libwebrtc as the app does, then lets webrtc-java's
 * classes run their own loading, and prints each file of webrtc-java's library this process has mapped.
 */
public final class LoadProbe {

    /** Before each file; libwebrtc's threads may print to stdout at exit too. */
    static final String MAPPED = "mapped: ";

    private LoadProbe() {}

    /** @param args the directory to keep an unpacked copy in, if any */
    public static void main(String[] args) throws Exception {
        if (args.length > 0) {
            WebRtcNatives.keepUnpackedIn(Path.of(args[0]));
        }
        WebRtcNatives.load();
        // Each of these asks webrtc-java's NativeLoader for the library in its static initialiser.
        Class.forName("dev.onvoid.webrtc.logging.Logging");
        Class.forName("dev.onvoid.webrtc.PeerConnectionFactory");
        Class.forName("dev.onvoid.webrtc.media.MediaDevices");
        Set<String> mapped = new LinkedHashSet<>();
        for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
            int path = line.indexOf('/');
            if (path >= 0 && line.contains("webrtc-java")) {
                mapped.add(line.substring(path));
            }
        }
        mapped.forEach(file -> System.out.println(MAPPED + file));
    }
}
