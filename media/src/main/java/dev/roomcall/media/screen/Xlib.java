package dev.roomcall.media.screen;

import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * JNA's maintained X11 binding plus the one call it lacks ({@code XGetImage}), and an X error handler that
 * records errors instead of letting Xlib's default handler exit the process: a window can vanish between any
 * two requests, and asking about it then must be an answer ("gone"), not a crash.
 */
interface Xlib extends X11 {
    Xlib INSTANCE = Native.load("X11", Xlib.class);

    int Z_PIXMAP = 2;
    int IS_VIEWABLE = 2;
    NativeLong ALL_PLANES = new NativeLong(-1L);

    /** @return an XImage*, or null if the drawable is gone or not fully viewable */
    Pointer XGetImage(Display display, Drawable drawable, int x, int y, int width, int height,
                      NativeLong planeMask, int format);

    int XDestroyImage(Pointer image);

    /**
     * Opens a connection whose X errors are recorded for {@link #takeError} rather than fatal; errors on other
     * connections (a toolkit's) still go to the handler that was installed before.
     */
    static Display openRecorded(String name) {
        Errors.install();
        Display display = INSTANCE.XOpenDisplay(name);
        if (display != null) {
            Errors.OURS.add(Pointer.nativeValue(display.getPointer()));
        }
        return display;
    }

    static void closeRecorded(Display display) {
        long key = Pointer.nativeValue(display.getPointer());
        INSTANCE.XCloseDisplay(display);
        Errors.OURS.remove(key);
        Errors.LAST.remove(key);
    }

    /**
     * Returns and forgets the last X error code seen on {@code display} (0 if none). Call after XSync so errors of
     * earlier requests have arrived.
     */
    static int takeError(Display display) {
        Integer code = Errors.LAST.remove(Pointer.nativeValue(display.getPointer()));
        return code == null ? 0 : code;
    }

    /** The process-wide handler; Xlib keeps only a function pointer, so the callback object is held here. */
    final class Errors {
        static final Map<Long, Integer> LAST = new ConcurrentHashMap<>();
        static final Set<Long> OURS = ConcurrentHashMap.newKeySet();
        private static volatile XErrorHandler previous;
        private static final XErrorHandler HANDLER = (display, event) -> {
            long key = Pointer.nativeValue(display.getPointer());
            XErrorHandler before = previous;
            if (!OURS.contains(key) && before != null) {
                return before.apply(display, event);
            }
            LAST.put(key, event.error_code & 0xff);
            return 0;
        };
        private static boolean installed;

        private Errors() {}

        static synchronized void install() {
            if (!installed) {
                previous = INSTANCE.XSetErrorHandler(HANDLER);
                installed = true;
            }
        }
    }
}
