package dev.roomcall.bench.relay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** A relay in its own process that prints {@code LISTENING <port>} once it accepts connections. */
final class RelayProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final int port;

    private RelayProcess(String name, Process process, int port) {
        this.name = name;
        this.process = process;
        this.port = port;
    }

    static RelayProcess start(String name, List<String> command, Path directory, Path log)
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
            return new RelayProcess(name, process, listening.get(60, TimeUnit.SECONDS));
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException(name + " did not say 'LISTENING <port>': " + e.getMessage() + "; log: " + Files.readString(log), e);
        }
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
