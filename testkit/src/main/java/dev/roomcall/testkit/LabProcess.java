package dev.roomcall.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

/** A helper program of a test (a server, a TURN relay, a browser) whose output goes to a log file. */
public final class LabProcess implements AutoCloseable {
    private final String name;
    private final Process process;
    private final Path log;

    private LabProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code command}; its output (stdout and stderr) goes to {@code logs/<name>.log}. */
    public static LabProcess start(String name, List<String> command, Path logs) throws IOException {
        Files.createDirectories(logs);
        Path log = logs.resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        return new LabProcess(name, process, log);
    }

    /** Waits until the output has a line matching {@code pattern}; fails with the output if it dies or times out. */
    public void awaitOutput(Pattern pattern, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (lines().stream().anyMatch(line -> pattern.matcher(line).find())) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError(name + " exited (" + process.exitValue() + ") before printing " + pattern
                        + ":\n" + tail());
            }
            Thread.sleep(50);
        }
        throw new AssertionError(name + " did not print " + pattern + " within " + timeout + ":\n" + tail());
    }

    /** Everything it printed so far. */
    public List<String> lines() throws IOException {
        return Files.readAllLines(log);
    }

    /** Its last 40 lines, for failure messages. */
    public String tail() {
        try {
            List<String> lines = lines();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** SIGKILL, without waiting: the program vanishes as in a crash. */
    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** Stops it and everything it started (a browser's helper processes too). */
    @Override
    public void close() throws InterruptedException {
        Processes.stop(process, Duration.ofSeconds(10));
    }
}
