package dev.roomcall.app.support;

/**
 * Shows crash reports to a person; the toolkit-specific side of crash handling (the JavaFX dialog
 * lives with the UI, this package stays toolkit-free).
 */
public interface CrashReporter {

    /** Called once before the window starts, so that failures while it starts reach {@code handler}. */
    void prepare(CrashHandler handler);

    /**
     * Shows {@code report}, calling {@code onClosed} once it is dismissed.
     *
     * @return false when nothing could be shown (no toolkit), in which case {@code onClosed} is not called
     */
    boolean show(CrashReport report, Runnable onClosed);

    /** Ends the window's event loop, so that the launch returns and the process exits. */
    void quit();
}
