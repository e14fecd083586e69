package dev.roomcall.app.e2e;

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
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The packaged app ({@code app/target/roomcall.jar}) run as a person's script would run it:
 * {@code --headless}, reading its JSON event lines from stdout. Logs go to a file under target/.
 */
final class AppProcess implements AutoCloseable {

    private final Process process;
    private final List<JsonObject> events = new ArrayList<>();
    /** When each event was read ({@link System#nanoTime()}), by identity; guarded by {@link #events}. */
    private final Map<JsonObject, Long> readAt = new IdentityHashMap<>();
    private final List<String> badLines = new ArrayList<>();
    private final Path log;

    private AppProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
        Thread reader = new Thread(this::readEvents, "app-stdout");
        reader.setDaemon(true);
        reader.start();
    }

    static AppProcess start(String name, String... args) throws IOException {
        return startWithPrefix(List.of(), name, args);
    }

    /** Runs the app under a wrapper command, e.g. {@code ip netns exec home-a}. */
    static AppProcess startWithPrefix(List<String> prefix, String name, String... args) throws IOException {
        return launch(prefix, List.of(), name, args);
    }

    /** Runs the app's JVM with {@code jvmOptions}, e.g. a trust store for a test certificate authority. */
    static AppProcess startWithJvmOptions(List<String> jvmOptions, String name, String... args) throws IOException {
        return launch(List.of(), jvmOptions, name, args);
    }

    /** Runs the app on the X display {@code display} (e.g. an Xvfb whose screen it shares). */
    static AppProcess startOnDisplay(String display, String name, String... args) throws IOException {
        return launch(List.of(), List.of(), java.util.Map.of("DISPLAY", display), name, args);
    }

    private static AppProcess launch(List<String> prefix, List<String> jvmOptions, String name, String... args)
            throws IOException {
        return launch(prefix, jvmOptions, java.util.Map.of(), name, args);
    }

    private static AppProcess launch(List<String> prefix, List<String> jvmOptions, java.util.Map<String, String> env,
                                     String name, String... args) throws IOException {
        Path jar = Path.of(System.getProperty("roomcall.jar", "target/roomcall.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no packaged app at " + jar.toAbsolutePath() + ": run 'mvn verify'");
        }
        Path logs = Path.of("target", "e2e-logs");
        Files.createDirectories(logs);
        Path log = logs.resolve(name + ".log");
        List<String> command = new ArrayList<>(prefix);
        command.add(javaBinary());
        String configDir = System.getProperty("roomcall.config.dir");
        if (configDir != null) {
            // The packaged app's settings and certificate go under target/, not into the builder's home.
            command.add("-Droomcall.config.dir=" + configDir);
        }
        String cacheDir = System.getProperty("roomcall.cache.dir");
        if (cacheDir != null) {
            command.add("-Droomcall.cache.dir=" + cacheDir);
        }
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--headless"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        Process process = builder
                .redirectError(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.PIPE)
                .start();
        return new AppProcess(process, log);
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private void readEvents() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                synchronized (events) {
                    try {
                        JsonObject json = JsonParser.parseString(line).getAsJsonObject();
                        if (!json.has("event")) {
                            badLines.add(line);
                        }
                        events.add(json);
                        readAt.put(json, System.nanoTime());
                    } catch (RuntimeException e) {
                        // stdout is a contract: anything that is not a JSON event is a bug to report.
                        badLines.add(line);
                    }
                    events.notifyAll();
                }
            }
        } catch (IOException e) {
            // Process ended.
        }
    }

    /** Waits for the first event with this name that matches; fails with everything seen so far. */
    JsonObject await(String event, Predicate<JsonObject> matches, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (events) {
            while (true) {
                for (JsonObject json : events) {
                    if (json.has("event") && event.equals(json.get("event").getAsString()) && matches.test(json)) {
                        return json;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("no '" + event + "' event within " + timeout + "; events so far: " + events
                            + "\nlog tail:\n" + logTail());
                }
                TimeUnit.NANOSECONDS.timedWait(events, left);
            }
        }
    }

    /** Every event printed until now, in order. */
    List<JsonObject> eventsSoFar() {
        synchronized (events) {
            return List.copyOf(events);
        }
    }

    /** When this process printed {@code event} (one of {@link #eventsSoFar()}), as this test read it. */
    long readAtNanos(JsonObject event) {
        synchronized (events) {
            return readAt.get(event);
        }
    }

    JsonObject await(String event, Duration timeout) throws InterruptedException {
        return await(event, json -> true, timeout);
    }

    /** The app's process id, e.g. to read its threads and memory from /proc. */
    long pid() {
        return process.pid();
    }

    List<String> nonEventLines() {
        synchronized (events) {
            return List.copyOf(badLines);
        }
    }

    /** SIGTERM, as a window manager or Ctrl+C would: the app must say bye and exit by itself. */
    int terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("app did not exit within " + timeout + " of SIGTERM\n" + logTail());
        }
        return process.exitValue();
    }

    int waitForExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("app still running after " + timeout + "\n" + logTail());
        }
        return process.exitValue();
    }

    String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }
}
