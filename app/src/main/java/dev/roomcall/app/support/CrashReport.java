package dev.roomcall.app.support;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a person is told about a crash: one line they can read, where the log is (the thing support
 * will ask for), the stack trace for the curious, and whether the app ends after they dismiss it.
 */
public record CrashReport(String summary, String details, Optional<Path> logFile, boolean quits) {

    /** Stack traces beyond this are cut: the full one is in the log. */
    static final int MAX_DETAILS = 20_000;

    public static CrashReport of(Throwable error, Optional<Path> logFile, boolean quits) {
        return new CrashReport(summary(error), details(error), logFile, quits);
    }

    /**
     * The innermost cause's message: wrappers such as "Exception in Application start method"
     * say where, the cause says what.
     */
    static String summary(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        String type = root.getClass().getSimpleName().isEmpty() ? root.getClass().getName() : root.getClass().getSimpleName();
        return message == null || message.isBlank() ? type : type + ": " + message;
    }

    private static String details(Throwable error) {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        String text = trace.toString();
        return text.length() <= MAX_DETAILS ? text : text.substring(0, MAX_DETAILS) + "\n…";
    }

    /** The report as console text, for when no dialog can be shown. */
    public String asText() {
        return "roomcall: " + (quits ? "could not continue: " : "unexpected error: ") + summary
                + logFile.map(f -> "\nroomcall: the log is " + f).orElse("");
    }
}
