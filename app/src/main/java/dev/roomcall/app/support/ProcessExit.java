package dev.roomcall.app.support;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;

/** How the process ends once everything is closed, for the window and the headless run alike. */
public final class ProcessExit {

    private ProcessExit() {}

    /**
     * Ends the process without running JVM shutdown: by now everything is closed, and libwebrtc's
     * threads that wake during JVM teardown print "VM attach current thread failed" on stdout, which
     * in headless mode belongs to the JSON events alone.
     */
    public static void now(int code) {
        System.out.flush();
        System.err.flush();
        // Even halt() lets the C runtime run its exit handlers while libwebrtc's threads still live,
        // and one of them prints that line then. Closing stdout first keeps it off the JSON stream.
        try {
            new FileOutputStream(FileDescriptor.out).close();
        } catch (IOException e) {
            // Nothing more can be written to it anyway.
        }
        Runtime.getRuntime().halt(code);
    }
}
