package dev.roomcall.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The WebSocket relay of the demo's stack ({@code relay.js}, Node + ws, a resource of this module) on a free port of
 * 127.0.0.1. The script and its pinned dependency manifest are copied into a working directory and {@code npm ci}
 * runs there the first time, so no source tree gets a node_modules.
 */
public final class NodeRelay implements AutoCloseable {

    private static final List<String> FILES = List.of("relay.js", "package.json", "package-lock.json");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final AtomicInteger STARTED = new AtomicInteger();
    private static final Object INSTALL_LOCK = new Object();

    /** How the relay forwards frames. */
    public enum Frames {
        /** Each frame goes on as the type it came as (text stays text). */
        AS_RECEIVED,
        /** Every frame goes on as binary, as the original demo relay does under ws@8. */
        BINARY
    }

    /** How sockets are paired. */
    public enum Pairing {
        /** One pair for the whole relay; the URL's path and query are ignored, as in the demo. */
        ONE_PAIR,
        /** The URL path names the pair, so one relay serves many (the benchmark's relay). */
        BY_PATH
    }

    /**
     * How to run the relay.
     *
     * @param pages a directory whose {@code *.html} files the relay serves ({@code index.html} at "/"); null for none
     * @param quiet no log line per message (the benchmark measures the cheapest relay)
     */
    public record Setup(Frames frames, Pairing pairing, Path pages, boolean quiet) {
        public static Setup defaults() {
            return new Setup(Frames.AS_RECEIVED, Pairing.ONE_PAIR, null, false);
        }

        public Setup withFrames(Frames newFrames) {
            return new Setup(newFrames, pairing, pages, quiet);
        }

        public Setup withPages(Path directory) {
            return new Setup(frames, pairing, directory, quiet);
        }

        /** The benchmark's relay: many pairs by URL path, no log line per message. */
        public static Setup benchmark() {
            return new Setup(Frames.AS_RECEIVED, Pairing.BY_PATH, null, true);
        }
    }

    private final ListeningProcess process;

    private NodeRelay(ListeningProcess process) {
        this.process = process;
    }

    /**
     * Installs the relay into {@code workDir} if needed and starts it.
     *
     * @param logs where {@code node-relay-N.log} (the relay's own log) and {@code npm-ci.log} go
     */
    public static NodeRelay start(Setup setup, Path workDir, Path logs) throws IOException, InterruptedException {
        Path dir = install(workDir, logs);
        Path log = logs.resolve("node-relay-" + STARTED.incrementAndGet() + ".log");
        return new NodeRelay(ListeningProcess.start("node-relay", command(setup), dir, log, START_TIMEOUT));
    }

    /** The command line that runs the relay in its installed directory, for callers that manage the process. */
    public static List<String> command(Setup setup) {
        List<String> command = new ArrayList<>(List.of(System.getProperty("roomcall.node", "node"), "relay.js", "0"));
        if (setup.frames() == Frames.BINARY) {
            command.add("--binary-frames");
        }
        if (setup.pairing() == Pairing.BY_PATH) {
            command.add("--rooms");
        }
        if (setup.quiet()) {
            command.add("--quiet");
        }
        if (setup.pages() != null) {
            command.add("--pages=" + setup.pages().toAbsolutePath());
        }
        return command;
    }

    /** Copies relay.js and its manifest to {@code workDir} and runs {@code npm ci} there once; returns the directory. */
    public static Path install(Path workDir, Path logs) throws IOException, InterruptedException {
        synchronized (INSTALL_LOCK) {
            Files.createDirectories(workDir);
            Files.createDirectories(logs);
            for (String file : FILES) {
                try (InputStream in = NodeRelay.class.getResourceAsStream("node-relay/" + file)) {
                    if (in == null) {
                        throw new IOException("node-relay/" + file + " is missing from the testkit's resources");
                    }
                    Files.copy(in, workDir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            if (!Files.isRegularFile(workDir.resolve("node_modules/ws/package.json"))) {
                npmCi(workDir, logs.resolve("npm-ci.log"));
            }
        }
        return workDir;
    }

    private static void npmCi(Path dir, Path log) throws IOException, InterruptedException {
        String npm = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win") ? "npm.cmd" : "npm";
        Process npmCi = new ProcessBuilder(npm, "ci", "--no-audit", "--no-fund", "--loglevel=error")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!npmCi.waitFor(INSTALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            npmCi.destroyForcibly();
            throw new IOException("npm ci did not finish within " + INSTALL_TIMEOUT + " in " + dir + "; see " + log);
        }
        if (npmCi.exitValue() != 0) {
            throw new IOException("npm ci failed in " + dir + " with exit code " + npmCi.exitValue() + ":\n"
                    + Files.readString(log));
        }
    }

    public int port() {
        return process.port();
    }

    /** {@code http://127.0.0.1:<port>} followed by {@code pathAndFragment}, e.g. {@code "/#true"}. */
    public String url(String pathAndFragment) {
        return "http://127.0.0.1:" + port() + pathAndFragment;
    }

    /** The relay's WebSocket address; with {@link Pairing#ONE_PAIR} any path and query will do. */
    public String webSocketUrl() {
        return "ws://127.0.0.1:" + port() + "/";
    }

    @Override
    public void close() {
        process.close();
    }
}
