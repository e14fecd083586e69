package dev.roomcall.app.notify;

/** Notifications shown by the desktop outside Roomcall's window (Linux: freedesktop; Windows, macOS: tray). */
public interface DesktopNotifications extends AutoCloseable {

    /** Shows one notification; {@code onClick} runs (on some thread) when the person clicks it. */
    void show(String summary, String body, Runnable onClick);

    @Override
    void close();

    /** For desktops without a notification service, and for headless runs. */
    DesktopNotifications NONE = new DesktopNotifications() {
        @Override
        public void show(String summary, String body, Runnable onClick) {}

        @Override
        public void close() {}
    };
}
