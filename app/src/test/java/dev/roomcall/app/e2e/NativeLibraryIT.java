package dev.roomcall.app.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * {@code java -jar roomcall.jar} maps libwebrtc from the copy kept in its cache directory (here
 * {@code roomcall.cache.dir}, set by the build), and a later start maps that same file without writing it:
 * webrtc-java alone would unpack 23 MB into a new temporary file on every start.
 */
@EnabledOnOs(OS.LINUX) // reads /proc/PID/maps
class NativeLibraryIT {

    private static final Duration START = Duration.ofSeconds(60);

    @Test
    void theAppMapsLibwebrtcFromItsCacheAndALaterStartUnpacksNothing() throws Exception {
        Path cache = Path.of(System.getProperty("roomcall.cache.dir"));

        Path first = mappedLibrary("native-library-first");
        assertTrue(first.startsWith(cache.resolve("native")), "mapped from the cache: " + first);
        FileTime written = Files.getLastModifiedTime(first);

        assertEquals(first, mappedLibrary("native-library-later"));
        assertEquals(written, Files.getLastModifiedTime(first), "the later start did not unpack it again");
    }

    /** The one file of webrtc-java's library the app has mapped once its call has joined the room. */
    private static Path mappedLibrary(String name) throws Exception {
        try (AppProcess app = AppProcess.start(name, "--fake-media", "--host", "0")) {
            app.await("joined", START); // the media engine has started by then
            List<String> files = Files.readAllLines(Path.of("/proc", Long.toString(app.pid()), "maps")).stream()
                    .filter(line -> line.contains("webrtc-java") && line.indexOf('/') >= 0)
                    .map(line -> line.substring(line.indexOf('/')))
                    .distinct()
                    .toList();
            assertEquals(1, files.size(), "one copy of the library is mapped: " + files);
            assertEquals(0, app.terminate(Duration.ofSeconds(15)));
            return Path.of(files.get(0));
        }
    }
}
