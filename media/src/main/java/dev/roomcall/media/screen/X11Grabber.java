package dev.roomcall.media.screen;

import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11.Display;
import com.sun.jna.platform.unix.X11.Window;
import com.sun.jna.platform.unix.X11;
import java.nio.ByteBuffer;

/**
 * Grabs the pixels of one screen or window with {@code XGetImage} on its own X connection; used by one thread at a
 * time. Before each grab it asks whether the window still exists (a closed window is an answer, not an X error
 * that ends the process), and a screen whose size changed ends the capture.
 */
final class X11Grabber {
    /** One grabbed picture: BGRA bytes (valid until {@link #release}), 4 bytes per pixel, rows packed. */
    record Image(Pointer ximage, ByteBuffer bgra, int width, int height) {}

    private static final Xlib X = Xlib.INSTANCE;
    // struct XImage on LP64: width, height, xoffset, format (ints), char *data, then byte_order, bitmap_unit,
    // bitmap_bit_order, bitmap_pad, depth, bytes_per_line, bits_per_pixel (ints).
    private static final int DATA = 16;
    private static final int BYTES_PER_LINE = 44;
    private static final int BITS_PER_PIXEL = 48;

    private final Display display;
    private final ScreenSource source;
    private final Window window;
    private boolean closed;

    X11Grabber(Display display, ScreenSource source) {
        this.display = display;
        this.source = source;
        this.window = new Window(source.id());
    }

    /**
     * Throws if the source cannot be grabbed any more: the window was closed, or the screen changed size.
     *
     * @return the source's current attributes
     */
    X11.XWindowAttributes check() throws ScreenCaptureException {
        X11.XWindowAttributes attributes = new X11.XWindowAttributes();
        int ok = X.XGetWindowAttributes(display, window, attributes);
        X.XSync(display, false);
        int error = Xlib.takeError(display);
        if (ok == 0 || error != 0) {
            throw new ScreenCaptureException(source.kind() == ScreenSource.Kind.WINDOW
                    ? "The shared window \"" + source.name() + "\" was closed."
                    : "The shared screen is no longer there.");
        }
        if (source.kind() == ScreenSource.Kind.SCREEN
                && (attributes.width != source.width() || attributes.height != source.height())) {
            throw new ScreenCaptureException("The screen changed from " + source.width() + "x" + source.height()
                    + " to " + attributes.width + "x" + attributes.height + "; sharing stopped.");
        }
        return attributes;
    }

    /**
     * Grabs one picture, or returns null when there is nothing to grab right now (a window minimised or
     * hidden).
     *
     * @throws ScreenCaptureException when the source is gone for good or has a pixel format we cannot send
     */
    Image grab() throws ScreenCaptureException {
        X11.XWindowAttributes attributes = check();
        if (attributes.map_state != Xlib.IS_VIEWABLE) {
            return null;
        }
        Pointer image = X.XGetImage(display, window, 0, 0, attributes.width, attributes.height, Xlib.ALL_PLANES,
                Xlib.Z_PIXMAP);
        if (image == null) {
            Xlib.takeError(display);
            // Closed between the check and the grab, or partly off the screen: the next check tells which.
            check();
            return null;
        }
        int bitsPerPixel = image.getInt(BITS_PER_PIXEL);
        int bytesPerLine = image.getInt(BYTES_PER_LINE);
        if (bitsPerPixel != 32 || bytesPerLine != attributes.width * 4) {
            X.XDestroyImage(image);
            throw new ScreenCaptureException("The display uses " + bitsPerPixel
                    + " bits per pixel; only 24-bit colour displays can be shared.");
        }
        Pointer data = image.getPointer(DATA);
        return new Image(image, data.getByteBuffer(0, (long) bytesPerLine * attributes.height), attributes.width,
                attributes.height);
    }

    void release(Image image) {
        X.XDestroyImage(image.ximage());
    }

    /** Closes the X connection; after the last grab. */
    void close() {
        if (!closed) {
            closed = true;
            Xlib.closeRecorded(display);
        }
    }
}
