package dev.roomcall.bench.relay;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** What /proc says about a process's threads and file descriptors. */
final class ProcStatus {

    private ProcStatus() {}

    /** The {@code Threads:} line of a /proc/PID/status text. */
    static int threads(String status) {
        return Integer.parseInt(field(status, "Threads:"));
    }

    /** The soft limit of open files from a /proc/PID/limits text ("unlimited" reads as {@link Long#MAX_VALUE}). */
    static long maxOpenFiles(String limits) {
        String rest = field(limits, "Max open files");
        String soft = rest.split("\\s+")[0];
        return soft.equals("unlimited") ? Long.MAX_VALUE : Long.parseLong(soft);
    }

    /** {@code MaxHeapSize} in bytes from {@code jcmd VM.flags} output. */
    static long maxHeapBytes(String vmFlags) {
        int at = vmFlags.indexOf("-XX:MaxHeapSize=");
        if (at < 0) {
            throw new IllegalArgumentException("no -XX:MaxHeapSize in: " + vmFlags);
        }
        int start = at + "-XX:MaxHeapSize=".length();
        int end = start;
        while (end < vmFlags.length() && Character.isDigit(vmFlags.charAt(end))) {
            end++;
        }
        return Long.parseLong(vmFlags.substring(start, end));
    }

    static int threadsOf(long pid) {
        return threads(read(pid, "status"));
    }

    static long maxOpenFilesOf(long pid) {
        return maxOpenFiles(read(pid, "limits"));
    }

    static int fdsOf(long pid) {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd"))) {
            return (int) fds.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(long pid, String file) {
        try {
            return Files.readString(Path.of("/proc", Long.toString(pid), file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String field(String text, String key) {
        for (String line : text.split("\n")) {
            if (line.startsWith(key)) {
                return line.substring(key.length()).strip();
            }
        }
        throw new IllegalArgumentException("no '" + key + "' line in: " + text);
    }
}
