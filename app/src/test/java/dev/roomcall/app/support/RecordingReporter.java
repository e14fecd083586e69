package dev.roomcall.app.support;

import java.util.ArrayList;
import java.util.List;

/** A reporter that remembers what it was asked to show; dialogs stay open until {@link #dismiss}. */
final class RecordingReporter implements CrashReporter {

    final List<CrashReport> shown = new ArrayList<>();
    final List<Runnable> open = new ArrayList<>();
    CrashHandler prepared;
    int quits;
    boolean toolkitRunning = true;
    RuntimeException showFails;

    @Override
    public void prepare(CrashHandler handler) {
        prepared = handler;
    }

    @Override
    public boolean show(CrashReport report, Runnable onClosed) {
        if (showFails != null) {
            throw showFails;
        }
        if (!toolkitRunning) {
            return false;
        }
        shown.add(report);
        open.add(onClosed);
        return true;
    }

    @Override
    public void quit() {
        quits++;
    }

    void dismiss() {
        open.remove(0).run();
    }
}
