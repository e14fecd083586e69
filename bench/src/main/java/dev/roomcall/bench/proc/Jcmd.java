package dev.roomcall.bench.proc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Runs the JDK's {@code jcmd} against another JVM of this user. */
public final class Jcmd {

    private Jcmd() {}

    /** Heap in use in MiB from {@code GC.heap_info}; NaN (with a line on stderr) if jcmd fails. */
    public static double heapUsedMib(long pid) {
        try {
            return HeapInfo.usedBytes(run(pid, "GC.heap_info")) / (1024.0 * 1024.0);
        } catch (IOException | RuntimeException e) {
            System.err.println("jcmd GC.heap_info failed for pid " + pid + ": " + e.getMessage());
            return Double.NaN;
        }
    }

    /** Runs one diagnostic command and returns its output. */
    public static String run(long pid, String... command) throws IOException {
        String[] args = new String[command.length + 2];
        args[0] = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
        args[1] = Long.toString(pid);
        System.arraycopy(command, 0, args, 2, command.length);
        Process process = new ProcessBuilder(args).redirectErrorStream(true).start();
        try {
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IOException("jcmd " + String.join(" ", command) + " failed: "
                        + new String(out, StandardCharsets.UTF_8).strip());
            }
            return new String(out, StandardCharsets.UTF_8);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } finally {
            process.destroyForcibly();
        }
    }
}
