package dev.roomcall.signaling;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;

/** How the signaling client writes addresses and durations into logs and reasons. */
final class LogText {

    private LogText() {}

    /** {@code ws://host:port/abcd…}: where, without the room code that would let a reader of the log join. */
    static String withoutRoom(URI uri) {
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String room = path.substring(path.lastIndexOf('/') + 1);
        String label = room.length() <= 4 ? room : room.substring(0, 4) + "…";
        return uri.getScheme() + "://" + uri.getRawAuthority() + path.substring(0, path.lastIndexOf('/') + 1) + label;
    }

    static String duration(Duration d) {
        long millis = d.toMillis();
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
