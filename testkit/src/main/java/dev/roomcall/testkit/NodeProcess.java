package dev.roomcall.testkit;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One standalone server node, started from the built roomcall-server.jar as its own process on loopback. */
public final class NodeProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    public final String name;
    public final int port;
    private final Process process;
    public final Path log;

    private NodeProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts the node and waits until its /healthz answers 200. */
    public static NodeProcess start(Path jar, String name, int port, Path logDirectory, String... extraOptions)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx96m", "-XX:TieredStopAtLevel=1",
                "-jar", jar.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port), "--node-name", name,
                // Every test client comes from 127.0.0.1: the per-address limits are HAProxy's and the server's own
                // tests' business, not this one's.
                "--connections-per-address", "10000", "--join-limit", "100000/1"));
        command.addAll(List.of(extraOptions));
        Path log = logDirectory.resolve(name + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        NodeProcess node = new NodeProcess(name, port, process, log);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (node.health() != 200) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                node.close();
                throw new IllegalStateException("node " + name + " did not come up; see " + log);
            }
            Thread.sleep(100);
        }
        return node;
    }

    /** The status of GET /healthz, or -1 when nothing answers. */
    public int health() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
                    .timeout(Duration.ofSeconds(2)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** SIGTERM: the node drains. */
    public void terminate() {
        process.destroy();
    }

    /** SIGKILL: the node vanishes without a word. */
    public void kill() {
        process.destroyForcibly();
    }

    /** Waits for the process to end and returns its exit status. */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("node " + name + " still running after " + timeout);
        }
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
