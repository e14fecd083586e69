package dev.roomcall.app;

import dev.roomcall.app.settings.UserDirectory;
import dev.roomcall.media.WebRtcNatives;

/** Where libwebrtc's library, unpacked once per version, is kept between starts: the user's cache directory. */
public final class NativeLibraryCache {

    private NativeLibraryCache() {}

    /** Before anything loads libwebrtc (the engine's start, a device list); an installed app never writes there. */
    public static void useUsersCache() {
        WebRtcNatives.keepUnpackedIn(UserDirectory.CACHE.forUser());
    }
}
