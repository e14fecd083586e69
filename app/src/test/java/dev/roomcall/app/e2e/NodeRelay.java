package dev.roomcall.app.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 004 demo's WebSocket relay ({@code src/test/resources/demo004/relay.js}) running under Node, on a free port
 * of 127.0.0.1. It also serves the demo pages: {@code /} is page004.html, {@code /page000.html} the other demo.
 *
 * <p>The fixture is copied to {@code target/demo004-node/} and its one dependency ({@code ws}, pinned by
 * package-lock.json) installed there with {@code npm ci} the first time, so the source tree stays clean.
 * The relay's own log goes to {@code target/e2e-logs/relay-N.log}.
 */
public final class NodeRelay implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeRelay.class);
    private static final List<String> FIXTURE = List.of("relay.js", "package.json", "package-lock.json", "page004.html", "page000.html");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(20);
    private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(5);
    private static final AtomicInteger STARTED = new AtomicInteger();
    private static final Object INSTALL_LOCK = new Object();

    private final Process process;
    private final int port;

    private NodeRelay(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** How the relay forwards frames. */
    public enum Frames {
        /** Each frame goes on as the type it came as (text stays text). */
        AS_RECEIVED,
        /** Every frame goes on as binary, as the original demo relay does under ws@8. */
        BINARY
    }

    /** Starts a relay that forwards frames as it received them. */
    public static NodeRelay start() throws IOException, InterruptedException {
        return start(Frames.AS_RECEIVED);
    }

    /** Prepares the fixture if needed, starts {@code node relay.js 0} and waits for its {@code LISTENING <port>} line. */
    public static NodeRelay start(Frames frames) throws IOException, InterruptedException {
        Path dir = prepare();
        Path log = E2eDirs.logs().resolve("relay-" + STARTED.incrementAndGet() + ".log");
        ProcessBuilder command = new ProcessBuilder("node", "relay.js", "0")
                .directory(dir.toFile())
                .redirectError(log.toFile());
        if (frames == Frames.BINARY) {
            command.environment().put("RELAY_FRAMES", "binary");
        }
        Process process = command.start();
        try {
            int port = awaitListening(process, log);
            LOG.info("relay listening on 127.0.0.1:{} (log {})", port, log);
            return new NodeRelay(process, port);
        } catch (IOException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
    }

    private static int awaitListening(Process process, Path log) throws IOException, InterruptedException {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    if (!listening.isDone() && line.startsWith("LISTENING ")) {
                        listening.complete(Integer.parseInt(line.substring("LISTENING ".length()).trim()));
                    }
                }
                listening.completeExceptionally(new IOException("the relay exited before listening"));
            } catch (IOException | NumberFormatException e) {
                listening.completeExceptionally(e);
            }
        }, "relay-stdout");
        reader.setDaemon(true);
        reader.start();
        try {
            return listening.get(START_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException("the relay did not report 'LISTENING <port>' (" + e.getMessage() + "); its log: "
                    + Files.readString(log), e);
        }
    }

    /** Copies the fixture to target/demo004-node and installs its dependencies once. */
    private static Path prepare() throws IOException, InterruptedException {
        Path dir = E2eDirs.target().resolve("demo004-node");
        synchronized (INSTALL_LOCK) {
            Files.createDirectories(dir);
            for (String file : FIXTURE) {
                try (InputStream in = NodeRelay.class.getResourceAsStream("/demo004/" + file)) {
                    if (in == null) {
                        throw new IOException("fixture file demo004/" + file + " is not on the test classpath");
                    }
                    Files.copy(in, dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
                }
            }
            if (!Files.isRegularFile(dir.resolve("node_modules/ws/package.json"))) {
                install(dir);
            }
        }
        return dir;
    }

    private static void install(Path dir) throws IOException, InterruptedException {
        Path log = E2eDirs.logs().resolve("npm-ci.log");
        String npm = System.getProperty("os.name").toLowerCase(Locale.ROOT).contains("win") ? "npm.cmd" : "npm";
        LOG.info("installing the relay's dependencies with npm ci in {}", dir);
        Process npmCi = new ProcessBuilder(npm, "ci", "--no-audit", "--no-fund", "--loglevel=error")
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        if (!npmCi.waitFor(INSTALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
            npmCi.destroyForcibly();
            throw new IOException("npm ci did not finish within " + INSTALL_TIMEOUT + "; see " + log);
        }
        if (npmCi.exitValue() != 0) {
            throw new IOException("npm ci failed with exit code " + npmCi.exitValue() + ":\n" + Files.readString(log));
        }
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>} followed by {@code pathAndFragment}, e.g. {@code "/#true"}. */
    public String url(String pathAndFragment) {
        return "http://127.0.0.1:" + port + pathAndFragment;
    }

    /** The relay's WebSocket address; it ignores paths and queries, so any will do. */
    public String webSocketUrl() {
        return "ws://127.0.0.1:" + port + "/";
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
