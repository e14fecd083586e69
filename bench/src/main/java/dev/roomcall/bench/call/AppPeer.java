package dev.roomcall.bench.call;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The packaged Roomcall app, {@code java -jar roomcall.jar --headless --fake-media}, as a person's script would run
 * it. Its JSON event lines are kept with the moment the bench read each one; its log goes to a file.
 */
final class AppPeer implements AutoCloseable {

    /** One stdout event and when it arrived ({@link System#nanoTime()}). */
    record Event(JsonObject json, long nanos) {
        String name() {
            return json.has("event") ? json.get("event").getAsString() : "";
        }
    }

    private final Process process;
    private final long startNanos;
    private final long startEpochMs;
    private final List<Event> events = new ArrayList<>();

    private AppPeer(Process process, long startNanos, long startEpochMs) {
        this.process = process;
        this.startNanos = startNanos;
        this.startEpochMs = startEpochMs;
        Thread reader = new Thread(this::read, "app-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    static AppPeer start(Path jar, List<String> jvmOptions, List<String> appArgs, Path log) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no packaged app at " + jar.toAbsolutePath()
                    + ": build it first (mvn -B -DskipTests package) or pass --app-jar");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--headless", "--fake-media"));
        command.addAll(appArgs);
        long epoch = System.currentTimeMillis();
        long nanos = System.nanoTime();
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        return new AppPeer(process, nanos, epoch);
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                long now = System.nanoTime();
                try {
                    JsonObject json = JsonParser.parseString(line).getAsJsonObject();
                    synchronized (events) {
                        events.add(new Event(json, now));
                        events.notifyAll();
                    }
                } catch (RuntimeException notJson) {
                    System.err.println("app: non-JSON line on stdout: " + line);
                }
            }
        } catch (IOException ended) {
            // the process ended
        }
    }

    long pid() {
        return process.pid();
    }

    long startNanos() {
        return startNanos;
    }

    long startEpochMs() {
        return startEpochMs;
    }

    /** The first event of this name, waiting up to {@code timeout}. */
    Event await(String name, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (events) {
            while (true) {
                for (Event e : events) {
                    if (e.name().equals(name)) {
                        return e;
                    }
                    if (e.name().equals("ended") || e.name().equals("error")) {
                        throw new IllegalStateException("the app reported " + e.json() + " while waiting for '" + name + "'");
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || !process.isAlive()) {
                    throw new IllegalStateException("no '" + name + "' event from the app within " + timeout
                            + (process.isAlive() ? "" : " (it exited with " + process.exitValue() + ")"));
                }
                TimeUnit.NANOSECONDS.timedWait(events, Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)));
            }
        }
    }

    /** The newest event of this name read so far, or null. */
    JsonObject latest(String name) {
        synchronized (events) {
            for (int i = events.size() - 1; i >= 0; i--) {
                if (events.get(i).name().equals(name)) {
                    return events.get(i).json();
                }
            }
        }
        return null;
    }

    /** How many events of this name were read so far. */
    int count(String name) {
        synchronized (events) {
            return (int) events.stream().filter(e -> e.name().equals(name)).count();
        }
    }

    /** The newest "stats" event read so far. */
    PeerStats latestStats() {
        synchronized (events) {
            for (int i = events.size() - 1; i >= 0; i--) {
                Event e = events.get(i);
                if (e.name().equals("stats")) {
                    JsonObject j = e.json();
                    return new PeerStats(e.nanos(), j.get("framesDecoded").getAsLong(), j.get("width").getAsInt(),
                            j.get("height").getAsInt());
                }
            }
        }
        return PeerStats.NONE;
    }

    /** SIGTERM, as Ctrl+C would: the app says bye and exits by itself; killed if it has not after 15 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
