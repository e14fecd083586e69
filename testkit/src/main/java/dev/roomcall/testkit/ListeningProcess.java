package dev.roomcall.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A server in its own process that prints {@code LISTENING <port>} on stdout once it accepts connections (the Node
 * relay, the benchmark's Roomcall relay). Its stderr goes to a log file.
 */
public final class ListeningProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;

    private ListeningProcess(String name, Process process, int port) {
        this.name = name;
        this.process = process;
        this.port = port;
    }

    /** Starts {@code command} in {@code directory} and waits up to {@code timeout} for its {@code LISTENING} line. */
    public static ListeningProcess start(String name, List<String> command, Path directory, Path log, Duration timeout)
            throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectError(log.toFile()).start();
        CompletableFuture<Integer> listening = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    if (!listening.isDone() && line.startsWith("LISTENING ")) {
                        listening.complete(Integer.parseInt(line.substring("LISTENING ".length()).trim()));
                    }
                }
                listening.completeExceptionally(new IOException(name + " exited before listening"));
            } catch (IOException | NumberFormatException e) {
                listening.completeExceptionally(e);
            }
        }, name + "-stdout");
        reader.setDaemon(true);
        reader.start();
        try {
            return new ListeningProcess(name, process, listening.get(timeout.toMillis(), TimeUnit.MILLISECONDS));
        } catch (ExecutionException | TimeoutException e) {
            Processes.stop(process, Duration.ofSeconds(5));
            throw new IOException(name + " did not say 'LISTENING <port>' within " + timeout + " (" + e.getMessage()
                    + "); its log:\n" + Files.readString(log), e);
        }
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        Processes.stopUninterruptibly(process, Duration.ofSeconds(10));
    }
}
