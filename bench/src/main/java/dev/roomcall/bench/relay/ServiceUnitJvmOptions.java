package dev.roomcall.bench.relay;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM options a systemd unit starts the server with: the words of its {@code ExecStart=} between the java
 * executable and {@code -jar}. The relay benchmark launches the server with them, so what it measures is what a
 * deployment of {@code packaging/server/roomcall-server.service} runs.
 */
final class ServiceUnitJvmOptions {

    private ServiceUnitJvmOptions() {}

    static List<String> read(Path unit) throws IOException {
        return parse(Files.readString(unit));
    }

    /** @throws IllegalArgumentException if there is no {@code ExecStart=} of the form {@code java OPTIONS -jar JAR} */
    static List<String> parse(String unit) {
        String execStart = null;
        StringBuilder line = new StringBuilder();
        for (String raw : unit.split("\n", -1)) {
            String text = raw.strip();
            if (line.isEmpty() && text.startsWith("#")) {
                continue;
            }
            if (text.endsWith("\\")) {
                line.append(text, 0, text.length() - 1).append(' ');
                continue;
            }
            line.append(text);
            if (line.toString().startsWith("ExecStart=")) {
                execStart = line.substring("ExecStart=".length());
            }
            line.setLength(0);
        }
        if (execStart == null) {
            throw new IllegalArgumentException("the unit has no ExecStart=");
        }
        String[] words = execStart.strip().split("\\s+");
        if (!words[0].endsWith("java")) {
            throw new IllegalArgumentException("ExecStart= does not start java: " + words[0]);
        }
        List<String> options = new ArrayList<>();
        for (int i = 1; i < words.length; i++) {
            if (words[i].equals("-jar")) {
                return List.copyOf(options);
            }
            options.add(words[i]);
        }
        throw new IllegalArgumentException("ExecStart= has no -jar: " + execStart);
    }
}
