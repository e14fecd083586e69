package dev.roomcall.media;

import dev.onvoid.webrtc.internal.NativeLoader;
import dev.roomcall.media.natives.LibraryCache;
import dev.roomcall.media.natives.WebRtcLibrary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads libwebrtc's JNI library exactly once. webrtc-java's own loader is not synchronised: two threads
 * touching webrtc classes at the same moment (say a device query and the engine) could load two copies.
 * It also unpacks the library anew on every start; the file is mapped where it needs no unpacking instead
 * ({@link WebRtcLibrary}), and webrtc-java's loader is the fallback.
 * Also frees native objects without letting a refusal escape.
 */
public final class WebRtcNatives {
    private static final Logger LOG = LoggerFactory.getLogger(WebRtcNatives.class);
    private static boolean loaded;
    private static Path unpackedIn;

    private WebRtcNatives() {}

    /**
     * Where a copy of the library, unpacked once per version, may be kept between starts (the app's per-user cache).
     * Without it, only a library shipped beside the jar is mapped directly; otherwise webrtc-java unpacks it anew.
     * Takes effect if called before the first {@link #load()}.
     */
    public static synchronized void keepUnpackedIn(Path directory) {
        unpackedIn = directory;
    }

    public static synchronized void load() {
        if (loaded) {
            return;
        }
        try {
            if (loadUnpacked().isEmpty()) {
                NativeLoader.loadLibrary("webrtc-java");
            }
            loaded = true;
        } catch (Exception | UnsatisfiedLinkError e) {
            throw new IllegalStateException("cannot load the native webrtc-java library for "
                    + System.getProperty("os.name") + "/" + System.getProperty("os.arch")
                    + " (is the platform classifier jar on the class path?)", e);
        }
    }

    private static Optional<Path> loadUnpacked() {
        Optional<LibraryCache> cache = Optional.ofNullable(unpackedIn).map(LibraryCache::new);
        try {
            Optional<Path> file = WebRtcLibrary.load(cache);
            file.ifPresent(f -> LOG.debug("libwebrtc mapped from {}", f));
            return file;
        } catch (IOException | UnsatisfiedLinkError | RuntimeException e) {
            // A full or read-only disk, or a cache on a file system that forbids mapping code: start as before.
            LOG.warn("cannot keep libwebrtc unpacked in {} ({}); unpacking it for this run only", unpackedIn, e.toString());
            return Optional.empty();
        }
    }

    /**
     * Runs one native disposal. webrtc-java reports native objects still referenced elsewhere (a closed peer
     * connection is never freed in 0.14) as an Error; nothing can be done about it at that point.
     */
    public static void dispose(String what, Runnable disposal) {
        try {
            disposal.run();
        } catch (RuntimeException | Error t) {
            if (t instanceof VirtualMachineError vmError) {
                throw vmError;
            }
            LOG.debug("disposing {}: {}", what, t.toString());
        }
    }
}
