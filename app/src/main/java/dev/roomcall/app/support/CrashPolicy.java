package dev.roomcall.app.support;

import java.util.HashSet;
import java.util.Set;

/**
 * Decides what a crash in the window deserves. A dialog for every exception would bury the window
 * when something fails on every frame, and silence would look like the app vanished; so:
 * <ol>
 *   <li>a failure while the window starts, or the JVM itself failing (out of memory, stack
 *       overflow), is fatal: show it once, then quit;</li>
 *   <li>otherwise show one dialog at a time, and each distinct failure (type and place) once;</li>
 *   <li>everything else is only logged.</li>
 * </ol>
 */
public final class CrashPolicy {

    public enum Response {
        /** Write it to the log; the person already has a dialog, or saw this one before. */
        LOG_ONLY,
        /** Show a dialog; the app keeps running. */
        SHOW,
        /** Show a dialog; the app ends when it is dismissed. */
        SHOW_AND_QUIT
    }

    private final Set<String> seen = new HashSet<>();
    private boolean dialogOpen;
    private boolean quitting;

    public synchronized Response decide(Throwable error, boolean duringStartup) {
        boolean firstTime = seen.add(signature(error));
        if (duringStartup || isVirtualMachineFailure(error)) {
            if (quitting) {
                return Response.LOG_ONLY;
            }
            quitting = true;
            dialogOpen = true;
            return Response.SHOW_AND_QUIT;
        }
        if (quitting || dialogOpen || !firstTime) {
            return Response.LOG_ONLY;
        }
        dialogOpen = true;
        return Response.SHOW;
    }

    /** The person dismissed the dialog (or it could not be shown): the next new failure may show one. */
    public synchronized void dialogClosed() {
        dialogOpen = false;
    }

    /** Whether a fatal failure happened; the launch then ends with a non-zero exit code. */
    public synchronized boolean quitting() {
        return quitting;
    }

    private static boolean isVirtualMachineFailure(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof VirtualMachineError) {
                return true;
            }
        }
        return false;
    }

    /** Type and throwing place of the innermost cause: the same bug from the same line is one failure. */
    static String signature(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        StackTraceElement[] trace = root.getStackTrace();
        return root.getClass().getName() + (trace.length == 0 ? "" : " at " + trace[0]);
    }
}
