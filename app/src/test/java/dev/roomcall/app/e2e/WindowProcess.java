package dev.roomcall.app.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A JVM with a window on a virtual display that a test started: is it alive, what did it log, stop it. */
class WindowProcess implements AutoCloseable {
    private final String what;
    private final Process process;
    private final Path log;

    WindowProcess(String what, Process process, Path log) {
        this.what = what;
        this.process = process;
        this.log = log;
    }

    void assertAlive() {
        if (!process.isAlive()) {
            throw new AssertionError(what + " exited with " + process.exitValue() + "\n" + logTail());
        }
    }

    /** Its last 40 log lines, for a failure's message. */
    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
