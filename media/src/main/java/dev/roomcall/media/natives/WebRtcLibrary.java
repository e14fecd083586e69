package dev.roomcall.media.natives;

import dev.onvoid.webrtc.internal.NativeLoader;
import java.io.IOException;
import java.lang.reflect.Field;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.Optional;
import java.util.Set;

/**
 * Finds webrtc-java's JNI library as a file the dynamic linker can map without unpacking it again, and tells
 * webrtc-java's own loader that it is loaded.
 *
 * <p>Where the file is, in order: beside the jar that holds webrtc-java's classes (an installed app's image ships
 * it there, unpacked at build time); else, given a cache, the copy kept there, unpacked from the class path once per
 * version ({@link LibraryCache}).
 *
 * <p>webrtc-java's classes load the library themselves when first used ({@code NativeLoader.loadLibrary}, which
 * inflates it into a new temporary file each time) unless its loader has it in its set of loaded libraries. That set
 * is private to webrtc-java 0.14, so it is reached by reflection; where it cannot be reached, nothing is loaded here
 * and the caller leaves the loading to webrtc-java.
 */
public final class WebRtcLibrary {

    /** The name webrtc-java's classes ask their loader for. */
    static final String LOADER_NAME = "webrtc-java";

    private WebRtcLibrary() {}

    /**
     * Loads the library from a file that needs no unpacking, or from a copy unpacked now into {@code cache}.
     *
     * @param cache where a copy may be kept; empty: only a file beside the jar is used
     * @return where it was loaded from, or empty if webrtc-java's own loader must do it (nothing was loaded)
     * @throws IOException if the library is on the class path but cannot be unpacked into the cache
     */
    public static Optional<Path> load(Optional<LibraryCache> cache) throws IOException {
        Optional<Set<String>> loaderSet = loaderSet();
        if (loaderSet.isEmpty()) {
            return Optional.empty();
        }
        Optional<Path> file = locate(cache);
        if (file.isPresent()) {
            System.load(file.get().toAbsolutePath().toString());
            loaderSet.get().add(LOADER_NAME);
        }
        return file;
    }

    private static Optional<Path> locate(Optional<LibraryCache> cache) throws IOException {
        String name = LibraryFileName.forThisPlatform();
        Optional<Path> beside = jarOf(NativeLoader.class).map(jar -> jar.resolveSibling(name)).filter(Files::isRegularFile);
        if (beside.isPresent() || cache.isEmpty()) {
            return beside;
        }
        URL resource = NativeLoader.class.getClassLoader().getResource(name);
        if (resource == null || !"jar".equals(resource.getProtocol())) {
            return Optional.empty();
        }
        JarURLConnection connection = (JarURLConnection) resource.openConnection();
        Path jar;
        try {
            jar = Path.of(connection.getJarFileURL().toURI());
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(cache.get().copyOf(jar, connection.getEntryName()));
    }

    private static Optional<Path> jarOf(Class<?> type) {
        CodeSource source = type.getProtectionDomain().getCodeSource();
        if (source == null || source.getLocation() == null) {
            return Optional.empty();
        }
        try {
            Path path = Path.of(source.getLocation().toURI());
            return Files.isRegularFile(path) ? Optional.of(path) : Optional.empty();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @SuppressWarnings("unchecked")
    private static Optional<Set<String>> loaderSet() {
        try {
            Field field = NativeLoader.class.getDeclaredField("LOADED_LIB_SET");
            field.setAccessible(true);
            return field.get(null) instanceof Set<?> set ? Optional.of((Set<String>) set) : Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
