package dev.roomcall.bench.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** What the numbers were measured on, for the report's header. */
public final class Machine {

    private Machine() {}

    /** e.g. "AMD EPYC, 2 cores, 23.5 GiB RAM, Linux 6.1, OpenJDK 17.0.15". */
    public static String describe() {
        String cpu = firstValue(Path.of("/proc/cpuinfo"), "model name");
        double memGib = Runtime.getRuntime().availableProcessors() > 0 ? memTotalKib() / 1024.0 / 1024.0 : Double.NaN;
        return cpu + ", " + Runtime.getRuntime().availableProcessors() + " cores, "
                + Figures.number(memGib, 1) + " GiB RAM, " + System.getProperty("os.name") + " "
                + System.getProperty("os.version") + ", " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.version");
    }

    /** The 1-, 5- and 15-minute load averages as the kernel prints them. */
    public static String loadAverages() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    /** The 1-minute load average; NaN if unreadable. */
    public static double load1() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]);
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /** First line a command prints that is not a complaint ("x: y"), else its last line, e.g. {@code chromium --version}; "unknown" if it fails. */
    public static String commandOutput(String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor(10, TimeUnit.SECONDS);
            // Debian's chromium wrapper script may complain on stderr before the browser answers.
            return out.lines().filter(line -> !line.contains(": ")).findFirst()
                    .or(() -> out.lines().reduce((a, b) -> b)).orElse("unknown");
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static long memTotalKib() {
        String value = firstValue(Path.of("/proc/meminfo"), "MemTotal");
        try {
            return Long.parseLong(value.replace("kB", "").trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String firstValue(Path file, String key) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(key)) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // fall through
        }
        return "unknown";
    }
}
