package dev.roomcall.media;

import dev.onvoid.webrtc.internal.NativeLoader;

/**
 * Loads libwebrtc's JNI library exactly once. webrtc-java's own loader is not synchronised: two threads
 * touching webrtc classes at the same moment (say a device query and the engine) could load two copies.
 */
final class WebRtcNatives {
    private static boolean loaded;

    private WebRtcNatives() {}

    static synchronized void load() {
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
}
