package dev.roomcall.media.screen;

import java.util.Objects;

/**
 * Something that can be shared: a whole screen or one top-level window, with where it is on the desktop.
 *
 * @param id an X window id on Linux (the root window for a screen), the native capturer's id elsewhere
 */
public record ScreenSource(Kind kind, long id, String title, int x, int y, int width, int height) {
    public enum Kind { SCREEN, WINDOW }

    public ScreenSource {
        Objects.requireNonNull(kind, "kind");
        title = title == null ? "" : title;
    }

    /** What a person calls it: the window's title, or "Screen N". */
    public String name() {
        return title.isEmpty() ? (kind == Kind.SCREEN ? "Screen" : "Window " + Long.toHexString(id)) : title;
    }
}
