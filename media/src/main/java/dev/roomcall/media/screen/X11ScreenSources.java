package dev.roomcall.media.screen;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.platform.unix.X11.Display;
import com.sun.jna.platform.unix.X11.Window;
import com.sun.jna.platform.unix.X11;
import com.sun.jna.ptr.IntByReference;
import com.sun.jna.ptr.NativeLongByReference;
import com.sun.jna.ptr.PointerByReference;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Screens and top-level windows of an X display, captured with Xlib through JNA. Windows come from the window
 * manager's {@code _NET_CLIENT_LIST}, or without a window manager from the root's mapped children; titles from
 * {@code _NET_WM_NAME} (UTF-8), else {@code WM_NAME}. Each listing and each capture uses its own connection.
 */
public final class X11ScreenSources implements ScreenSources {
    private static final Xlib X = Xlib.INSTANCE;
    private static final int MAX_WINDOWS = 4096;

    private final String display;
    private final DisplayServer server;

    /** @param display an X display name such as ":0"; null means the DISPLAY of this process */
    public X11ScreenSources(String display, DisplayServer server) {
        this.display = display;
        this.server = server;
    }

    @Override
    public ScreenListing list() {
        if (!server.screens() && !server.windows()) {
            return new ScreenListing(List.of(), server.notice());
        }
        Display d = Xlib.openRecorded(display);
        if (d == null) {
            return new ScreenListing(List.of(), Optional.of("Cannot open the X display " + display
                    + ": there is nothing to share."));
        }
        try {
            List<ScreenSource> sources = new ArrayList<>();
            Window root = X.XDefaultRootWindow(d);
            if (server.screens()) {
                X11.XWindowAttributes attributes = new X11.XWindowAttributes();
                X.XGetWindowAttributes(d, root, attributes);
                sources.add(new ScreenSource(ScreenSource.Kind.SCREEN, root.longValue(), "Screen 1", 0, 0,
                        attributes.width, attributes.height));
            }
            if (server.windows()) {
                for (Window window : topLevelWindows(d, root)) {
                    describe(d, root, window).ifPresent(sources::add);
                }
            }
            X.XSync(d, false);
            Xlib.takeError(d);
            return new ScreenListing(sources, server.notice());
        } finally {
            Xlib.closeRecorded(d);
        }
    }

    @Override
    public ScreenCapture open(ScreenSource source, ShareSettings settings) throws ScreenCaptureException {
        if (source.kind() == ScreenSource.Kind.SCREEN && !server.screens()) {
            throw new ScreenCaptureException(server.notice().orElse("The screen cannot be captured here."));
        }
        Display d = Xlib.openRecorded(display);
        if (d == null) {
            throw new ScreenCaptureException("Cannot open the X display " + display + ".");
        }
        X11Grabber grabber = new X11Grabber(d, source);
        try {
            grabber.check();
        } catch (ScreenCaptureException e) {
            Xlib.closeRecorded(d);
            throw e;
        }
        return new X11Capture(source, grabber, settings);
    }

    @Override
    public Optional<Thumbnail> thumbnail(ScreenSource source, int maxWidth, int maxHeight) {
        if (source.kind() == ScreenSource.Kind.SCREEN && !server.screens()) {
            return Optional.empty();
        }
        Display d = Xlib.openRecorded(display);
        if (d == null) {
            return Optional.empty();
        }
        X11Grabber grabber = new X11Grabber(d, source);
        try {
            X11Grabber.Image image = grabber.grab();
            if (image == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(Thumbnail.scaled(image.bgra(), image.width(), image.height(), maxWidth, maxHeight));
            } finally {
                grabber.release(image);
            }
        } catch (ScreenCaptureException e) {
            return Optional.empty();
        } finally {
            grabber.close();
        }
    }

    private static List<Window> topLevelWindows(Display d, Window root) {
        List<Window> managed = clientList(d, root);
        if (!managed.isEmpty()) {
            return managed;
        }
        X11.WindowByReference rootOut = new X11.WindowByReference();
        X11.WindowByReference parentOut = new X11.WindowByReference();
        PointerByReference children = new PointerByReference();
        IntByReference count = new IntByReference();
        List<Window> windows = new ArrayList<>();
        if (X.XQueryTree(d, root, rootOut, parentOut, children, count) != 0 && children.getValue() != null) {
            long[] ids = readIds(children.getValue(), count.getValue());
            X.XFree(children.getValue());
            for (long id : ids) {
                windows.add(new Window(id));
            }
        }
        return windows;
    }

    private static List<Window> clientList(Display d, Window root) {
        List<Window> windows = new ArrayList<>();
        Property list = property(d, root, "_NET_CLIENT_LIST", X11.XA_WINDOW);
        if (list == null) {
            return windows;
        }
        try {
            for (long id : readIds(list.data(), list.items())) {
                windows.add(new Window(id));
            }
        } finally {
            X.XFree(list.data());
        }
        return windows;
    }

    /** Reads format-32 items, which Xlib stores as C longs. */
    private static long[] readIds(Pointer data, int count) {
        long[] ids = new long[Math.min(count, MAX_WINDOWS)];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = data.getNativeLong((long) i * NativeLong.SIZE).longValue();
        }
        return ids;
    }

    /** A property's value as Xlib returned it (free {@code data} with XFree) and its item count. */
    private record Property(Pointer data, int items) {}

    private static Property property(Display d, Window window, String name, X11.Atom type) {
        X11.Atom atom = X.XInternAtom(d, name, true);
        if (atom == null || atom.longValue() == 0) {
            return null;
        }
        X11.AtomByReference actualType = new X11.AtomByReference();
        IntByReference format = new IntByReference();
        NativeLongByReference items = new NativeLongByReference();
        NativeLongByReference after = new NativeLongByReference();
        PointerByReference data = new PointerByReference();
        int status = X.XGetWindowProperty(d, window, atom, new NativeLong(0), new NativeLong(MAX_WINDOWS), false,
                type, actualType, format, items, after, data);
        if (status != 0 || data.getValue() == null) {
            return null;
        }
        if (items.getValue().longValue() == 0) {
            X.XFree(data.getValue());
            return null;
        }
        return new Property(data.getValue(), (int) items.getValue().longValue());
    }

    private static Optional<ScreenSource> describe(Display d, Window root, Window window) {
        X11.XWindowAttributes attributes = new X11.XWindowAttributes();
        if (X.XGetWindowAttributes(d, window, attributes) == 0 || attributes.map_state != Xlib.IS_VIEWABLE
                || attributes.override_redirect || attributes.width < 2 || attributes.height < 2) {
            return Optional.empty();
        }
        String title = title(d, window);
        if (title.isEmpty()) {
            return Optional.empty();
        }
        IntByReference x = new IntByReference();
        IntByReference y = new IntByReference();
        X.XTranslateCoordinates(d, window, root, 0, 0, x, y, new X11.WindowByReference());
        return Optional.of(new ScreenSource(ScreenSource.Kind.WINDOW, window.longValue(), title, x.getValue(),
                y.getValue(), attributes.width, attributes.height));
    }

    private static String title(Display d, Window window) {
        X11.Atom utf8 = X.XInternAtom(d, "UTF8_STRING", false);
        Property name = property(d, window, "_NET_WM_NAME", utf8);
        if (name != null) {
            try {
                return new String(name.data().getByteArray(0, name.items()), StandardCharsets.UTF_8);
            } finally {
                X.XFree(name.data());
            }
        }
        PointerByReference fetched = new PointerByReference();
        if (X.XFetchName(d, window, fetched) != 0 && fetched.getValue() != null) {
            try {
                return fetched.getValue().getString(0, StandardCharsets.ISO_8859_1.name());
            } finally {
                X.XFree(fetched.getValue());
            }
        }
        return "";
    }
}
