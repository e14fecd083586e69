package dev.roomcall.media.natives;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.onvoid.webrtc.internal.NativeLoader;
import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which file of libwebrtc a start maps, read from {@code /proc/self/maps} of a JVM started for the purpose: webrtc-java's
 * own loader would map a new temporary file each start (and its classes would load a second copy if they did not
 * know the library is in).
 */
@EnabledOnOs(OS.LINUX)
class WebRtcLibraryLoadTest {

    private static final String LIB = LibraryFileName.forThisPlatform();

    @TempDir
    Path dir;

    private List<String> start(List<String> classPath) throws IOException, InterruptedException {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", String.join(java.io.File.pathSeparator, classPath),
                "-Djava.io.tmpdir=" + Files.createDirectories(dir.resolve("tmp")),
                LoadProbe.class.getName(), dir.resolve("cache").toString());
        Process process = new ProcessBuilder(command).redirectError(dir.resolve("probe.err").toFile()).start();
        String out;
        try (InputStream stdout = process.getInputStream()) {
            out = new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        assertEquals(0, process.exitValue(), "the probe exited with an error; it printed: " + out);
        return out.lines().filter(line -> line.startsWith(LoadProbe.MAPPED))
                .map(line -> line.substring(LoadProbe.MAPPED.length())).toList();
    }

    private static List<String> testClassPath() {
        return Arrays.asList(System.getProperty("java.class.path").split(java.io.File.pathSeparator));
    }

    private static Path natives() throws IOException, URISyntaxException {
        URL resource = NativeLoader.class.getClassLoader().getResource(LIB);
        assertNotNull(resource, LIB + " is on the test class path");
        return Path.of(((JarURLConnection) resource.openConnection()).getJarFileURL().toURI());
    }

    private static Path webrtcClasses() throws URISyntaxException {
        return Path.of(NativeLoader.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void aStartMapsOneCopyKeptInTheCacheAndTheNextStartTheSameFileUnwritten() throws Exception {
        List<String> first = start(testClassPath());

        assertEquals(1, first.size(), "one copy of the library is mapped: " + first);
        Path copy = Path.of(first.get(0));
        assertEquals(dir.resolve("cache").resolve("native").resolve(LIB), copy.getParent().getParent());
        FileTime written = Files.getLastModifiedTime(copy);

        assertEquals(first, start(testClassPath()));
        assertEquals(written, Files.getLastModifiedTime(copy), "the second start did not unpack it again");
        try (var tmp = Files.list(dir.resolve("tmp"))) {
            assertEquals(List.of(), tmp.toList(), "nothing unpacked into the temporary directory");
        }
    }

    @Test
    void aCacheDirectoryOthersCanWriteIsNotUsedAndTheLogSaysWhy() throws Exception {
        Files.createDirectory(dir.resolve("cache"));
        Files.setPosixFilePermissions(dir.resolve("cache"), PosixFilePermissions.fromString("rwxrwxrwx"));

        List<String> mapped = start(testClassPath());

        assertEquals(1, mapped.size(), "webrtc-java loaded it its own way, once: " + mapped);
        assertTrue(mapped.get(0).startsWith(dir.resolve("tmp").toString()), "from its temporary copy: " + mapped);
        try (var cache = Files.list(dir.resolve("cache"))) {
            assertEquals(List.of(), cache.toList(), "nothing was put in the shared directory");
        }
        String log = Files.readString(dir.resolve("probe.err"));
        assertTrue(log.contains("cannot keep libwebrtc unpacked in " + dir.resolve("cache"))
                && log.contains("can be written by other users"), log);
    }

    @Test
    void anInstalledImageMapsTheLibraryShippedBesideTheJarAndWritesNoCache() throws Exception {
        Path image = Files.createDirectories(dir.resolve("image/lib/app"));
        Path classes = Files.copy(webrtcClasses(), image.resolve(webrtcClasses().getFileName()));
        try (var zip = java.nio.file.FileSystems.newFileSystem(natives())) {
            Files.copy(zip.getPath(LIB), image.resolve(LIB));
        }
        List<String> classPath = new ArrayList<>();
        for (String entry : testClassPath()) {
            Path path = Path.of(entry);
            if (path.equals(webrtcClasses())) {
                classPath.add(classes.toString());
            } else if (!path.equals(natives())) {
                classPath.add(entry);
            }
        }

        assertEquals(List.of(image.resolve(LIB).toString()), start(classPath));
        assertFalse(Files.exists(dir.resolve("cache")), "nothing was unpacked");
    }
}
