package dev.roomcall.media;

import dev.onvoid.webrtc.internal.NativeLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads libwebrtc's JNI library exactly once. webrtc-java's own loader is not synchronised: two threads
 * touching webrtc classes at the same moment (say a device query and the engine) could load two copies.
 * Also frees native objects without letting a refusal escape.
 */
public final class WebRtcNatives {
    private static final Logger LOG = LoggerFactory.getLogger(WebRtcNatives.class);
    private static boolean loaded;

    private WebRtcNatives() {}

    public static synchronized void load() {
        if (loaded) {
            return;
        }
        try {
            NativeLoader.loadLibrary("webrtc-java");
            loaded = true;
        } catch (Exception | UnsatisfiedLinkError e) {
            throw new IllegalStateException("cannot load the native webrtc-java library for "
                    + System.getProperty("os.name") + "/" + System.getProperty("os.arch")
                    + " (is the platform classifier jar on the class path?)", e);
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
